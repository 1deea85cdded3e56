import Foundation
import Testing

@testable import Winnow

@Suite struct OutputDirectoryTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var id: String
    var output: String
    var temporary: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "file at the root", id: "b.txt", output: "out/b.txt.jsonl",
      temporary: "out/.b.txt.jsonl.tmp-"),
    Case(
      name: "nested file keeps its whole name", id: "a/b.md", output: "out/a/b.md.jsonl",
      temporary: "out/a/.b.md.jsonl.tmp-"),
    Case(
      name: "input given as an absolute path stays inside", id: "/data/x/a.txt",
      output: "out/%2F/data/x/a.txt.jsonl", temporary: "out/%2F/data/x/.a.txt.jsonl.tmp-"),
    Case(
      name: "input given with .. stays inside", id: "../up/./a.txt",
      output: "out/%2E%2E/up/%2E/a.txt.jsonl", temporary: "out/%2E%2E/up/%2E/.a.txt.jsonl.tmp-"),

  ]

  @Test(arguments: cases)
  func outputAndTemporaryNames(_ example: Case) {
    let directory = OutputDirectory(root: "out")
    #expect(directory.outputPath(forID: example.id) == example.output)
    let temporary = directory.temporaryPath(forID: example.id)
    #expect(temporary.hasPrefix(example.temporary))
    #expect(temporary.hasSuffix("\(getpid())"))
  }
}
