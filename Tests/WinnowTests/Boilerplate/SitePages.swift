/// Pages of one small news site: article text that the per-page rules keep, and chrome
/// lines that only repetition across pages gives away.
enum SitePages {
  static let footer =
    "You can always reach the Riverside Courier newsroom by writing to our editors."
  static let nav = "The Riverside Courier covers local politics, schools and the valley weather."

  /// Page `index`: its own story between the chrome lines given.
  static func page(_ index: Int, chrome: (top: String?, bottom: String?)) -> String {
    [
      chrome.top, "Council story number \(index)",
      "The council met on Tuesday evening to discuss plan number \(index), which would change "
        + "how the town pays for its roads and bridges, officials said.",
      "Residents who spoke at the meeting were divided, with several asking for more time to "
        + "study proposal \(index) before any vote is taken.",
      chrome.bottom,
    ].compactMap { $0 }.joined(separator: "\n")
  }
}
