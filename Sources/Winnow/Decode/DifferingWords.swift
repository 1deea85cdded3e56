/// The words (runs between white space) in which two decodings of one sample differ, each
/// side's joined by spaces, and the words both share around them: the n-gram model judges the
/// differing words in the language their shared neighbours are written in (`NgramFit`), so
/// that Italian `è` read as Czech `č` or Albanian `Ë` is judged as Italian, not each reading
/// in the language it happens to fit best alone.
///
/// Only decodings that differ in which letter of one script some scalars are compare fairly
/// (`dešil` and `değil`; not `de๐il`, nor the uncased `º` and `ș`): the n-gram model reads
/// letters of its script and skips the rest (on the words they share it would let `è` read
/// as Albanian `Ë` outweigh `à` read as `‡`).
struct DifferingWords {
  var first: String
  var second: String
  /// The scalars in which the sides differ, each its own one-letter word: `è ` against `č `.
  var firstLetters: String
  var secondLetters: String
  /// The shared words within `contextWords` words of a differing one, on its line.
  var context: String

  /// Shared words each side of a differing word that tell its language: a clause, not the
  /// menus of the rest of a long page.
  static let contextWords = 8

  /// Nil unless the decodings have as many scalars and differ in letters of one kind only.
  init?(_ first: String, _ second: String) {
    let (firstScalars, secondScalars) = (Array(first.unicodeScalars), Array(second.unicodeScalars))
    guard firstScalars.count == secondScalars.count else { return nil }
    // Each word's scalar range, line number and whether the decodings differ in it.
    var words: [(range: Range<Int>, line: Int, differs: Bool)] = []
    var (wordStart, wordDiffers, line) = (0, false, 0)
    var letters = (first: String.UnicodeScalarView(), second: String.UnicodeScalarView())
    for index in 0...firstScalars.count {
      let isEnd = index == firstScalars.count
      if isEnd || ScalarTraits.of(firstScalars[index]).contains(.whitespace) {
        if index > wordStart { words.append((wordStart..<index, line, wordDiffers)) }
        if !isEnd && firstScalars[index] == "\n" { line += 1 }
        (wordStart, wordDiffers) = (index + 1, false)
        continue
      }
      let (scalar, other) = (firstScalars[index], secondScalars[index])
      if scalar == other { continue }
      guard Self.areLettersOfOneKind(scalar, other) else { return nil }
      letters.first += [scalar, " "]
      letters.second += [other, " "]
      wordDiffers = true
    }
    var sides = (first: String.UnicodeScalarView(), second: String.UnicodeScalarView())
    var context = String.UnicodeScalarView()
    var lastContextWord = -1
    for (position, word) in words.enumerated() where word.differs {
      sides.first += firstScalars[word.range] + [" "]
      sides.second += secondScalars[word.range] + [" "]
      let near =
        max(
          position - Self.contextWords, lastContextWord + 1)..<min(
          words.count, position + Self.contextWords + 1)
      for neighbour in near where !words[neighbour].differs && words[neighbour].line == word.line {
        context += firstScalars[words[neighbour].range] + [" "]
      }
      lastContextWord = max(lastContextWord, near.upperBound - 1)
    }
    guard !sides.first.isEmpty else { return nil }
    (self.first, self.second, self.context) = (
      String(sides.first), String(sides.second), String(context)
    )
    (firstLetters, secondLetters) = (String(letters.first), String(letters.second))
  }

  private static func isCasedLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter: true
    default: false
    }
  }

  /// Two letters of one script, both cased (`ș`, general category Ll) or both not (`º`, Lo).
  static func areLettersOfOneKind(_ scalar: Unicode.Scalar, _ other: Unicode.Scalar) -> Bool {
    ScalarTraits.of(scalar).contains(.alphabetic) && ScalarTraits.of(other).contains(.alphabetic)
      && DecodingPlausibility.script(of: scalar.value)
        == DecodingPlausibility.script(of: other.value)
      && isCasedLetter(scalar) == isCasedLetter(other)
  }
}
