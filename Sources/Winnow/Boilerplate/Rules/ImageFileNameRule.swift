/// Drops image file names left where a picture was: "Webp r2umstd7klz7h71rbd02tzrmpryg",
/// "IMG_2041.JPG".
///
/// Why: seed 004 line 3. A line is a file name when it is short, names an image format and
/// has a file extension or a machine-made id (letters and digits mixed).
struct ImageFileNameRule: LineRule {
  var id: RuleID { "builtin.image-file-name" }
  let role = LineRole.dropped(.imageCaption)
  static let formatNames = [
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "avif", "heic",
  ]
  /// Compared one by one: eleven integer comparisons cost less than hashing the token for a
  /// `Set`, and every short line asks.
  static let formats = formatNames.map(Token.hash)
  static let maxTokens = 6

  func matches(_ line: LineContext) -> Bool {
    guard line.tokens.count <= Self.maxTokens else { return false }
    let formats = Self.formats
    guard line.tokens.contains(where: { formats.contains($0.hash) }) else { return false }
    let lowered = line.text.lowercased()
    let hasExtension = Self.formatNames.contains { lowered.contains(".\($0)") }
    return hasExtension || line.tokens.contains(where: Self.isMachineID)
  }

  /// "r2umstd7klz7h71rbd02tzrmpryg": long, with letters and digits mixed.
  static func isMachineID(_ token: Token) -> Bool {
    token.length >= 8 && !token.isNumber && token.hasDigit
  }
}
