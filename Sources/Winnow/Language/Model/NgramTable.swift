import CWinnowLangModel

/// The n-gram records of a model: buckets picked by the top bits of the hash, each a run of
/// records `u16 fingerprint, u8 count`, then `count x (u8 language, u8 quantum)`, or for counts
/// of `maskThreshold` and more a 128-bit language mask and `count x u8 quantum`.
struct NgramTable: @unchecked Sendable {
  static let maskThreshold = 16
  static let maximumLanguages = 128
  /// Below this many live candidates, a masked record is probed per candidate.
  static let probeLimit = 8

  /// Keeps the memory behind the pointers alive; immutable, so the table is safe to share.
  private let bytes: ModelBytes
  private let bucketShift: UInt64
  private let offsets: UnsafeRawPointer
  private let records: UnsafePointer<UInt8>

  /// Checks every record of the table, so lookups can skip bounds checks safely.
  init(bytes: ModelBytes, header: ModelHeader) throws(NgramModelError) {
    self.bytes = bytes
    bucketShift = UInt64(64 - header.bucketBits)
    let base = bytes.buffer.baseAddress!
    offsets = base + header.offsetsStart
    records = (base + header.dataStart).assumingMemoryBound(to: UInt8.self)
    try validate(
      bucketCount: header.bucketCount, recordBytes: header.dataByteCount,
      languageCount: header.languages.count)
  }

  @inline(__always)
  private func offset(ofBucket bucket: Int) -> Int {
    Int(UInt32(littleEndian: offsets.loadUnaligned(fromByteOffset: 4 * bucket, as: UInt32.self)))
  }

  private func validate(
    bucketCount: Int, recordBytes: Int, languageCount: Int
  ) throws(NgramModelError) {
    guard offset(ofBucket: 0) == 0, offset(ofBucket: bucketCount) == recordBytes else {
      throw .malformed("bucket offsets do not span the records")
    }
    var position = 0
    for bucket in 0..<bucketCount {
      let end = offset(ofBucket: bucket + 1)
      guard position == offset(ofBucket: bucket), position <= end else {
        throw .malformed("bucket \(bucket) does not follow the one before")
      }
      while position < end {
        guard position + 3 <= end else { throw .malformed("record cut at record byte \(position)") }
        let count = Int(records[position + 2])
        let postingsEnd = recordEnd(position, count)
        guard postingsEnd <= end else {
          throw .malformed("postings cut at record byte \(position)")
        }
        if count >= Self.maskThreshold {
          let (low, high) = mask(at: position + 3)
          let known = Self.knownLanguagesMask(languageCount)
          guard low & ~known.low == 0, high & ~known.high == 0,
            low.nonzeroBitCount + high.nonzeroBitCount == count
          else { throw .malformed("language mask at record byte \(position)") }
        } else {
          for posting in stride(from: position + 3, to: postingsEnd, by: 2)
          where Int(records[posting]) >= languageCount {
            throw .malformed("language index \(records[posting]) at record byte \(posting)")
          }
        }
        position = postingsEnd
      }
    }
  }

  /// The mask bits of the first `count` language indices.
  private static func knownLanguagesMask(_ count: Int) -> (low: UInt64, high: UInt64) {
    let low: UInt64 = count >= 64 ? .max : (1 << count) - 1
    let high: UInt64 = count >= 128 ? .max : count <= 64 ? 0 : (1 << (count - 64)) - 1
    return (low, high)
  }

  @inline(__always)
  private func recordEnd(_ position: Int, _ count: Int) -> Int {
    position + 3 + (count >= Self.maskThreshold ? 16 + count : 2 * count)
  }

  @inline(__always)
  private func mask(at position: Int) -> (UInt64, UInt64) {
    let raw = UnsafeRawPointer(records + position)
    return (
      UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    )
  }

  /// Starts loading the bucket offset of the n-gram of `hash`.
  @inline(__always)
  func prefetchBucket(_ hash: UInt64) {
    wn_prefetch(offsets + 4 * Int(hash >> bucketShift))
  }

  /// Starts loading the records of the n-gram's bucket (whose offset should be cached by now).
  @inline(__always)
  func prefetchRecords(_ hash: UInt64) {
    let bucket = Int(hash >> bucketShift)
    var line = offset(ofBucket: bucket)
    let end = offset(ofBucket: bucket + 1)
    repeat {
      wn_prefetch(records + line)
      line += 64
    } while line < end
  }

  /// Calls `body(languageIndex, quantum)` for each language that has the n-gram of `hash`, or
  /// (when there are few) only for those of `candidates` that have it.
  @inline(__always)
  func forEachPosting(
    _ hash: UInt64, candidates: UnsafeMutableBufferPointer<Int>, candidateCount: Int,
    _ body: (Int, Int) -> Void
  ) {
    let bucket = Int(hash >> bucketShift)
    let fingerprint = UInt16(truncatingIfNeeded: hash)
    var position = offset(ofBucket: bucket)
    let end = offset(ofBucket: bucket + 1)
    while position < end {
      let key = UInt16(records[position]) | UInt16(records[position + 1]) << 8
      let count = Int(records[position + 2])
      if key != fingerprint {
        position = recordEnd(position, count)
        continue
      }
      if count < Self.maskThreshold {
        var posting = position + 3
        for _ in 0..<count {
          body(Int(records[posting]), Int(records[posting + 1]))
          posting += 2
        }
      } else {
        let (low, high) = mask(at: position + 3)
        let quanta = position + 19
        if candidateCount < Self.probeLimit {
          for slot in 0..<candidateCount {
            let language = candidates[slot]
            let before: Int
            if language < 64 {
              guard low >> language & 1 != 0 else { continue }
              before = (low & ((1 << language) - 1)).nonzeroBitCount
            } else {
              guard high >> (language - 64) & 1 != 0 else { continue }
              before = low.nonzeroBitCount + (high & ((1 << (language - 64)) - 1)).nonzeroBitCount
            }
            body(language, Int(records[quanta + before]))
          }
        } else {
          var rest = low
          var posting = quanta
          while rest != 0 {
            body(rest.trailingZeroBitCount, Int(records[posting]))
            rest &= rest - 1
            posting += 1
          }
          rest = high
          while rest != 0 {
            body(64 + rest.trailingZeroBitCount, Int(records[posting]))
            rest &= rest - 1
            posting += 1
          }
        }
      }
      return
    }
  }
}
