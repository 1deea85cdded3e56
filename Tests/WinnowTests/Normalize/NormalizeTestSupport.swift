import Testing

@testable import Winnow

extension NormalizeSettings {
  static let everything = NormalizeSettings(
    enabled: true, mojibake: true, entities: true, form: .nfc, nfkcKeep: "",
    punctuation: .allOff)
}

extension PunctuationSettings {
  static let allOff = PunctuationSettings(
    quotes: false, dashes: false, ellipsis: false, fullwidthASCII: false,
    spaceBeforePunctuation: false)
  static let allOn = PunctuationSettings(
    quotes: true, dashes: true, ellipsis: true, fullwidthASCII: true,
    spaceBeforePunctuation: true)
}

/// Runs the whole normalize stage on one line.
func normalizeLine(_ text: String, settings: NormalizeSettings = .everything) throws -> (
  text: String, repairs: [RepairKind: Int]
) {
  let stage = try NormalizeStage(settings: settings)
  var report = CleaningReport()
  let result = stage.normalize(text, report: &report) ?? text
  return (result, report.repairs)
}

/// Swift string literals refuse noncharacters such as U+FFFE; real input has them.
func nonCharacter(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

/// A named row of a repair table: the input line, what it becomes, and the count expected
/// under one repair kind.
struct RepairCase: CustomTestStringConvertible, Sendable {
  var name: String
  var input: String
  var output: String
  var kind: RepairKind
  var count: Int

  init(_ name: String, _ input: String, _ output: String, _ kind: RepairKind, _ count: Int) {
    self.name = name
    self.input = input
    self.output = output
    self.kind = kind
    self.count = count
  }

  var testDescription: String { name }
}
