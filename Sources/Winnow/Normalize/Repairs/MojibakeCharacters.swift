/// The characters that can start or continue a mojibake sequence in the code pages
/// `MojibakeRepair` reads, as bit sets: the line triage asks about every non-ASCII scalar
/// of a page, so callers fetch `shared` once per line and test bits.
struct MojibakeCharacters: Sendable {
  static let shared = MojibakeCharacters(pages: MojibakeRepair.codePages)

  /// Characters standing for a UTF-8 lead the repair takes in their page, in any page.
  let leads: CodePointSet
  /// Per page: its lead characters and the characters standing for a continuation byte
  /// (0x80...0xBF).
  private let pages: [(leads: CodePointSet, continuations: CodePointSet)]

  init(pages: [MisreadCodePage]) {
    leads = CodePointSet(pages.flatMap(\.leadCharacters).map(\.value))
    self.pages = pages.map { page in
      (
        CodePointSet(page.leadCharacters.map(\.value)),
        CodePointSet(page.continuationCharacters.map(\.value))
      )
    }
  }

  /// Cheap test for the line triage: a lead followed by a continuation character of the
  /// same page, `Ã` before a plain space, or a lead before U+FFFD (a lost byte).
  func mayStart(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
    guard leads.contains(previous) else { return false }
    if (previous == "Ã" && scalar == " ") || scalar == "\u{FFFD}" { return true }
    return pages.contains { $0.leads.contains(previous) && $0.continuations.contains(scalar) }
  }
}
