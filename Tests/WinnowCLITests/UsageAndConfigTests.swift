import Foundation
import Testing

@Suite struct UsageAndConfigTests {
  struct UsageError: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var message: String
    var testDescription: String { name }
  }

  static let usageErrors: [UsageError] = [
    UsageError(name: "unknown option", arguments: ["clean", "--jbos", "2"], message: "--jbos"),
    UsageError(
      name: "-o with --output-dir", arguments: ["clean", "x", "-o", "a", "--output-dir", "b"],
      message: "cannot be used together"),
    UsageError(name: "zero jobs", arguments: ["clean", "--jobs", "0"], message: "--jobs"),
    UsageError(
      name: "bad input format", arguments: ["clean", "--input-format", "csv"], message: "csv"),
    UsageError(
      name: "text field for text input",
      arguments: ["clean", "--input-format", "text", "--text-field", "body"],
      message: "--text-field"),
    UsageError(name: "unknown subcommand", arguments: ["scrub"], message: "scrub"),
    UsageError(
      name: "missing config file", arguments: ["clean", "--config", "/no/such.yaml"],
      message: "/no/such.yaml"),
  ]

  @Test(arguments: usageErrors)
  func usageErrorsExitTwoAndProcessNothing(_ error: UsageError) throws {
    let result = try Winnow.run(error.arguments, stdin: Data("A page.\n".utf8))
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(error.message), "\(result.stderr)")
  }

  @Test func helpExitsZero() throws {
    let result = try Winnow.run(["clean", "--help"])
    #expect(result.status == 0)
    #expect(result.stdoutText.contains("--output-dir"))
  }

  @Test func configShowPrintsDefaultYAMLByteForByte() throws {
    let result = try Winnow.run(["config", "show"])
    let expected = try Data(
      contentsOf: Winnow.repositoryRoot.appendingPathComponent("config/default.yaml"))
    #expect(result.status == 0)
    #expect(
      result.stdout == expected,
      "config show differs from config/default.yaml: rebuild (swift build) after editing it")
  }

  @Test func configShowWithAFileShowsTheMergedConfig() throws {
    let tree = try TemporaryDirectory()
    let user = try tree.file("user.yaml", "limits:\n  max_document_bytes: 1234\n")
    let result = try Winnow.run(["config", "show", "--config", user])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutText.contains("max_document_bytes: 1234"))
    #expect(result.stdoutText.contains("keep_empty: false"))
  }

  @Test func configCheckAcceptsAValidFile() throws {
    let tree = try TemporaryDirectory()
    let user = try tree.file("user.yaml", "output:\n  keep_empty: true\n")
    let result = try Winnow.run(["config", "check", user])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func configCheckNamesFileLineColumnKeyPathAndTheNearMiss() throws {
    let tree = try TemporaryDirectory()
    let user = try tree.file("user.yaml", "limits:\n  max_document_byte: 10\n")
    let result = try Winnow.run(["config", "check", user])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "\(user):2:3: limits.max_document_byte: unknown key; did you mean 'max_document_bytes'?\n"
    )
  }

  /// A charset ICU does not know is found when the file is checked, at its line, like any
  /// other bad value (it used to surface later as a raw Swift value).
  @Test func unknownEncodingIsALocatedConfigError() throws {
    let tree = try TemporaryDirectory()
    let user = try tree.file("user.yaml", "decode:\n  encoding: NOPE-8\n")
    let result = try Winnow.run(["config", "check", user])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "\(user):2:3: decode.encoding: unknown encoding 'NOPE-8' (use 'auto' or a name ICU"
        + " knows)\n")
  }

  /// A bad lower bound is blamed on itself, at its own line, not on the bound above it.
  @Test func aNegativeLowerBoundIsBlamedOnItsOwnKey() throws {
    let tree = try TemporaryDirectory()
    let user = try tree.file("user.yaml", "boilerplate:\n  length_high: 100\n  length_low: -3\n")
    let result = try Winnow.run(["config", "check", user])
    #expect(result.status == 2)
    #expect(result.stderr == "\(user):3:3: boilerplate.length_low: must be 0 or more\n")
  }

  @Test func cleanWithABadConfigExitsTwoBeforeReadingAnything() throws {
    let tree = try TemporaryDirectory()
    let user = try tree.file("user.yaml", "output:\n  keep_empty: maybe\n")
    let result = try Winnow.run(["clean", "--config", user], stdin: Data("A page.\n".utf8))
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("\(user):2:"))
    #expect(result.stderr.contains("output.keep_empty"))
    #expect(!result.stderr.contains("winnow: read"))
  }
}
