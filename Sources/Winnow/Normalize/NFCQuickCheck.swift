import CWinnowICU

/// Whether text is certainly NFC, decided on its scalars and ICU's data, without ICU's
/// normalizer or a UTF-16 copy: Unicode's quick check (UAX #15: every character
/// NFC_Quick_Check Yes, non-zero combining classes in ascending order), with one step
/// further for Maybe characters of combining class 0 (Tamil `ா`, a Hangul vowel jamo, the
/// kana voicing marks' starters): NFC can only compose such a character with the one right
/// before it, so it changes nothing when ICU knows no composite of the two
/// (`unorm2_composePair`). Lines of Devanagari with viramas, Arabic with harakat, Tamil with
/// vowel signs are thus found NFC here instead of by ICU.
struct NFCQuickCheck: Sendable {
  /// A character that may compose with the one before it.
  static let maybeStarter = UInt8(WN_NFC_MAYBE_STARTER)
  /// A character only ICU's normalizer can judge: NFC_Quick_Check No, or Maybe with a
  /// non-zero combining class.
  static let needsNormalizer = UInt8(WN_NFC_NEEDS_NORMALIZER)

  static let shared = NFCQuickCheck()

  /// Each BMP scalar's class for the check (`wn_nfc_quick_check_class`): its combining class
  /// when its quick check is Yes, or one of the two marks above. 64 KiB, read from ICU once.
  private let basicClasses: [UInt8]

  private init() {
    basicClasses = [UInt8](unsafeUninitializedCapacity: 0x10000) { buffer, count in
      wn_nfc_quick_check_classes(buffer.baseAddress)
      count = 0x10000
    }
  }

  /// The class of `value` for the check: 0 for every scalar that is NFC whatever surrounds
  /// it (combining class 0, quick check Yes).
  @inline(__always)
  func checkClass(of value: UInt32) -> UInt8 {
    value < 0x10000
      ? basicClasses.withUnsafeBufferPointer { $0[Int(value)] }
      : UInt8(truncatingIfNeeded: wn_nfc_quick_check_class(Int32(bitPattern: value)))
  }

  /// One step of the check, for a scalar that is not NFC whatever surrounds it (`checkClass`
  /// not 0): whether text that is NFC up to `previous` stays NFC with `value` after it. The
  /// combining class carried from `previous` is its own (a Maybe starter's is 0).
  @inline(__always)
  func allows(_ checkClass: UInt8, of value: UInt32, after previous: UInt32) -> Bool {
    if checkClass == Self.maybeStarter {
      return wn_nfc_compose_pair(Int32(bitPattern: previous), Int32(bitPattern: value)) < 0
    }
    let previousClass = self.checkClass(of: previous)
    return checkClass != Self.needsNormalizer
      && (previousClass == Self.maybeStarter || previousClass <= checkClass)
  }

  /// Whether `scalars` are certainly NFC (when false, they may still be).
  func isNormalized(_ scalars: [Unicode.Scalar]) -> Bool {
    var previous: UInt32 = 0
    for scalar in scalars {
      let checkClass = checkClass(of: scalar.value)
      if checkClass != 0 && !allows(checkClass, of: scalar.value, after: previous) { return false }
      previous = scalar.value
    }
    return true
  }
}
