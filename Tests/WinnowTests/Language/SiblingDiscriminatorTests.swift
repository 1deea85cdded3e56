import Foundation
import Testing

@testable import Winnow

@Suite struct SiblingDiscriminatorTests {
  /// Two made-up siblings: `kata` says a, the gram `ng` says b, and the model's choice of b
  /// counts for b.
  static let small = """
    # a comment
    group a b
    bias 100 -100
    word kata 1000 -1000
    gram ng -500 500
    model b -300 300
    """

  @Test func theWeightsOfTheTextsFeaturesAddUp() throws {
    let discriminator = try SiblingDiscriminator(parsing: Self.small)
    let group = try #require(discriminator.group(of: "b"))
    #expect(group.languages == ["a", "b"])
    // a: 0.1 + 1.0 = 1.1, b: -1.1, a margin of 2.2 nats.
    let kata = discriminator.choose(
      in: group, words: ["kata"], modelChoice: "a", siblings: .bundled)
    #expect(kata.language == "a")
    #expect(abs(kata.probability - 1 / (1 + exp(-2.2))) < 1e-9)
    // Two `ng` grams and the model's b: a 0.1 - 1.0 - 0.3 = -1.2 against b 1.2.
    let ngang = discriminator.choose(
      in: group, words: ["ngang"], modelChoice: "b", siblings: .bundled)
    #expect(ngang.language == "b")
    #expect(discriminator.knows("a", "b") && !discriminator.knows("a", "c"))
  }

  @Test func theModelsLeadBetweenAPairWeighsPerNat() throws {
    // The bias leans to b by 0.5 nat a side; each nat of the model's lead for a counts 0.25
    // a side, so a lead of 2 nats ties and more turns the choice to a.
    let discriminator = try SiblingDiscriminator(
      parsing: "group a b\nbias -500 500\nlead 250 -250\n")
    let group = try #require(discriminator.group(of: "a"))
    func choice(lead: Double) -> String {
      discriminator.choose(
        in: group, words: ["x"], modelChoice: "a", modelLead: lead, siblings: .bundled
      ).language
    }
    #expect(choice(lead: 1) == "b")
    #expect(choice(lead: 3) == "a")
    #expect(choice(lead: -3) == "b")
  }

  @Test func aFileItCannotReadIsRejectedWithTheLine() {
    #expect(throws: SiblingWords.FormatError.self) {
      try SiblingDiscriminator(parsing: "group a b\nbias 1 2\nword kata 1\n")
    }
    #expect(throws: SiblingWords.FormatError.self) {
      try SiblingDiscriminator(parsing: "word kata 1 2\n")
    }
    #expect(throws: SiblingWords.FormatError.self) {
      try SiblingDiscriminator(parsing: "group a b\nword kata 1 2\n")
    }
    // The lead is between two languages: a group of three has none.
    #expect(throws: SiblingWords.FormatError.self) {
      try SiblingDiscriminator(parsing: "group a b c\nbias 0 0 0\nlead 1 2 3\n")
    }
  }

  @Test func theBundledModelChoosesAmongTheSiblingsItWasTrainedFor() throws {
    let bundled = SiblingDiscriminator.bundled
    #expect(bundled.knows("ms", "id") && bundled.knows("bs", "hr") && bundled.knows("hi", "mr"))
    #expect(bundled.knows("nb", "nn") && !bundled.knows("nb", "da"))
    // Only Bokmål and Nynorsk weigh the n-gram model's lead between them.
    #expect(bundled.group(of: "nn")?.leadRow != nil && bundled.group(of: "bs")?.leadRow == nil)
  }
}
