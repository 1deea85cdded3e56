import ArgumentParser
import Foundation
import Winnow

/// `winnow explain FILE`: every line of a page with its fate, the kind and the rule that
/// decided it. The quickest way to see why a line went, or to debug a user rule.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show each line of a page: kept or dropped, with its kind and rule.")

  @Argument(help: "The page to explain (a text file, '.gz' read too).", completion: .file())
  var file: String

  @OptionGroup var configOptions: ConfigOptions

  @Option(help: "Colour the verdicts.")
  var color: ColorMode = .auto

  @Flag(help: "Write one self-contained HTML page instead of text.")
  var html = false

  func run() throws {
    let configuration = try configOptions.load()
    let pipeline = try Pipeline.forCommand(configuration)
    let document = try readDocument(options: pipeline.readingOptions(format: .text))
    switch pipeline.process(document) {
    case .failure(let failure):
      StandardError.write("winnow: \(file): \(failure.message)\n")
      throw ExitCode(1)
    case .success(let (page, report)) where html:
      let view = ExplainView(page: page, report: report, id: file)
      _ = try? StandardOutput.write(Array(view.render().utf8))
    case .success(let (page, report)):
      let style = LineStyle(colored: color.isEnabled)
      let text = page.lines.map { style.render($0) + "\n" }.joined()
      _ = try? StandardOutput.write(Array((text + Self.footer(page, report)).utf8))
    }
  }

  /// What became of the page as a whole: lines kept, removals by kind, the reader comments
  /// moved to the record's `comments`, a document drop.
  static func footer(_ page: Page, _ report: CleaningReport) -> String {
    var text = "-- kept \(page.keptLines.count) of \(page.lines.count) lines"
    if let type = report.pageType { text += "; page type \(type.rawValue)" }
    let removed = report.removedByKind.sorted { $0.key.rawValue < $1.key.rawValue }
    if !removed.isEmpty {
      text +=
        "; removed " + removed.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    }
    if !page.comments.isEmpty { text += "; \(page.comments.count) reader comments to comments" }
    if let rule = report.documentDropRule { text += "; document dropped by rule \(rule)" }
    return text + "\n"
  }

  /// The file as one text document, read as `winnow clean --input-format text` would.
  private func readDocument(options: InputReader.Options) throws -> RawDocument {
    let item: InputItem =
      file == "-" ? .stdin : .file(InputFile(pathBytes: Array(file.utf8), id: file))
    var reader: InputReader
    switch InputReader.open(item, options: options) {
    case .failure(let failure):
      StandardError.write("winnow: \(failure.message)\n")
      throw ExitCode(1)
    case .success(let opened): reader = opened
    }
    switch reader.next() {
    case .success(let document)?: return document
    case .failure(let failure)?:
      StandardError.write("winnow: \(failure.message)\n")
      throw ExitCode(1)
    case nil: return RawDocument(id: file, source: file, content: .bytes([]))
    }
  }
}

/// Whether to colour terminal output.
enum ColorMode: String, CaseIterable, ExpressibleByArgument {
  /// Only when stdout is a terminal (and `NO_COLOR` is not set).
  case auto
  case always
  case never

  var isEnabled: Bool {
    switch self {
    case .auto: isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    case .always: true
    case .never: false
    }
  }
}

/// One explained line: `  12 drop  counter         builtin.counter          | 273 0 0`.
struct LineStyle {
  let colored: Bool

  func render(_ line: Line) -> String {
    let (verdict, kind, rule) = describe(line)
    let number = String(line.number).leftPadded(to: 5)
    let head = "\(number) \(verdict.padded(to: 5)) \(kind.padded(to: 15)) \(rule.padded(to: 28))"
    // A repaired line shows what the normalize stage started from on the line below.
    let before = line.original.map { "\n" + "repaired from".leftPadded(to: 55) + " | \($0)" } ?? ""
    guard colored else { return "\(head)| \(line.text)\(before)" }
    let color =
      switch verdict {
      case "keep": "32"  // green
      case "drop": "31"  // red
      case "meta": "36"  // cyan
      default: "2"  // dim: blank lines
      }
    return "\u{1B}[\(color)m\(head)\u{1B}[0m| \(line.text)\u{1B}[2m\(before)\u{1B}[0m"
  }

  /// The verdict word, the kind and the rule of a line.
  private func describe(_ line: Line) -> (String, String, String) {
    let fate = LineFate(line)
    return (fate.verdict.rawValue, fate.label, fate.ruleDescription)
  }
}

extension String {
  fileprivate func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
