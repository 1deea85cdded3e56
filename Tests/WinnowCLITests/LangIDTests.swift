import Foundation
import Testing

@Suite struct LangIDTests {
  /// Close siblings the character n-grams confuse, told apart by their words.
  @Test func siblingsAreToldApartLineByLine() throws {
    let lines = [
      "Tidak ada uang.", "Tidak ada wang.", "Jeg vet det ikke.", "Jeg ved det ikke.",
      "Eg har ikkje tid no.",
    ]
    let result = try Winnow.run(
      ["langid"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
    #expect(result.status == 0)
    #expect(result.stdoutText == "id\nms\nnb\nda\nnn\n")
  }
}
