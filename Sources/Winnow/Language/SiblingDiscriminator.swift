import CWinnowLangModel
import Foundation

/// Chooses among close siblings (Malay and Indonesian, Bosnian and Croatian, Hindi and
/// Marathi, Bokmål and Nynorsk) once the n-gram model's best language is one of them: a
/// linear model per group over the text's letter n-grams and words, the model's own choice,
/// the n-gram model's lead between the two of a pair and the lead `SiblingWords` gives. Learnt by `scripts/train_sibling_discriminator.py` from the tuning
/// half of the development sentences into `sibling_discriminator.txt`, which the binary
/// carries.
struct SiblingDiscriminator: Sendable {
  /// One group of siblings and the weights of its features, a row of one weight per language.
  struct Group: Sendable {
    var languages: [String]
    var bias: [Double] = []
    /// Letter n-grams and words, by `FeatureKey`.
    var features = FeatureRows()
    var models: [String: Int] = [:]
    /// Per pair of `SiblingWords`, the row weighing each nat of its lead of the first over
    /// the second.
    var wordLeads: [(first: String, second: String, row: Int)] = []
    /// In a group of two, the row weighing each nat of the n-gram model's lead of the first
    /// language over the second: the model's scores hold more than its choice, but alone it
    /// leans to one sibling (Croatian over Bosnian), which the bias corrects.
    var leadRow: Int?
    var weights: [Double] = []
  }

  /// The language chosen and how sure the model is of it (its softmax probability).
  struct Choice: Equatable {
    var language: String
    var probability: Double
  }

  private(set) var groups: [Group] = []

  /// The letter n-grams looked at: of each word with `<` and `>` at its ends, 1 to 4 long.
  static let longestGram = 4
  /// Weights are written in thousandths of a natural log.
  static let weightScale = 1000.0

  static let bundled: SiblingDiscriminator = {
    let bytes = UnsafeRawBufferPointer(
      start: wn_sibling_discriminator_bytes(), count: Int(wn_sibling_discriminator_size()))
    do {
      return try SiblingDiscriminator(parsing: String(decoding: bytes, as: UTF8.self))
    } catch {
      // The build checks the file against its stamp, so this is a broken checkout.
      fatalError("the bundled sibling discriminator is unusable: \(error)")
    }
  }()

  /// Lines are `group L1 L2 ...`, then `bias W1 W2 ...` and `KIND KEY W1 W2 ...` for that
  /// group (KIND `gram`, `word`, `model`, or `words` with the two languages of the pair as
  /// KEY), and for a group of two `lead W1 W2` (no KEY), weights in thousandths; `#` starts
  /// a comment.
  init(parsing text: String) throws(SiblingWords.FormatError) {
    var text = text
    let failure: SiblingWords.FormatError? = text.withUTF8 { bytes in
      if let failure = TextTableLines.forEach(
        in: bytes,
        { lineNumber, line, fields in
          addLine(fields, of: line, number: lineNumber)
        })
      {
        return failure
      }
      guard let incomplete = groups.first(where: { $0.bias.count != $0.languages.count }) else {
        return nil
      }
      // Numbered as the lines of the whole text, the empty one after its last `\n` too.
      let lines = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      return SiblingWords.FormatError(
        line: lines, message: "group \(incomplete.languages) has no bias")
    }
    if let failure { throw failure }
  }

  /// Reads one line of the file into `groups`; the error when it cannot.
  private mutating func addLine(
    _ fields: [TextTableLines.Field], of line: TextTableLines.Field, number lineNumber: Int
  ) -> SiblingWords.FormatError? {
    let kind = fields[0]
    func failure() -> SiblingWords.FormatError {
      SiblingWords.FormatError(
        line: lineNumber, message: "cannot read '\(TextTableLines.string(line))'")
    }
    if TextTableLines.field(kind, is: "group") {
      guard fields.count >= 3 else { return failure() }
      groups.append(Group(languages: fields[1...].map(TextTableLines.string)))
      return nil
    }
    // The group is changed where it lies: taking it out and putting it back copied it.
    guard !groups.isEmpty,
      Self.addWeights(fields, kind: kind, to: &groups[groups.count - 1])
    else { return failure() }
    return nil
  }

  /// Reads a `bias` or `KIND KEY` line of weights into `group`; false when it cannot (the
  /// whole file is refused then, so what it added stays).
  private static func addWeights(
    _ fields: [TextTableLines.Field], kind: TextTableLines.Field, to group: inout Group
  ) -> Bool {
    let isLead = TextTableLines.field(kind, is: "lead")
    let keyFields =
      TextTableLines.field(kind, is: "words")
      ? 2 : TextTableLines.field(kind, is: "bias") || isLead ? 0 : 1
    guard fields.count == 1 + keyFields + group.languages.count,
      !isLead || group.languages.count == 2
    else { return false }
    let offset = group.weights.count
    for field in fields[(1 + keyFields)...] {
      guard let number = TextTableLines.integer(field) else { return false }
      group.weights.append(Double(number) / Self.weightScale)
    }
    if TextTableLines.field(kind, is: "bias") {
      group.bias = Array(group.weights[offset...])
      group.weights.removeSubrange(offset...)
    } else if isLead {
      group.leadRow = offset
    } else if TextTableLines.field(kind, is: "gram") {
      group.features.insert(FeatureKey.gram(utf8: fields[1]), row: offset)
    } else if TextTableLines.field(kind, is: "word") {
      group.features.insert(FeatureKey.word(utf8: fields[1]), row: offset)
    } else if TextTableLines.field(kind, is: "model") {
      group.models[TextTableLines.string(fields[1])] = offset
    } else if TextTableLines.field(kind, is: "words") {
      group.wordLeads.append(
        (TextTableLines.string(fields[1]), TextTableLines.string(fields[2]), offset))
    } else {
      return false
    }
    return true
  }

  /// The group holding `language`, if any.
  func group(of language: String) -> Group? {
    groups.first { $0.languages.contains(language) }
  }

  /// Whether some group holds both languages.
  func knows(_ language: String, _ rival: String) -> Bool {
    group(of: language)?.languages.contains(rival) ?? false
  }

  /// The group's language for text with these lowercased `words`, which the n-gram model
  /// took for `modelChoice`, by `modelLead` nats for the group's first language over its
  /// second (read only when the group has a `leadRow`); `siblings` gives the word-frequency
  /// leads.
  func choose(
    in group: Group, words: [String], modelChoice: String, modelLead: Double = 0,
    siblings: SiblingWords
  ) -> Choice {
    var scores = group.bias
    // Through buffers: the weights are added once per n-gram found, and an array's uniqueness
    // and bounds checks cost more than the addition.
    scores.withUnsafeMutableBufferPointer { scores in
      group.weights.withUnsafeBufferPointer { weights in
        func add(row offset: Int?, times count: Double = 1) {
          guard let offset else { return }
          for index in scores.indices { scores[index] += weights[offset &+ index] * count }
        }
        add(row: group.models[modelChoice])
        add(row: group.leadRow, times: modelLead)
        for pair in group.wordLeads {
          add(
            row: pair.row, times: siblings.lead(of: pair.first, over: pair.second, in: words) ?? 0)
        }
        var padded: [UInt32] = []
        for word in words {
          add(row: group.features.row(of: FeatureKey.word(word.unicodeScalars)))
          padded.removeAll(keepingCapacity: true)
          padded.append(FeatureKey.wordStart)
          for scalar in word.unicodeScalars { padded.append(scalar.value) }
          padded.append(FeatureKey.wordEnd)
          // Every gram starting at `start`, longer and longer, hashed as it grows.
          for start in padded.indices {
            var key = FeatureKey.gramSeed
            for end in start..<min(start + Self.longestGram, padded.count) {
              key = FeatureKey.adding(padded[end], to: key)
              if end == start
                && (padded[start] == FeatureKey.wordStart || padded[start] == FeatureKey.wordEnd)
              {
                continue
              }
              add(row: group.features.row(of: key))
            }
          }
        }
      }
    }
    let best = scores.indices.max { scores[$0] < scores[$1] }!
    let total = scores.reduce(0) { $0 + exp($1 - scores[best]) }
    return Choice(language: group.languages[best], probability: 1 / total)
  }
}

/// A feature of `SiblingDiscriminator` as a 64-bit FNV-1a hash of its scalar values, seeded
/// by its kind: looked up without building a string for every n-gram of every word.
enum FeatureKey {
  static let gramSeed: UInt64 = 0xcbf2_9ce4_8422_2325
  static let wordSeed: UInt64 = gramSeed ^ 0x5157_4f52_4453
  static let wordStart = UInt32(UInt8(ascii: "<"))
  static let wordEnd = UInt32(UInt8(ascii: ">"))

  @inline(__always)
  static func adding(_ value: UInt32, to key: UInt64) -> UInt64 {
    (key ^ UInt64(value)) &* 0x100_0000_01b3
  }

  static func word(_ scalars: String.UnicodeScalarView) -> UInt64 {
    scalars.reduce(wordSeed) { adding($1.value, to: $0) }
  }

  /// `gram` of the scalars of valid UTF-8, read in place.
  static func gram(utf8 bytes: TextTableLines.Field) -> UInt64 { hash(bytes, seed: gramSeed) }

  /// `word` of the scalars of valid UTF-8, read in place.
  static func word(utf8 bytes: TextTableLines.Field) -> UInt64 { hash(bytes, seed: wordSeed) }

  private static func hash(_ bytes: TextTableLines.Field, seed: UInt64) -> UInt64 {
    var key = seed
    UTF8Scalars.forEach(in: UnsafeBufferPointer(rebasing: bytes)) { value in
      key = adding(value, to: key)
      return true
    }
    return key
  }
}

/// Feature keys to the offsets of their rows: an open-addressing table, since the lookups of
/// a text's n-grams are the discriminator's whole cost.
struct FeatureRows: Sendable {
  private var keys: [UInt64] = Array(repeating: 0, count: 16)
  private var rows: [Int32] = Array(repeating: -1, count: 16)
  private var count = 0

  private func slot(of key: UInt64) -> Int {
    // Fibonacci hashing spreads the FNV bits over the table.
    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (keys.count - 1)
    while rows[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
    return slot
  }

  func row(of key: UInt64) -> Int? {
    let found = rows[slot(of: key)]
    return found >= 0 ? Int(found) : nil
  }

  mutating func insert(_ key: UInt64, row: Int) {
    if (count + 1) * 2 > keys.count {
      let old = zip(keys, rows).filter { $0.1 >= 0 }
      keys = Array(repeating: 0, count: keys.count * 2)
      rows = Array(repeating: -1, count: keys.count)
      for (oldKey, oldRow) in old { place(oldKey, Int(oldRow)) }
    }
    if rows[slot(of: key)] < 0 { count += 1 }
    place(key, row)
  }

  private mutating func place(_ key: UInt64, _ row: Int) {
    let slot = slot(of: key)
    keys[slot] = key
    rows[slot] = Int32(row)
  }
}
