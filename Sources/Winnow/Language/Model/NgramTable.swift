import CWinnowLangModel

/// The n-gram records of a model: buckets picked by the top bits of the hash, each a run of
/// records `u16 fingerprint, u8 count`, then `count x (u8 language, u8 quantum)`, or for counts
/// of `maskThreshold` and more a 128-bit language mask and `count x u8 quantum`.
struct NgramTable: @unchecked Sendable {
  static let maskThreshold = 16
  static let maximumLanguages = 128

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

  /// Starts loading the first records of the n-gram's bucket (whose offset should be cached
  /// by now): the model puts the n-grams looked up most at the start of their bucket.
  @inline(__always)
  func prefetchRecords(_ hash: UInt64) {
    wn_prefetch(records + offset(ofBucket: Int(hash >> bucketShift)))
  }

  /// Calls `body(languageIndex, quantum)` for each language of `unresolved` that has the
  /// n-gram of `hash`, and takes those languages out of `unresolved`: a letter is scored once
  /// per language, at the longest order the language has.
  @inline(__always)
  func forEachPosting(
    _ hash: UInt64, unresolved: inout LanguageMask, _ body: (Int, Int) -> Void
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
          let language = Int(records[posting])
          if unresolved.contains(language) {
            body(language, Int(records[posting + 1]))
            unresolved.remove(language)
          }
          posting += 2
        }
      } else {
        // The quantum of a language sits at its rank among the mask's languages.
        let (low, high) = mask(at: position + 3)
        let quanta = position + 19
        var hits = low & unresolved.low
        while hits != 0 {
          let language = hits.trailingZeroBitCount
          let rank = (low & ((1 << language) &- 1)).nonzeroBitCount
          body(language, Int(records[quanta + rank]))
          hits &= hits &- 1
        }
        hits = high & unresolved.high
        let lowCount = low.nonzeroBitCount
        while hits != 0 {
          let bit = hits.trailingZeroBitCount
          let rank = lowCount + (high & ((1 << bit) &- 1)).nonzeroBitCount
          body(64 + bit, Int(records[quanta + rank]))
          hits &= hits &- 1
        }
        unresolved.low &= ~low
        unresolved.high &= ~high
      }
      return
    }
  }
}
