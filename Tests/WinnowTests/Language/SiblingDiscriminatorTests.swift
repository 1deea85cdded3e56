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
  }

  @Test func theBundledModelChoosesAmongTheSiblingsItWasTrainedFor() throws {
    let bundled = SiblingDiscriminator.bundled
    #expect(bundled.knows("ms", "id") && bundled.knows("bs", "hr") && bundled.knows("hi", "mr"))
    #expect(!bundled.knows("nb", "nn"))
  }
}
