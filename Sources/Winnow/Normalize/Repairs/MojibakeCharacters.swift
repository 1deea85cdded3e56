/// The characters that can start or continue a mojibake sequence in the code pages
/// `MojibakeRepair` reads, as bit sets: the line triage asks about every non-ASCII scalar
/// of a page, so callers fetch `shared` once per line and test bits.
struct MojibakeCharacters: Sendable {
  static let shared = MojibakeCharacters(pages: MojibakeRepair.codePages)

  /// Characters standing for a UTF-8 lead the repair takes in their page, in any page.
  let leads: CodePointSet
  /// Per page: its lead characters, the characters standing for a continuation byte
  /// (0x80...0xBF), and for each three-byte lead the continuations that can follow it in a
  /// sequence the repair takes (`isPlausible`, or a CESU-8 high surrogate): `п` is
  /// windows-1251's 0xEF, which the repair takes only before `¬ » ј Ѕ ѕ ї`, so that Ukrainian
  /// `пі` costs no repair attempt.
  private let pages: [Page]

  private struct Page {
    let leads: CodePointSet
    let continuations: CodePointSet
    let threeByteSeconds: [UInt32: CodePointSet]
  }

  init(pages: [MisreadCodePage]) {
    leads = CodePointSet(pages.flatMap(\.leadCharacters).map(\.value))
    self.pages = pages.map { page in
      var seconds: [UInt32: CodePointSet] = [:]
      for lead in page.leadCharacters {
        guard let byte = page.byte(lead), byte >= 0xE0 else { continue }
        let allowed = page.continuationCharacters.filter { second in
          let prefix = UInt32(byte & 0x0F) << 12 | UInt32(page.byte(second)! & 0x3F) << 6
          return (UInt32(0)...0x3F).contains { third in
            let value = prefix | third
            return (0xD800...0xDBFF).contains(value)
              || (value >= 0x800 && MojibakeRepair.isPlausible(value, lead: byte))
          }
        }
        seconds[lead.value] = CodePointSet(allowed.map(\.value))
      }
      return Page(
        leads: CodePointSet(page.leadCharacters.map(\.value)),
        continuations: CodePointSet(page.continuationCharacters.map(\.value)),
        threeByteSeconds: seconds)
    }
  }

  /// Cheap test for the line triage: a lead followed by a continuation character of the
  /// same page that can start a sequence the repair takes, `Ã` before a plain space, or a
  /// lead before U+FFFD (a lost byte).
  func mayStart(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
    guard leads.contains(previous) else { return false }
    if (previous == "Ã" && scalar == " ") || scalar == "\u{FFFD}" { return true }
    return pages.contains { page in
      guard page.leads.contains(previous) else { return false }
      if let seconds = page.threeByteSeconds[previous.value] { return seconds.contains(scalar) }
      return page.continuations.contains(scalar)
    }
  }
}
