import Testing

@testable import Winnow

/// `context.question-answers`: on a Q&A thread (each post ends in its own "Add a comment", each
/// answer opens with its score, every post has the same action row) the answers the comment
/// zone dropped come back and the comments under each post go; a blog index whose posts each
/// end in a comment box but carry no score, and a page with one comment box, are left alone.
@Suite struct QuestionAnswersRuleTests {
  static let question = [
    "How do I back up my entire system before an upgrade?",
    "If I want to make a backup of my whole system, including but not just my home folder, how "
      + "do I go about it before the upgrade next week?",
    "Is it as simple as copying everything in the root folder to another disk, and copying it "
      + "back again after a crash?",
  ]
  static let questionComment =
    "You may want to look at the question about backup tools that was asked here last week."

  /// An answer's body, and a comment under it that a reader wrote.
  static let answers = [
    (
      "In simple terms, an archive of the root folder is all you need: leave out the virtual "
        + "folders and the archive itself, and write it to another disk.",
      "Why leave out the virtual folders when the archive would be complete with them?"
    ),
    (
      "A disk image tool makes a complete copy of the drive, boot loader and partitions "
        + "included, so nothing is missed when the system has to come back.",
      "Can not recommend the image tool, it stopped with an error on my laptop twice."
    ),
    (
      "Keep a list of the installed packages instead, and on a fresh system install them again "
        + "from the list; your own files you back up as before.",
      "This is an interesting way to do it, how would I restore the settings though?"
    ),
  ]

  /// The answers' and the commenters' names.
  static let names = ["Evgeny", "Hakaishin", "Organic Marble"]

  /// The page: the question with its action row and a comment, then each answer after its
  /// score (when `scores`), each post ending in "Add a comment".
  static func page(scores: Bool = true, answers: ArraySlice<(String, String)> = answers[...])
    -> [String]
  {
    let opening =
      question + ["Share", "Improve this question", "Follow", "asked Oct 16, 2010 at 21:58"]
      + ["Will", questionComment, "Decio Lira", "Add a comment", "3 Answers", "Sorted by: votes"]
    return opening
      + answers.enumerated().flatMap { number, answer in
        (scores ? ["\(158 - 40 * number)"] : [])
          + [answer.0, "Share", "Improve this answer", "Follow", "answered Oct 16, 2010 at 22:13"]
          + [Self.names[number], answer.1, Self.names[(number + 1) % 3], "Add a comment"]
      }
      + ["Your Answer", "Thanks for contributing an answer to this site, please be sure to answer"]
  }

  static func verdicts(_ lines: [String]) throws -> (before: [Verdict?], after: [Verdict?]) {
    try ThreadZoneRuleTests.verdicts(lines) { QuestionAnswersRule().apply(to: &$0, lines: $1) }
  }

  @Test func answersComeBackAndTheCommentsUnderEachPostGo() throws {
    let lines = Self.page()
    let (before, after) = try Self.verdicts(lines)
    for (answer, comment) in Self.answers {
      let index = try #require(lines.firstIndex(of: answer))
      #expect(before[index]?.role.isKept == false)
      #expect(after[index] == Verdict(role: .content, rule: QuestionAnswersRule.id))
      let under = try #require(lines.firstIndex(of: comment))
      #expect(after[under]?.role.isKept == false)
    }
    // The question's comment goes under this rule's id if it was kept, and stays dropped if not.
    let comment = try #require(lines.firstIndex(of: Self.questionComment))
    #expect(after[comment]?.role.isKept == false)
    if before[comment]?.role.isKept ?? true {
      #expect(
        after[comment] == Verdict(role: .dropped(.commentWidget), rule: QuestionAnswersRule.id))
    }
    // The action row, the scores and the boxes keep their verdicts.
    for index in lines.indices
    where ["Share", "Follow", "Improve this answer", "Add a comment", "158"].contains(lines[index])
    {
      #expect(after[index] == before[index])
    }
  }

  /// A blog's index: each post ends in its own comment box, but no post opens with a score.
  @Test func postsWithoutScoresAreNoAnswers() throws {
    let lines = Self.page(scores: false)
    let (before, after) = try Self.verdicts(lines)
    #expect(before.contains { $0?.rule == ZoneRule.id })
    #expect(after == before)
  }

  /// One comment box (the question's, with one answer after it) is an article's comments.
  @Test func oneCommentBoxIsNoThread() throws {
    let lines = Array(Self.page(answers: Self.answers[..<1]).dropLast(3))
    #expect(lines.filter { $0 == "Add a comment" }.count == 1)
    let (before, after) = try Self.verdicts(lines)
    #expect(after == before)
  }
}
