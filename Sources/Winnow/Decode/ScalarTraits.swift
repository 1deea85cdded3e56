/// The Unicode properties `DecodingPlausibility` asks of every scalar of every candidate
/// decoding: from a table below U+3100 (where single-byte charsets decode to) and by range
/// for Han and Hangul syllables, since the standard library's property lookups cost more than
/// all the rest of the scoring.
struct ScalarTraits: OptionSet {
  let rawValue: UInt8

  static let whitespace = ScalarTraits(rawValue: 1)
  /// General category Mn, Mc or Me.
  static let mark = ScalarTraits(rawValue: 2)
  static let alphabetic = ScalarTraits(rawValue: 4)
  static let lowercase = ScalarTraits(rawValue: 8)
  static let decimalNumber = ScalarTraits(rawValue: 16)

  private static let tableEnd: UInt32 = 0x3100
  private static let table: [ScalarTraits] = (0..<tableEnd).map {
    // No surrogates below U+3100: every value is a scalar.
    computed(Unicode.Scalar($0)!)
  }

  static func of(_ scalar: Unicode.Scalar) -> ScalarTraits {
    let value = scalar.value
    if value < tableEnd { return table[Int(value)] }
    switch value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return .alphabetic
    default: return computed(scalar)
    }
  }

  private static func computed(_ scalar: Unicode.Scalar) -> ScalarTraits {
    let properties = scalar.properties
    var traits: ScalarTraits = []
    if properties.isWhitespace { traits.insert(.whitespace) }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: traits.insert(.mark)
    case .decimalNumber: traits.insert(.decimalNumber)
    default: break
    }
    if properties.isAlphabetic { traits.insert(.alphabetic) }
    if properties.isLowercase { traits.insert(.lowercase) }
    return traits
  }
}
