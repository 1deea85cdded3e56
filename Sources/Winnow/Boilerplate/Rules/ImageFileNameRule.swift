/// Drops image file names left where a picture was: "Webp r2umstd7klz7h71rbd02tzrmpryg",
/// "IMG_2041.JPG".
///
/// Why: seed 004 line 3. A line is a file name when it is short, names an image format and
/// has a file extension or a machine-made id (letters and digits mixed).
struct ImageFileNameRule: LineRule {
  let id: RuleID = "builtin.image-file-name"
  let role = LineRole.dropped(.imageCaption)
  static let formats: Set<String> = [
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "avif", "heic",
  ]
  static let maxTokens = 6

  func matches(_ line: LineContext) -> Bool {
    guard line.tokens.count <= Self.maxTokens,
      line.tokens.contains(where: { Self.formats.contains($0.text) })
    else { return false }
    let lowered = line.text.lowercased()
    let hasExtension = Self.formats.contains { lowered.contains(".\($0)") }
    return hasExtension || line.tokens.contains(where: Self.isMachineID)
  }

  /// "r2umstd7klz7h71rbd02tzrmpryg": long, with letters and digits mixed.
  static func isMachineID(_ token: Token) -> Bool {
    guard token.text.utf8.count >= 8, !token.isNumber else { return false }
    return token.text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
  }
}
