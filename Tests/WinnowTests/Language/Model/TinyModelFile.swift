@testable import Winnow

/// Writes small model files in the layout of `scripts/train_langid_model.py` (a language mask
/// for n-grams with `NgramTable.maskThreshold` postings or more), so tests can check scoring by
/// hand and corrupt files on purpose.
struct TinyModelFile {
  var version: UInt32 = ModelHeader.version
  var languages: [String]
  var bucketBits: UInt32 = 2
  var quantumStep: Float = 0.1
  var backoffPenalty: Float = -1
  var unseenPenalty: Float = -10
  /// N-gram -> (language index, quantum).
  var ngrams: [String: [(Int, UInt8)]]

  var bytes: [UInt8] {
    var buckets = [[UInt8]](repeating: [], count: 1 << Int(bucketBits))
    for (ngram, postings) in ngrams.sorted(by: { $0.key < $1.key }) {
      let hash = Self.hash(ngram)
      let bucket = Int(hash >> (64 - UInt64(bucketBits)))
      let fingerprint = UInt16(truncatingIfNeeded: hash)
      buckets[bucket] += [
        UInt8(fingerprint & 0xFF), UInt8(fingerprint >> 8), UInt8(postings.count),
      ]
      if postings.count >= NgramTable.maskThreshold {
        let sorted = postings.sorted { $0.0 < $1.0 }
        var mask = [UInt8](repeating: 0, count: 16)
        for (language, _) in sorted { mask[language / 8] |= 1 << (language % 8) }
        buckets[bucket] += mask + sorted.map(\.1)
      } else {
        for (language, quantum) in postings { buckets[bucket] += [UInt8(language), quantum] }
      }
    }
    var data: [UInt8] = []
    var offsets: [UInt32] = []
    for bucket in buckets {
      offsets.append(UInt32(data.count))
      data += bucket
    }
    offsets.append(UInt32(data.count))
    var file = Array("WNLM".utf8)
    for word in [version, UInt32(languages.count), bucketBits, UInt32(data.count)] {
      file += Self.littleEndian(word)
    }
    for value in [quantumStep, backoffPenalty, unseenPenalty] {
      file += Self.littleEndian(value.bitPattern)
    }
    for code in languages {
      file += Array(code.utf8) + [UInt8](repeating: 0, count: 4 - code.count)
    }
    for offset in offsets { file += Self.littleEndian(offset) }
    return file + data
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
