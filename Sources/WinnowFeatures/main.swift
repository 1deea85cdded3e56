import Foundation
import Winnow

// `WinnowFeatures FILE...`: a development tool for `scripts/train_boilerplate.py`. Prints the
// boilerplate line classifier's features of every non-blank line of each text file, as the
// built-in configuration decodes and normalizes it: one tab-separated row per line (file,
// line number, verdict group of the rules and context pass, then the values), after a header
// row naming the columns.

let arguments = CommandLine.arguments.dropFirst()
guard !arguments.isEmpty else {
  FileHandle.standardError.write(Data("usage: WinnowFeatures FILE...\n".utf8))
  exit(2)
}
var before = Configuration.builtIn
before.boilerplate.enabled = false
before.language.enabled = false
let pipeline = try Pipeline(configuration: before)
let stage = try BoilerplateStage(settings: Configuration.builtIn.boilerplate)
var output = "file\tline\tgroup\t" + BoilerplateStage.lineFeatureNames.joined(separator: "\t")
output += "\n"
for path in arguments {
  guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("WinnowFeatures: cannot read \(path)\n".utf8))
    exit(1)
  }
  let document = RawDocument(id: path, source: path, content: .bytes([UInt8](data)))
  guard case .success(let (page, _)) = pipeline.process(document) else {
    FileHandle.standardError.write(Data("WinnowFeatures: cannot decode \(path)\n".utf8))
    exit(1)
  }
  for row in stage.lineFeatures(of: page) {
    output += "\(path)\t\(row.line)\t\(row.group)\t"
    output += row.values.map { String($0) }.joined(separator: "\t") + "\n"
  }
}
FileHandle.standardOutput.write(Data(output.utf8))
