import Testing

@testable import Winnow

/// The survey before a run over directories: text pages by folder, JSONL left out, and the
/// tables reach the documents only when the run asks for it.
@Suite struct FolderSurveyTests {
  static let footer = SitePages.footer

  private func tree() -> TemporaryTree {
    let tree = TemporaryTree()
    for index in 0..<5 {
      tree.file("site/a/page\(index).txt", SitePages.page(index, chrome: (nil, Self.footer)))
    }
    tree.file("site/b/page.txt", "Alone\n\(Self.footer)\n")
    tree.file("site/a/feed.jsonl", #"{"text":"\#(Self.footer)"}"# + "\n")
    return tree
  }

  private func survey(
    _ inputs: [String], jobs: Int = 2, adjust: (inout CrossDocumentSettings) -> Void = { _ in }
  ) throws -> [String: LineRepetition] {
    var configuration = Configuration.builtIn
    adjust(&configuration.boilerplate.crossDocument)
    let pipeline = try Pipeline(configuration: configuration)
    return FolderSurvey(
      pipeline: pipeline,
      reading: pipeline.readingOptions(),  // bounded by limits.max_document_bytes
      jobs: jobs
    ).run(inputs: inputs)
  }

  @Test func countsTextPagesByFolderAndSkipsStreams() throws {
    let tree = tree()
    let tables = try survey([tree.path("site")])
    #expect(tables[tree.path("site/a")]?.pages == 5)
    #expect(tables[tree.path("site/a")]?.pagesContaining(Self.footer) == 5)
    #expect(tables[tree.path("site/b")]?.pages == 1)
  }

  @Test func filesNamedAloneAreNotSurveyed() throws {
    let tree = tree()
    #expect(try survey([tree.path("site/a/page0.txt"), "-"]).isEmpty)
  }

  /// Pages are fingerprinted on several threads but added in walk order, so even a cap that
  /// makes the survey forget and refuse lines gives the same tables for any number of jobs.
  @Test func tablesDoNotDependOnTheNumberOfJobs() throws {
    let tree = TemporaryTree()
    for folder in 0..<4 {
      for index in 0..<12 {
        let chrome = (top: "Section \(folder) menu", bottom: index % 3 == 0 ? nil : Self.footer)
        tree.file("site/\(folder)/page\(index).txt", SitePages.page(index, chrome: chrome))
      }
    }
    let lines = (0..<4).map { "Section \($0) menu" } + [Self.footer, "Council story number 1"]
    func census(_ tables: [String: LineRepetition]) -> [String: [Int]] {
      tables.mapValues { table in [table.pages] + lines.map(table.pagesContaining) }
    }
    let capped: (inout CrossDocumentSettings) -> Void = { $0.maxTrackedLines = 40 }
    let serial = census(try survey([tree.path("site")], jobs: 1, adjust: capped))
    #expect(serial.count == 4)
    #expect(serial[tree.path("site/0")]?.first == 12)
    #expect(try census(survey([tree.path("site")], jobs: 3, adjust: capped)) == serial)
  }

  @Test func readsAtMostTheFirstPagesOfEachFolder() throws {
    let tree = TemporaryTree()
    let late = "Only the later pages carry this line at their top"
    for index in 0..<9 {
      let top = index >= 6 ? late : nil
      tree.file("site/a/page\(index).txt", SitePages.page(index, chrome: (top, Self.footer)))
    }
    tree.file("site/a/more/page.txt", SitePages.page(0, chrome: (nil, Self.footer)))
    let tables = try survey([tree.path("site")]) { $0.pagesPerFolder = 6 }
    let folder = try #require(tables[tree.path("site/a")])
    #expect(folder.pages == 6)
    #expect(folder.pagesContaining(Self.footer) == 6)
    #expect(folder.pagesContaining(late) == 0)
    #expect(tables[tree.path("site/a/more")]?.pages == 1)
    #expect(try survey([tree.path("site")])[tree.path("site/a")]?.pagesContaining(late) == 3)
  }

  @Test func documentsCarryTheirFolderOnlyWhenTheRunSurveys() throws {
    let tree = tree()
    for surveyFolders in [false, true] {
      let runner = BatchRunner(
        pipeline: try Pipeline(configuration: .builtIn),
        options: RunOptions(
          jobs: 1, explain: true, errors: .separate, surveyFolders: surveyFolders))
      let sink = MemorySink()
      _ = runner.run(
        inputs: [tree.path("site/a")],
        reading: InputReader.Options(maxDocumentBytes: 1 << 20), to: .stream(sink),
        errors: nil)
      let output = String(decoding: sink.bytes, as: UTF8.self)
      #expect(output.contains(RepeatedLinePass.rule.rawValue) == surveyFolders)
    }
  }
}
