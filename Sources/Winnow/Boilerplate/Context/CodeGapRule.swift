/// The dropped lines between two kept lines are the text's code when at least
/// `minLowercaseShare` of their words are in lowercase lines (a lowercase letter, no uppercase
/// letter and no letter without case: identifiers, commands, `}` and the punctuation a naive scraper splits
/// a highlighted code block into). Then the lines of that gap that only a weak judge dropped
/// (the content score, the line model, the stray-fragment rule: code has no function words
/// and no sentence end) come back as text under this rule's id; a cue rule's drop stays.
///
/// Why: issue 13's census of wcxb's documentation pages (the naive rendering lost 35,621 gold
/// tokens to the content score, mostly code between two kept paragraphs: "npm", "install",
/// "tailwindcss", "@tailwindcss/vite" a line each). What sits between two paragraphs of a news
/// article (a share bar, "Advertisement", a related headline, a caption, a byline) is written
/// in capitals, or in a script without case, and stays dropped. The threshold is the one 13 of
/// 14 groups chose when left out, each source and wcxb domain fold (`scripts/probe_code_gaps.py`,
/// docs/boilerplate.md, "Code between kept paragraphs"). It runs after the line decider, on
/// every page: the page-type model calls documentation prose.
struct CodeGapRule {
  static let id: RuleID = "context.code-gap"

  /// A gap is code when this share of its words, at least, is in lowercase lines.
  static let minLowercaseShare = 0.4

  /// The rules whose drops a code gap gives back: they judge by function words, sentence ends
  /// and the line model's features, which code lacks.
  static let weakRules: Set<RuleID> = [
    ContentScoreRule.id, LineClassifierPass.rule, StrayFragmentRule().id,
  ]

  /// Judges the page's own lines, after each fragment of a joined run got the run's verdict:
  /// a run joins a code block's tokens to the capitalized sentence around them, and judged
  /// whole it reads as prose (on the naive rendering, judging runs gained documentation
  /// pages 0.028 out of source, judging lines 0.044).
  func apply(to verdicts: inout [Verdict?], lines: [Line]) {
    var seenKept = false
    var gapStart: Int? = nil
    // Only a gap that holds a weak drop can change: the others' lines are never scanned.
    var gapHasWeakDrop = false
    for index in lines.indices {
      if verdicts[index] == nil && lines[index].isBlank { continue }
      if ListZoneRule.isDropped(verdicts[index]) {
        // The drops above the first kept line are the page's head, no gap.
        guard seenKept else { continue }
        if gapStart == nil { gapStart = index }
        if !gapHasWeakDrop, let rule = verdicts[index]?.rule, Self.weakRules.contains(rule) {
          gapHasWeakDrop = true
        }
        continue
      }
      // A kept line closes the gap above it; the page's end closes none.
      if let start = gapStart, gapHasWeakDrop, Self.isCode(start..<index, verdicts, lines) {
        for dropped in start..<index {
          guard let rule = verdicts[dropped]?.rule, Self.weakRules.contains(rule) else { continue }
          verdicts[dropped] = Verdict(role: .content, rule: Self.id)
        }
      }
      seenKept = true
      gapStart = nil
      gapHasWeakDrop = false
    }
  }

  /// Whether at least `minLowercaseShare` of the gap's words are in lowercase lines (its blank
  /// lines without a verdict aside).
  private static func isCode(_ gap: Range<Int>, _ verdicts: [Verdict?], _ lines: [Line]) -> Bool {
    var gapWords = 0
    var lowercaseWords = 0
    for index in gap where !(verdicts[index] == nil && lines[index].isBlank) {
      let shape = Shape(lines[index].text)
      gapWords += shape.words
      if shape.isLowercase { lowercaseWords += shape.words }
    }
    return gapWords > 0 && Double(lowercaseWords) >= minLowercaseShare * Double(gapWords)
  }

  /// A line's words (runs of letters and digits; each Han character counts as one) and
  /// whether it is lowercase: no uppercase letter and no letter without case (Han, Arabic,
  /// Thai). A scan of its scalars, without the tokens: a fragment of a joined run has none of
  /// its own.
  struct Shape {
    var words = 0
    /// No uppercase letter and no letter without case.
    private var noOtherLetter = true
    /// At least one lowercase letter: a price or a date alone ("$1,299", "12:45") is no code.
    private var hasLowercase = false
    var isLowercase: Bool { noOtherLetter && hasLowercase }

    init(_ text: String) {
      var inWord = false
      for scalar in text.unicodeScalars {
        let isWordScalar: Bool
        if scalar.isASCII {
          // Most lines are ASCII: their letters and digits without the property tables,
          // which cost the whole pipeline a fifth of its time on the naive rendering.
          let value = scalar.value
          let isUpper = value >= 0x41 && value <= 0x5A
          let isLower = value >= 0x61 && value <= 0x7A
          if isUpper { noOtherLetter = false }
          if isLower { hasLowercase = true }
          isWordScalar = isUpper || isLower || (value >= 0x30 && value <= 0x39)
        } else if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
          // The common Han block, all ideographs: a word each, no case (the tables' answer,
          // without their lookups on Chinese pages).
          noOtherLetter = false
          words += 1
          inWord = false
          continue
        } else {
          let properties = scalar.properties
          let isLetter = properties.isAlphabetic
          // Uppercase, titlecase or without case: not code.
          if isLetter && !properties.isLowercase { noOtherLetter = false }
          if isLetter && properties.isLowercase { hasLowercase = true }
          if properties.isIdeographic {
            // A Han character carries about as much as a word.
            words += 1
            inWord = false
            continue
          }
          isWordScalar = isLetter || properties.numericType != nil
        }
        if isWordScalar && !inWord { words += 1 }
        inWord = isWordScalar
      }
    }
  }
}
