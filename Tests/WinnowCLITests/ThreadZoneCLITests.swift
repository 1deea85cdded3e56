import Foundation
import Testing

/// `context.thread-zone` through the CLI: a forum thread (fixtures/pages/thread.txt, written
/// for this test: a menu, the thread's title, a two-line opening post, "14 Replies", five
/// replies each led by a commenter line and followed by "Reply", a footer) is called a forum;
/// its replies stay in the record's text and none is copied to `comments`, while the commenter
/// lines stay out of the text. Without the page-type model the page is no forum and the
/// replies go to `comments`, as before.
@Suite struct ThreadZoneCLITests {
  static let page = ExplainHTMLTests.fixture("pages/thread.txt")

  /// The page's lines after "14 Replies": (commenter line, reply) pairs.
  static func replies() throws -> [(commenter: String, reply: String)] {
    let lines = try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    let start = try #require(lines.firstIndex(of: "14 Replies")) + 1
    return stride(from: start, to: lines.count - 1, by: 3)
      .filter { lines[$0].contains(", 2017 at ") }.map { (lines[$0], lines[$0 + 1]) }
  }

  static func record(_ arguments: [String] = []) throws -> [String: Any] {
    let result = try Winnow.run(["clean", page, "--progress", "never"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(result.records.first)
  }

  @Test func aForumThreadKeepsItsRepliesInTheTextAndNotInComments() throws {
    let record = try Self.record()
    let winnow = try #require(record["winnow"] as? [String: Any])
    #expect(winnow["page_type"] as? String == "forum")
    let text = try #require(record["text"] as? String)
    let kept = text.split(separator: "\n").map { Array($0.utf8) }
    let replies = try Self.replies()
    #expect(replies.count == 5)
    for (commenter, reply) in replies {
      #expect(kept.contains(Array(reply.utf8)), "\(reply)")
      #expect(!kept.contains(Array(commenter.utf8)), "\(commenter)")
    }
    #expect(record["comments"] == nil)
  }

  @Test func withoutThePageTypeTheRepliesAreComments() throws {
    let tree = try TemporaryDirectory()
    let off = try tree.file("off.yaml", "boilerplate:\n  page_types: \"off\"\n")
    let record = try Self.record(["--config", off])
    let comments = try #require(record["comments"] as? [String])
    let text = try #require(record["text"] as? String)
    for (_, reply) in try Self.replies() {
      #expect(comments.contains { Array($0.utf8) == Array(reply.utf8) }, "\(reply)")
      #expect(!text.contains(reply))
    }
  }

  @Test func explainNamesTheRuleOnEachReply() throws {
    let result = try Winnow.run(["explain", Self.page])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdoutText.split(separator: "\n")
    for (_, reply) in try Self.replies() {
      #expect(
        lines.contains {
          $0.hasSuffix("| \(reply)") && $0.contains(" keep ")
            && $0.contains(" context.thread-zone ")
        }, "\(reply)")
    }
  }
}
