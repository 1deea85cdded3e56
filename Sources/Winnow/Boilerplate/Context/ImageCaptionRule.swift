/// A short line right under an image file name is that image's caption (seed 004 line 4).
struct ImageCaptionRule: ContextRule {
  static let id: RuleID = "context.image-caption"
  static let evidence = ContextEvidence.position

  /// A caption has at most this many words (`boilerplate.context.caption_max_words`).
  let maxWords: Int

  func apply(to pass: inout ContextPass) {
    let imageRule = ImageFileNameRule().id
    for index in pass.lines.indices where pass.verdicts[index]?.rule == imageRule {
      guard let next = pass.nextLine(after: index), pass.verdicts[next] == nil,
        let line = pass.lines[next], line.wordCount <= maxWords, !line.endsSentence
      else { continue }
      pass.verdicts[next] = Verdict(role: .dropped(.imageCaption), rule: Self.id)
    }
  }
}
