import Testing

@testable import Winnow

/// The per-folder table of lines repeated across pages: counting, folding, the cap.
@Suite struct LineRepetitionTests {
  @Test func countsEachLineOncePerPageByFolder() {
    var survey = LineRepetitionSurvey(maxTrackedLines: 100, maxLineBytes: 400)
    survey.add(page: "Home | News\nStory one\nHome | News", folder: "a")
    survey.add(page: "Home | News\nStory two", folder: "a")
    survey.add(page: "Home | News\nStory three", folder: "b")
    let tables = survey.tables()
    #expect(tables["a"]?.pages == 2)
    #expect(tables["a"]?.pagesContaining("Home | News") == 2)
    #expect(tables["a"]?.pagesContaining("Story one") == 0, "seen on one page: not kept")
    #expect(tables["b"]?.pages == 1)
    #expect(tables["b"]?.pagesContaining("Home | News") == 0)
  }

  struct FoldCase: CustomTestStringConvertible, Sendable {
    var name: String
    var a: String
    var b: String
    var same: Bool
    var testDescription: String { name }
  }

  @Test(arguments: [
    FoldCase(name: "case", a: "Home | News", b: "HOME | news", same: true),
    FoldCase(name: "runs of spaces", a: "Home | News", b: "  Home \t|   News ", same: true),
    FoldCase(name: "no-break space", a: "Home | News", b: "Home\u{A0}| News", same: true),
    FoldCase(name: "non-ASCII case", a: "ÜBER UNS", b: "über uns", same: true),
    FoldCase(name: "different words", a: "Home | News", b: "Home | Sport", same: false),
    FoldCase(name: "space matters", a: "Home | News", b: "Home|News", same: false),
  ])
  func foldsWhiteSpaceAndCase(_ fold: FoldCase) {
    #expect((LineFingerprint.of(fold.a) == LineFingerprint.of(fold.b)) == fold.same)
  }

  @Test func linesOverTheByteLimitAreNotCounted() {
    var survey = LineRepetitionSurvey(maxTrackedLines: 100, maxLineBytes: 10)
    for _ in 0..<3 { survey.add(page: "short line\r\neleven byte\rx", folder: "f") }
    let table = survey.tables()["f"]
    #expect(table?.pagesContaining("short line") == 3)
    #expect(table?.pagesContaining("eleven byte") == 0)
    #expect(table?.pagesContaining("X") == 3, "lines split at \\r too")
    #expect(survey.trackedLines == 2)
  }

  @Test func blankLinesHaveNoFingerprint() {
    #expect(LineFingerprint.of("") == nil)
    #expect(LineFingerprint.of(" \t\u{3000}") == nil)
  }

  /// The fingerprint hashes runs of eight printable ASCII bytes at once: it must be the hash
  /// of the folded text's bytes taken eight at a time, wherever the runs start and end.
  @Test func eightBytesAtOnceHashLikeTheFoldedBytes() {
    var generator = SeededGenerator(seed: 11)
    let pieces = [
      "a", "Z", "home", "NEWS", "|", " ", "  ", "\t", "\u{0B}", "\u{01}", "~", "\u{7F}", "é", "Ü",
      "中", "\u{A0}", "\u{3000}", "Ω", "İ", "0123456789", "AbCdEfGhIj", "@[`{",
    ]
    for _ in 0..<2000 {
      let count = Int.random(in: 0...24, using: &generator)
      let line = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      #expect(
        LineFingerprint.of(line) == Self.referenceFingerprint(line), "\(line.debugDescription)")
    }
  }

  /// `LineFingerprint` one byte at a time: white space runs become one space, the ends go,
  /// scalars below U+0590 are lowercased; the bytes are mixed eight to a word.
  private static func referenceFingerprint(_ line: String) -> UInt64? {
    var folded: [UInt8] = []
    var pendingSpace = false
    for scalar in line.unicodeScalars {
      if scalar == " " || WhiteSpace.otherThanSpaceSet.contains(scalar) {
        pendingSpace = !folded.isEmpty
        continue
      }
      if pendingSpace { folded.append(0x20) }
      pendingSpace = false
      let lowered =
        scalar.value < 0x0590 && scalar.properties.changesWhenLowercased
        ? scalar.properties.lowercaseMapping : String(scalar)
      folded += Array(lowered.utf8)
    }
    guard !folded.isEmpty else { return nil }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var start = 0
    repeat {
      let end = min(start + 8, folded.count)
      var word: UInt64 = 0
      for index in start..<end { word |= UInt64(folded[index]) << (8 * UInt64(index - start)) }
      hash = (hash ^ word ^ (UInt64(end - start) << 59)) &* 0x0000_0100_0000_01b3
      hash ^= hash >> 29
      start = end
    } while start < folded.count
    if folded.count % 8 == 0 {
      // The last full word was mixed as it filled; the final flush mixes an empty one.
      hash = (hash ^ 0) &* 0x0000_0100_0000_01b3
      hash ^= hash >> 29
    }
    return hash
  }

  @Test func theCapStopsNewLinesButKeepsCountingTrackedOnes() {
    var survey = LineRepetitionSurvey(maxTrackedLines: 2, maxLineBytes: 400)
    survey.add(page: "alpha\nbeta", folder: "f")
    survey.add(page: "alpha\nbeta\ngamma", folder: "f")
    survey.add(page: "alpha\ngamma", folder: "f")
    #expect(survey.trackedLines == 2)
    let table = survey.tables()["f"]
    #expect(table?.pages == 3)
    #expect(table?.pagesContaining("alpha") == 3)
    #expect(table?.pagesContaining("beta") == 2)
    #expect(table?.pagesContaining("gamma") == 0)
  }

  @Test func atTheCapLinesSeenOnceAreForgotten() {
    var survey = LineRepetitionSurvey(maxTrackedLines: 3, maxLineBytes: 400)
    survey.add(page: "alpha\nbeta\ngamma", folder: "f")
    survey.add(page: "alpha\ndelta", folder: "g")
    survey.add(page: "alpha\ndelta", folder: "g")
    let tables = survey.tables()
    #expect(tables["f"]?.pagesContaining("beta") == 0)
    #expect(tables["g"]?.pagesContaining("alpha") == 2)
    #expect(tables["g"]?.pagesContaining("delta") == 2)
  }

  @Test func theSameOrderGivesTheSameTableUnderTheCap() {
    var generator = SeededGenerator(seed: 7)
    let pages = (0..<40).map { _ in
      (0..<12).map { _ in "line \(Int.random(in: 0..<30, using: &generator))" }
        .joined(separator: "\n")
    }
    func survey() -> [Int] {
      var survey = LineRepetitionSurvey(maxTrackedLines: 17, maxLineBytes: 400)
      for (index, page) in pages.enumerated() { survey.add(page: page, folder: "\(index % 2)") }
      let tables = survey.tables()
      return (0..<30).flatMap { line in
        ["0", "1"].map { tables[$0]?.pagesContaining("line \(line)") ?? -1 }
      }
    }
    #expect(survey() == survey())
    #expect(survey().reduce(0, +) > 0)
  }
}
