import Foundation
import Testing

@testable import Winnow

@Suite struct InputWalkerTests {
  /// Ids of files and `code:source` of failures, in walk order.
  private func walk(_ inputs: [String], followSymlinks: Bool = false) -> [String] {
    InputWalker(inputs: inputs, followSymlinks: followSymlinks).map { item in
      switch item {
      case .file(let file): file.id
      case .stdin: "-"
      case .failure(let failure): "\(failure.code.rawValue):\(failure.source)"
      }
    }
  }

  @Test func walksInComponentWiseByteOrder() {
    let tree = TemporaryTree()
    for name in ["b.txt", "a/z.txt", "a.txt", "A.txt", "a/b/c.txt", "a-b.txt"] {
      tree.file(name)
    }
    // `a/...` sorts before `a-b.txt` and `a.txt` although '/' > '-' and '.' as bytes.
    #expect(walk([tree.root]) == ["A.txt", "a/b/c.txt", "a/z.txt", "a-b.txt", "a.txt", "b.txt"])
  }

  @Test func skipsHiddenEntriesAndSpecialFilesInsideWalks() {
    let tree = TemporaryTree()
    tree.file("seen.txt")
    tree.file(".hidden.txt")
    tree.file(".git/config")
    tree.fifo("pipe")
    #expect(walk([tree.root]) == ["seen.txt"])
  }

  @Test func readsHiddenFilesAndFIFOsNamedExplicitly() {
    let tree = TemporaryTree()
    let hidden = tree.file(".hidden.txt")
    tree.fifo("pipe")
    #expect(walk([hidden, tree.path("pipe")]) == [hidden, tree.path("pipe")])
  }

  @Test func reportsSymlinkLoopsAndDanglingLinksAndGoesOn() {
    let tree = TemporaryTree()
    tree.file("a.txt")
    tree.directory("d")
    tree.symlink("d/up", to: "..")
    tree.symlink("self", to: "self")
    tree.symlink("dangling", to: "nowhere.txt")
    tree.symlink("link.txt", to: "a.txt")
    tree.file("z.txt")
    #expect(
      walk([tree.root], followSymlinks: true) == [
        "a.txt", "symlink-loop:d/up", "unreadable:dangling", "link.txt", "symlink-loop:self",
        "z.txt",
      ])
    // Without --follow-symlinks the link to a directory is not followed at all.
    #expect(
      walk([tree.root]) == [
        "a.txt", "unreadable:dangling", "link.txt", "symlink-loop:self", "z.txt",
      ])
  }

  @Test func missingInputIsAFailureAndTheOthersAreRead() {
    let tree = TemporaryTree()
    let present = tree.file("here.txt")
    let missing = tree.path("gone.txt")
    #expect(walk([missing, present]) == ["missing:\(missing)", present])
  }

  @Test func severalInputsPrefixIdsWithTheInputAsGiven() {
    let tree = TemporaryTree()
    tree.file("one/x.txt")
    tree.file("two/y.txt")
    #expect(
      walk([tree.path("one/"), tree.path("two")]) == [
        tree.path("one/x.txt"), tree.path("two/y.txt"),
      ])
  }

  @Test func percentEscapesNonUTF8NamesAndKeepsNormalizationForms() {
    let tree = TemporaryTree()
    tree.file([0x66, 0xE9, 0x2E, 0x74, 0x78, 0x74])  // "f\xE9.txt" in Latin-1
    tree.file("caf\u{E9}.txt")  // NFC
    tree.file("cafe\u{301}.txt")  // NFD
    let ids = walk([tree.root])
    #expect(ids.contains("f%E9.txt"))
    #expect(ids.contains("caf\u{E9}.txt"))
    #expect(ids.contains("cafe\u{301}.txt"))
    #expect(Set(ids.map { Array($0.utf8) }).count == 3)
  }

  @Test func filesCarryTheSizeTheWalkSaw() {
    let tree = TemporaryTree()
    tree.file("five.txt", "12345")
    tree.fifo("pipe")
    let sizes = InputWalker(inputs: [tree.path("five.txt"), tree.path("pipe")]).map { item in
      if case .file(let file) = item { return file.size }
      return -1
    }
    #expect(sizes == [5, nil])
  }

  @Test func noInputsMeansStdin() {
    #expect(walk([]) == ["-"])
    #expect(walk(["-"]) == ["-"])
  }

  @Test func escapingIsExactAboutUTF8Validity() {
    let cases: [([UInt8], String)] = [
      ([0xC3, 0xA9], "\u{E9}"),
      ([0xC0, 0xAF], "%C0%AF"),  // overlong '/'
      ([0xED, 0xA0, 0x80], "%ED%A0%80"),  // a surrogate
      ([0xF0, 0x9F, 0x98, 0x80], "\u{1F600}"),
      ([0xE2, 0x82], "%E2%82"),  // truncated
      (Array("caf%E9".utf8), "caf%25E9"),  // a literal '%', which must not meet an escape
    ]
    for (bytes, expected) in cases {
      #expect(PercentEscaping.escapingInvalidUTF8(bytes) == expected)
    }
  }
}
