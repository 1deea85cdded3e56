import Foundation
import Testing

@testable import Winnow

/// `ReaderComments` through the boilerplate stage: which lines of a comment zone are a
/// comment's prose, and how they are grouped into comments.
@Suite struct CommentGroupingTests {
  static let article = [
    "Council approves a new cycle lane along the river road",
    "The council voted on Tuesday evening to build a cycle lane along the river road, which"
      + " will link the old town with the railway station for the first time.",
    "Work is due to start in the spring and should take about a year, during which the road"
      + " will be open to traffic in one direction only.",
  ]
  static let first =
    "I cycle along that road every day and it has always been dangerous in the winter, when it"
    + " gets dark so early in the afternoon."
  static let second =
    "Who is going to pay for the new car park? Nobody mentioned it before the election, and the"
    + " residents will end up paying for it in the parking fees."
  static let third =
    "The lane on the other side of the river was built in the same way, and it has worked well"
    + " for the people who live there since it opened."

  static func run(_ lines: [String], mode: CommentsMode = .field) throws -> Page {
    var settings = DefaultBoilerplate.settings
    settings.comments = mode
    return try DefaultBoilerplate.run(lines.joined(separator: "\n"), settings: settings).0
  }

  @Test func blankLinesSeparateCommentsWhenNothingElseDoes() throws {
    let page = try Self.run(
      Self.article + ["Comments", Self.first, "", Self.second, Self.third, "", "Thanks, all."])
    #expect(page.comments == [Self.first, Self.second + "\n" + Self.third, "Thanks, all."])
  }

  @Test func withoutBlankLinesOrStructureEachLineIsAComment() throws {
    let page = try Self.run(Self.article + ["Comments", Self.first, Self.second, Self.third])
    #expect(page.comments == [Self.first, Self.second, Self.third])
  }

  /// Names separate comments, so the blank line inside the second comment does not.
  @Test func namesSeparateCommentsAndKeepAParagraphsTogether() throws {
    let page = try Self.run(
      Self.article + [
        "Comments", "Tom Baker", Self.first, "", "Reply", "Ann Lee", Self.second, "", Self.third,
      ])
    #expect(page.comments == [Self.first, Self.second + "\n" + Self.third])
  }

  /// A short sentence alone is as often the comment form's as a comment's.
  @Test func aShortSentenceIsProseOnlyBesideRunningText() throws {
    let page = try Self.run(
      Self.article + [
        "Comments", "Tom Baker", Self.first, "Great idea!", "Reply", "Ann Lee", Self.second,
        "Reply", "Leave a comment", "Please be polite.", "Ann L.",
      ])
    #expect(page.comments == [Self.first + "\nGreat idea!", Self.second])
    let dropped = page.lines.filter { $0.text == "Please be polite." || $0.text == "Ann L." }
    #expect(
      dropped.allSatisfy { $0.verdict?.role == .dropped(.commentWidget) && $0.movedTo == nil })
  }

  @Test func theModesAgreeOnEveryOtherLine() throws {
    let lines = Self.article + ["Comments", "Tom Baker", Self.first, "Reply"]
    let drop = try Self.run(lines, mode: .drop)
    let field = try Self.run(lines, mode: .field)
    let keep = try Self.run(lines, mode: .keep)
    #expect(drop.comments.isEmpty && keep.comments.isEmpty)
    #expect(field.comments == [Self.first])
    #expect(drop.text == field.text)
    #expect(keep.text == field.text + "\n" + Self.first)
    let comment = lines.firstIndex(of: Self.first)!
    #expect(field.lines[comment].verdict == drop.lines[comment].verdict)
    #expect(field.lines[comment].movedTo == .comments)
    #expect(keep.lines[comment].verdict?.rule == ReaderComments.keepRule)
    for index in lines.indices where index != comment {
      #expect(keep.lines[index].verdict == drop.lines[index].verdict)
      #expect(field.lines[index].verdict == drop.lines[index].verdict)
    }
  }

  /// A user rule decides a line before the comments are read off the verdicts.
  @Test func aUserRuleThatKeepsALineTakesItOutOfTheComments() throws {
    var settings = DefaultBoilerplate.settings
    settings.rules = [
      RuleSpec(
        id: "site.keep-reader-letter", kind: nil, phrases: ["new car park"], action: "keep-line")
    ]
    let text = (Self.article + ["Comments", Self.first, "", Self.second])
      .joined(separator: "\n")
    let (page, report) = try DefaultBoilerplate.run(text, settings: settings)
    #expect(page.comments == [Self.first])
    #expect(page.text.hasSuffix(Self.second))
    #expect(report.removals.filter { $0.movedTo == .comments }.map(\.text) == [Self.first])
  }
}
