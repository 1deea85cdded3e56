/// A single-byte code page UTF-8 bytes get misread as: the byte each of its characters
/// stands for in the high half (0x80...0xFF). The characters come from ICU's converter for
/// the code page; a byte it leaves undefined stands for itself (as the "sloppy" decoders
/// that make such mojibake read it: windows-1252's 0x81 becomes U+0081).
struct MisreadCodePage: Sendable {
  let name: String
  /// The UTF-8 leads the mojibake repair undoes when misread in this code page.
  let leads: Set<UInt8>
  /// Whether a line must be mostly made of this page's sequences to count as mojibake (see
  /// `MojibakeRepair`): for code pages whose lead characters are common letters of the very
  /// languages they serve (`Р С в` in windows-1251, `Ă Ĺ` in windows-1250).
  let needsDensity: Bool
  /// The characters of bytes 0x80...0xFF, in order.
  private let high: [Unicode.Scalar]
  private let bytes: [UInt32: UInt8]

  /// `readsC1AsBytes`: C1 controls also stand for their own bytes, as Latin-1 reads them.
  /// `alsoReads`: characters other decoders give for a byte where ICU gives another.
  init(
    name: String, leads: Set<UInt8> = MojibakeRepair.leadBytes, needsDensity: Bool = false,
    readsC1AsBytes: Bool = false, alsoReads: [Unicode.Scalar: UInt8] = [:]
  ) {
    self.name = name
    self.leads = leads
    self.needsDensity = needsDensity
    high = Self.highHalf(of: name)
    var bytes = Dictionary(uniqueKeysWithValues: alsoReads.map { ($0.key.value, $0.value) })
    if readsC1AsBytes {
      for byte in UInt8(0x80)...0x9F { bytes[UInt32(byte)] = byte }
    }
    for (offset, scalar) in high.enumerated() { bytes[scalar.value] = UInt8(0x80 + offset) }
    self.bytes = bytes
  }

  func byte(_ scalar: Unicode.Scalar) -> UInt8? { bytes[scalar.value] }

  /// The characters that stand for one of the page's leads.
  var leadCharacters: [Unicode.Scalar] {
    bytes.compactMap { leads.contains($0.value) ? Unicode.Scalar($0.key) : nil }
  }

  /// The characters that stand for a UTF-8 continuation byte (0x80...0xBF).
  var continuationCharacters: [Unicode.Scalar] {
    bytes.compactMap { $0.value < 0xC0 ? Unicode.Scalar($0.key) : nil }
  }

  /// The character byte `byte` (0x80...0xFF) stands for.
  func character(_ byte: UInt8) -> Unicode.Scalar { high[Int(byte) - 0x80] }

  /// The byte `scalar` stands for when it is a UTF-8 continuation byte (0x80...0xBF).
  func continuationByte(_ scalar: Unicode.Scalar) -> UInt8? {
    guard let byte = bytes[scalar.value], byte < 0xC0 else { return nil }
    return byte
  }

  /// Decodes 0x80...0xFF in one call; a single-byte charset gives one character per byte,
  /// and an undefined byte (U+FFFD, or ICU's substitute U+001A) stands for itself.
  private static func highHalf(of charset: String) -> [Unicode.Scalar] {
    let raw = Array(UInt8(0x80)...0xFF)
    guard case .success(let converted) = ICUConverter.convert(raw[...], from: charset) else {
      preconditionFailure("ICU has no converter for \(charset)")
    }
    let scalars = Array(converted.text.unicodeScalars)
    precondition(scalars.count == raw.count, "\(charset) is not a single-byte charset")
    return zip(raw, scalars).map { byte, scalar in
      scalar == "\u{FFFD}" || scalar == "\u{1A}" ? Unicode.Scalar(byte) : scalar
    }
  }

  /// UTF-8 leads of Indic and Thai, Vietnamese, Hangul and fullwidth forms, taken only
  /// through windows-1252, whose characters for them (`à á ê ë ì í`) no other page's
  /// mojibake makes; their results are held to those blocks (see `MojibakeRepair`).
  static let westernOnlyLeads: Set<UInt8> = [0xE0, 0xE1, 0xEA, 0xEB, 0xEC, 0xED]

  /// windows-1252, with Latin-1's C1 controls standing for the bytes too.
  static let western = MisreadCodePage(
    name: "windows-1252", leads: MojibakeRepair.leadBytes.union(westernOnlyLeads),
    readsC1AsBytes: true)

  /// windows-1250 (Central European: `PĹ™Ă­klad` for `Příklad`). Leads: the UTF-8 leads of
  /// Latin-1, Latin Extended-A and the Romanian comma letters, of Hebrew and Arabic
  /// (`×˘` is `ע`, `Ř±` is `ر`: windows-1250 shares `×` with windows-1252 and reads `Ř Ů`
  /// for 0xD8 and 0xD9), and of punctuation.
  static let centralEuropean = MisreadCodePage(
    name: "windows-1250", leads: [0xC2, 0xC3, 0xC4, 0xC5, 0xC8, 0xD7, 0xD8, 0xD9, 0xE2],
    needsDensity: true)

  /// ISO-8859-2, windows-1250's older sibling (`MĂĄm` for `Mám`), with its C1 controls.
  static let latin2 = MisreadCodePage(
    name: "ISO-8859-2", leads: centralEuropean.leads, needsDensity: true)

  /// windows-1251 (Cyrillic: `РџСЂРёРІРµС‚` for `Привет`, and Latin text read so: `Г©` for
  /// `é`, `п¬Ѓ` for the ligature `ﬁ`). Leads: the UTF-8 leads of Cyrillic, Latin-1 letters
  /// and punctuation, general punctuation, and the presentation forms (0xEF).
  static let cyrillic = MisreadCodePage(
    name: "windows-1251", leads: [0xC2, 0xC3, 0xD0, 0xD1, 0xE2, 0xEF], needsDensity: true)

  /// windows-1257 (Baltic: `ÄÆdomu` for `įdomu`). Leads: the UTF-8 leads of Latin-1 and
  /// Latin Extended-A, and of punctuation.
  static let baltic = MisreadCodePage(
    name: "windows-1257", leads: [0xC3, 0xC4, 0xC5, 0xE2], needsDensity: true)

  static let macRoman = MisreadCodePage(name: "macintosh")

  /// cp437's leads whose characters (`┬ ├ ┼ ╨ ╤`) may stand before box characters in
  /// mojibake (`├┤` is `ô`); the other leads are box drawing too and are not taken before
  /// box characters, so that box art stays.
  static let cp437Core: Set<UInt8> = [0xC2, 0xC3, 0xC5, 0xD0, 0xD1]

  /// Windows and Python read 0xE6 as the micro sign, ICU as Greek mu. cp437 also reads the
  /// leads of Indic, Thai and Vietnamese (`α ß`: `Tiß║┐ng` is `Tiếng`), held to their
  /// blocks like windows-1252's.
  static let cp437 = MisreadCodePage(
    name: "ibm-437", leads: MojibakeRepair.leadBytes.union([0xE0, 0xE1]),
    alsoReads: ["\u{B5}": 0xE6])
}
