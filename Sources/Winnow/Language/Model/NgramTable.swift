import CWinnowLangModel

/// The n-gram records of a model: buckets picked by the top bits of the hash, each a run of
/// records `u16 fingerprint, u8 count`, then `count x (u8 language, u8 quantum)`, or for counts
/// of `maskThreshold` and more a 128-bit language mask and `count x u8 quantum`. Checked once,
/// then laid out again for lookups (`NgramBuckets`).
struct NgramTable: @unchecked Sendable {
  static let maskThreshold = 16
  static let maximumLanguages = 128

  private let bucketShift: UInt64
  /// The records laid out for lookups; keeps the memory behind the pointers alive, and is
  /// immutable, so the table is safe to share.
  private let buckets: NgramBuckets
  private let runStarts: UnsafePointer<UInt32>
  private let recordBytes: UnsafeRawPointer
  private let subBucketBits: UInt64
  private let subBucketMask: UInt64
  private let maskedPostingsBytes: Int

  /// Checks every record of the file, so lookups can skip bounds checks safely. The file's
  /// bytes are not needed afterwards.
  init(bytes: ModelBytes, header: ModelHeader) throws(NgramModelError) {
    bucketShift = UInt64(64 - header.bucketBits)
    let base = bytes.buffer.baseAddress!
    let offsets = base + header.offsetsStart
    let records = (base + header.dataStart).assumingMemoryBound(to: UInt8.self)
    try Self.validate(
      records: records, offsets: offsets, bucketCount: header.bucketCount,
      recordBytes: header.dataByteCount, languageCount: header.languages.count)
    buckets = try NgramBuckets(
      records: records, offsetOfBucket: { Self.offset(ofBucket: $0, in: offsets) },
      bucketCount: header.bucketCount, languageCount: header.languages.count)
    runStarts = UnsafePointer(buckets.starts.baseAddress!)
    recordBytes = UnsafeRawPointer(buckets.bytes.baseAddress!)
    subBucketBits = UInt64(buckets.subBucketBits)
    subBucketMask = (1 << UInt64(buckets.subBucketBits)) - 1
    maskedPostingsBytes = buckets.maskedPostingsBytes
  }

  @inline(__always)
  private static func offset(ofBucket bucket: Int, in offsets: UnsafeRawPointer) -> Int {
    Int(UInt32(littleEndian: offsets.loadUnaligned(fromByteOffset: 4 * bucket, as: UInt32.self)))
  }

  private static func validate(
    records: UnsafePointer<UInt8>, offsets: UnsafeRawPointer, bucketCount: Int,
    recordBytes: Int, languageCount: Int
  ) throws(NgramModelError) {
    func offset(ofBucket bucket: Int) -> Int { Self.offset(ofBucket: bucket, in: offsets) }
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
        let postingsEnd = position + 3 + (count >= maskThreshold ? 16 + count : 2 * count)
        guard postingsEnd <= end else {
          throw .malformed("postings cut at record byte \(position)")
        }
        if count >= maskThreshold {
          let (low, high) = mask(at: UnsafeRawPointer(records + position + 3))
          let known = knownLanguagesMask(languageCount)
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
  private static func mask(at raw: UnsafeRawPointer) -> (UInt64, UInt64) {
    (
      UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    )
  }

  /// The sub-bucket of the n-gram of `hash` (see `NgramBuckets`).
  @inline(__always)
  private func subBucket(_ hash: UInt64) -> Int {
    // Masking shifts: both amounts are below 64, and Swift's checked shifts cost a dozen
    // instructions in every lookup.
    Int(truncatingIfNeeded: (hash &>> bucketShift) &<< subBucketBits | hash & subBucketMask)
  }

  /// Starts loading where the sub-bucket of the n-gram of `hash` starts.
  @inline(__always)
  func prefetchBucket(_ hash: UInt64) {
    wn_prefetch(runStarts + subBucket(hash))
  }

  /// Starts loading the records of the n-gram's sub-bucket (whose start should be cached by
  /// now).
  @inline(__always)
  func prefetchRecords(_ hash: UInt64) {
    wn_prefetch(recordBytes + Int(runStarts[subBucket(hash)]))
  }

  /// `record(of:)` for an n-gram the model lacks.
  static let absent = UInt32.max

  /// Where the postings of the n-gram of `hash` start (those of the first record of its
  /// sub-bucket with its fingerprint), or `absent`; starts loading the rest of a masked
  /// record, which scoring reads a few letters later.
  @inline(__always)
  func record(of hash: UInt64) -> UInt32 {
    let run = subBucket(hash)
    var position = Int(runStarts[run])
    let end = Int(runStarts[run + 1])
    let fingerprint = UInt16(truncatingIfNeeded: hash)
    while position < end {
      let count = Int(recordBytes.load(fromByteOffset: position + 2, as: UInt8.self))
      let size = count >= Self.maskThreshold ? maskedPostingsBytes : 1 + 2 * count
      if UInt16(littleEndian: recordBytes.loadUnaligned(fromByteOffset: position, as: UInt16.self))
        == fingerprint
      {
        if count >= Self.maskThreshold {
          wn_prefetch(recordBytes + position + 64)
          wn_prefetch(recordBytes + position + 1 + size)
        }
        return UInt32(position + 2)
      }
      position += 2 + size
    }
    return Self.absent
  }

  /// Calls `body(languageIndex, quantum)` for each language of `unresolved` that has the
  /// n-gram of `hash`, and takes those languages out of `unresolved`: a letter is scored once
  /// per language, at the longest order the language has.
  func forEachPosting(
    _ hash: UInt64, unresolved: inout LanguageMask, _ body: (Int, Int) -> Void
  ) {
    forEachPosting(inRecord: record(of: hash), unresolved: &unresolved, body)
  }

  /// The same for the record `record(of:)` found.
  @inline(__always)
  func forEachPosting(
    inRecord offset: UInt32, unresolved: inout LanguageMask, _ body: (Int, Int) -> Void
  ) {
    guard offset != Self.absent else { return }
    let record = (recordBytes + Int(offset)).assumingMemoryBound(to: UInt8.self)
    let postings = Int(record[0])
    if postings < Self.maskThreshold {
      var posting = 1
      for _ in 0..<postings {
        let language = Int(record[posting])
        if unresolved.contains(language) {
          body(language, Int(record[posting + 1]))
          unresolved.remove(language)
        }
        posting += 2
      }
    } else {
      // The quanta follow the mask, one per language of the model, at its index.
      let (low, high) = Self.mask(at: UnsafeRawPointer(record + 1))
      let quanta = record + 17
      var hits = low & unresolved.low
      while hits != 0 {
        let language = hits.trailingZeroBitCount
        body(language, Int(quanta[language]))
        hits &= hits &- 1
      }
      hits = high & unresolved.high
      while hits != 0 {
        let language = 64 + hits.trailingZeroBitCount
        body(language, Int(quanta[language]))
        hits &= hits &- 1
      }
      unresolved.low &= ~low
      unresolved.high &= ~high
    }
  }
}
