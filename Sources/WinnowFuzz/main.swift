import Foundation
import Winnow

// `WinnowFuzz TARGET SECONDS SEED SCRATCH SEEDFILE...`: a seeded random fuzzer for the
// parsers that read untrusted bytes, run by `bench/fuzz.sh` (not by `swift test`).
//
// TARGET is `decode` (bytes through the whole pipeline), `readers` (the input readers: text,
// JSONL, WET, each also through gzip) or `config` (the YAML config loader). Inputs are the
// seed files mutated at random (bit flips, inserted tokens that matter to the formats,
// deleted and repeated stretches, splices of two seeds). Before each case the input is
// written to SCRATCH/current, so that a crash leaves its reproducer there. The invariants
// beyond "no crash, no hang": a reader never yields a document over its limit, and the
// pipeline's page never has more lines than the limit allows.
//
// Why not libFuzzer: `-sanitize=fuzzer` links its own `main`, which an executable target
// that must also build in the ordinary `swift build` cannot leave out; a seeded driver
// builds everywhere and replays any case from its seed.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 5, let seconds = Double(arguments[1]), let seed = UInt64(arguments[2])
else {
  FileHandle.standardError.write(
    Data("usage: WinnowFuzz decode|readers|config SECONDS SEED SCRATCH SEEDFILE...\n".utf8))
  exit(2)
}
let target = arguments[0]
let scratch = arguments[3]
let seeds = arguments[4...].compactMap { FileManager.default.contents(atPath: $0).map(Array.init) }
guard !seeds.isEmpty else {
  FileHandle.standardError.write(Data("WinnowFuzz: no readable seed files\n".utf8))
  exit(2)
}

extension SplitMix64 {
  /// A number in 0..<bound (0 for an empty range), the same for the same seed everywhere.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

/// Byte strings that mean something to one of the formats, for the mutator to insert.
let tokens: [[UInt8]] =
  [
    "\n", "\r\n", "\r", "{", "}", "[", "]", "\"", "\\", "\\u", "\\ud800", ":", ",", "&a ", "*a",
    "- ", "? ", "!!", "%YAML 1.1\n", "---\n", "...\n", "\t", "WARC/1.0\r\n",
    "WARC-Type: conversion\r\n", "Content-Length: ", "99999999999999999999", "-1", "\r\n\r\n",
    "{\"text\": \"", "\"id\": ", "1e400", "\u{FEFF}", "\u{2028}", "&amp;", "&#x110000;", "Ã©",
  ].map { Array($0.utf8) } + [
    [0x1F, 0x8B, 0x08, 0x00], [0x00], [0xFF, 0xFE], [0xFE, 0xFF], [0xC3], [0xED, 0xA0, 0x80],
    [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE9],
  ]

@MainActor func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
  var bytes = input
  for _ in 0..<(1 + random.below(8)) {
    switch random.below(7) {
    case 0 where !bytes.isEmpty:
      let index = random.below(bytes.count)
      bytes[index] ^= UInt8(1 << random.below(8))
    case 1:
      let token = tokens[random.below(tokens.count)]
      bytes.insert(contentsOf: token, at: random.below(bytes.count + 1))
    case 2 where !bytes.isEmpty:
      let start = random.below(bytes.count)
      bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(64)))
    case 3 where !bytes.isEmpty:
      let start = random.below(bytes.count)
      let stretch = Array(bytes[start..<min(bytes.count, start + 1 + random.below(32))])
      let times = 1 + random.below(random.below(4) == 0 ? 2000 : 8)
      bytes.insert(
        contentsOf: Array([[UInt8]](repeating: stretch, count: times).joined()),
        at: random.below(bytes.count + 1))
    case 4:
      let other = seeds[random.below(seeds.count)]
      let cut = random.below(bytes.count + 1)
      bytes = Array(bytes[..<cut]) + other[random.below(other.count + 1)...]
    case 5 where !bytes.isEmpty:
      bytes.removeSubrange(random.below(bytes.count)...)
    default:
      bytes[random.below(bytes.count + 1)..<bytes.count].reverse()
    }
  }
  return bytes
}

/// Writes a case to the scratch folder. A failed write would fuzz stale bytes, so it ends
/// the run.
func write(_ bytes: [UInt8], to path: String, compressed: Bool = false) {
  let sink: any ByteSink
  do {
    sink = compressed ? try GzipFileSink(path: path) : try FileByteSink(path: path)
    try sink.write(bytes)
    try sink.close()
  } catch {
    FileHandle.standardError.write(Data("WinnowFuzz: \(error)\n".utf8))
    exit(2)
  }
}

var configuration = Configuration.builtIn
configuration.limits.maxLines = 5000
configuration.limits.maxDocumentBytes = 1 << 16
let pipeline = try Pipeline(configuration: configuration)
let readerLimit = 4096

/// One case of the chosen target; false when an invariant failed.
@MainActor func run(_ bytes: [UInt8], _ random: inout SplitMix64) -> Bool {
  switch target {
  case "decode":
    let document = RawDocument(id: "fuzz", source: "fuzz", content: .bytes(bytes))
    guard case .success(let (page, _)) = pipeline.process(document) else { return true }
    return page.lines.count <= configuration.limits.maxLines
  case "readers":
    let names = ["in.txt", "in.jsonl", "in.wet"]
    var path = scratch + "/" + names[random.below(names.count)]
    let compressed = random.below(3) == 0
    if compressed { path += ".gz" }
    write(bytes, to: path, compressed: compressed)
    let item = InputItem.file(InputFile(pathBytes: Array(path.utf8), id: "fuzz"))
    guard
      case .success(var reader) = InputReader.open(
        item, options: InputReader.Options(maxDocumentBytes: readerLimit))
    else { return true }
    while let result = reader.next() {
      guard case .success(let document) = result else { continue }
      switch document.content {
      case .bytes(let content) where content.count > readerLimit: return false
      case .text(let text) where text.utf8.count > readerLimit: return false
      default: continue
      }
    }
    return true
  default:
    _ = try? Configuration.load(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
    return true
  }
}

var random = SplitMix64(seed: seed)
let deadline = Date().addingTimeInterval(seconds)
var cases = 0
while Date() < deadline {
  let input = mutate(seeds[random.below(seeds.count)], &random)
  write(input, to: scratch + "/current")
  guard run(input, &random) else {
    print("WinnowFuzz: invariant failed on case \(cases); input in \(scratch)/current")
    exit(1)
  }
  cases += 1
}
print("WinnowFuzz \(target): \(cases) cases, seed \(seed), no crash")
