@testable import Winnow

/// Writes small model files in the layout of `scripts/langid_layout.py` (sub-buckets, a count
/// in the tag's low bits when it is small, a language mask for n-grams with
/// `NgramTable.maskThreshold` postings or more), so tests can check scoring by hand and corrupt
/// files on purpose.
struct TinyModelFile {
  var version: UInt32 = ModelHeader.version
  var languages: [String]
  var bucketBits: UInt32 = 2
  var quantumStep: Float = 0.1
  var backoffPenalty: Float = -1
  var unseenPenalty: Float = -10
  /// N-gram -> (language index, quantum).
  var ngrams: [String: [(Int, UInt8)]]

  static let subBuckets = 1 << NgramTable.subBucketBits

  var bytes: [UInt8] {
    let subBucketCount = (1 << Int(bucketBits)) << NgramTable.subBucketBits
    var runs = [[UInt8]](repeating: [], count: subBucketCount)
    for (ngram, postings) in ngrams.sorted(by: { $0.key < $1.key }) {
      let hash = Self.hash(ngram)
      let fingerprint = UInt16(truncatingIfNeeded: hash)
      let subBucket =
        Int(hash >> (64 - UInt64(bucketBits))) << NgramTable.subBucketBits
        | Int(fingerprint) & (Self.subBuckets - 1)
      runs[subBucket] += record(fingerprint: fingerprint, postings: postings)
    }
    var starts = [0]
    for run in runs { starts.append(starts.last! + run.count) }
    var file = Array("WNLM".utf8)
    for word in [version, UInt32(languages.count), bucketBits, UInt32(starts.last!)] {
      file += Self.littleEndian(word)
    }
    for value in [quantumStep, backoffPenalty, unseenPenalty] {
      file += Self.littleEndian(value.bitPattern)
    }
    for code in languages {
      file += Array(code.utf8) + [UInt8](repeating: 0, count: 4 - code.count)
    }
    file += [UInt8](repeating: 0, count: NgramTable.roundedToLines(file.count) - file.count)
    // Each directory line: where its first sub-bucket starts, then where each starts from there
    // and where the last ends; sub-buckets past the last start where the records end.
    for first in stride(from: 0, to: subBucketCount, by: NgramTable.runsPerLine) {
      let base = starts[first]
      file += Self.littleEndian(UInt32(base))
      for slot in 0...NgramTable.runsPerLine {
        let offset = starts[min(first + slot, subBucketCount)] - base
        file += [UInt8(offset & 0xFF), UInt8(offset >> 8)]
      }
      file += [UInt8](
        repeating: 0, count: NgramTable.lineBytes - 4 - 2 * (NgramTable.runsPerLine + 1))
    }
    return file + runs.joined() + [UInt8](repeating: 0, count: NgramTable.guardBytes)
  }

  private func record(fingerprint: UInt16, postings: [(Int, UInt8)]) -> [UInt8] {
    let tag = fingerprint & ~UInt16(Self.subBuckets - 1)
    var bytes: [UInt8]
    if postings.count < Self.subBuckets {
      let withCount = tag | UInt16(postings.count)
      bytes = [UInt8(withCount & 0xFF), UInt8(withCount >> 8)]
    } else {
      bytes = [UInt8(tag & 0xFF), UInt8(tag >> 8), UInt8(postings.count)]
    }
    if postings.count >= NgramTable.maskThreshold {
      var mask = [UInt8](repeating: 0, count: 16)
      var quanta = [UInt8](repeating: 0, count: languages.count)
      for (language, quantum) in postings {
        mask[language / 8] |= 1 << (language % 8)
        quanta[language] = quantum
      }
      bytes += mask + quanta
    } else {
      for (language, quantum) in postings { bytes += [UInt8(language), quantum] }
    }
    return bytes
  }

  static func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  static func hash(_ ngram: String) -> UInt64 {
    var window = [UInt32](repeating: 0, count: NgramHash.maximumOrder)
    let scalars = ngram.unicodeScalars.map(\.value)
    window.replaceSubrange((window.count - scalars.count)..., with: scalars)
    return window.withUnsafeMutableBufferPointer {
      NgramHash.hash(lastOf: $0.baseAddress!, order: scalars.count)
    }
  }
}
