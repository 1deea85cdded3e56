/// What the other pages of a document's folder say about its lines: the cross-document
/// survey's result (`LineRepetition`), handed to the boilerplate stage through the page.
/// A protocol here so that the shared types do not depend on the stage that builds it.
public protocol FolderEvidence: AnyObject, Sendable {
  /// Pages surveyed in the folder.
  var pages: Int { get }
  /// Pages of the folder the line occurs in; 0 when the survey did not track it.
  func pagesContaining(_ line: String) -> Int
}
