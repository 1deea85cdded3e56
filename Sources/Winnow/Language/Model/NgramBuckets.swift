/// The records of an `NgramTable` laid out again in memory for lookups, once at load. The
/// file's buckets hold about 20 records each, so a lookup there walks a long run, and the
/// layout that replaced it (fingerprints, then offsets, then postings) made each lookup wait on
/// three loads in turn: where the bucket starts, its fingerprints, the record.
///
/// Here each bucket is split into `1 << subBucketBits` sub-buckets by the low bits of the
/// fingerprint, so a run holds about 2.6 records, and each record keeps its postings inline:
/// `u16 fingerprint, u8 count`, then `count x (u8 language, u8 quantum)`, or for counts of
/// `NgramTable.maskThreshold` and more the 128-bit mask and one quantum per language of the
/// model, at the language's index. A lookup loads where its sub-bucket starts, then walks the
/// run, usually within one cache line, and finds the postings where it found the fingerprint.
/// Records of one fingerprint share a sub-bucket in file order, so the first match is the
/// file's first match.
final class NgramBuckets: @unchecked Sendable {
  /// Sub-buckets are added until the table has this many (2 MB of starts), at most
  /// `1 << maximumSubBucketBits` a bucket.
  static let subBucketTarget = 1 << 19
  static let maximumSubBucketBits = 3

  /// How many low fingerprint bits pick a sub-bucket within a bucket.
  let subBucketBits: Int
  /// Byte offset of each sub-bucket's run (and the end), by `bucket << subBucketBits | low
  /// fingerprint bits`.
  let starts: UnsafeMutableBufferPointer<UInt32>
  let bytes: UnsafeMutableRawBufferPointer
  /// The size of a masked record's postings (`u8 count`, mask, quanta).
  let maskedPostingsBytes: Int

  /// `records` and `offsets` as `NgramTable` validated them.
  init(
    records: UnsafePointer<UInt8>, offsetOfBucket: (Int) -> Int, bucketCount: Int,
    languageCount: Int
  ) throws(NgramModelError) {
    var bits = 0
    while bits < Self.maximumSubBucketBits && bucketCount << (bits + 1) <= Self.subBucketTarget {
      bits += 1
    }
    subBucketBits = bits
    let maskedPostingsBytes = 1 + 16 + languageCount
    self.maskedPostingsBytes = maskedPostingsBytes
    let lowMask = (1 << bits) - 1
    /// Calls `body(position, subBucket, count)` for each record of the file, in file order.
    func forEachRecord(_ body: (_ position: Int, _ subBucket: Int, _ count: Int) -> Void) {
      for bucket in 0..<bucketCount {
        var position = offsetOfBucket(bucket)
        let end = offsetOfBucket(bucket + 1)
        while position < end {
          let count = Int(records[position + 2])
          body(position, bucket << bits | Int(records[position]) & lowMask, count)
          position += 3 + (count >= NgramTable.maskThreshold ? 16 + count : 2 * count)
        }
      }
    }
    func recordSize(_ count: Int) -> Int {
      2 + (count >= NgramTable.maskThreshold ? maskedPostingsBytes : 1 + 2 * count)
    }
    let subBucketCount = bucketCount << bits
    var sizes = [Int](repeating: 0, count: subBucketCount)
    forEachRecord { _, subBucket, count in sizes[subBucket] += recordSize(count) }
    starts = .allocate(capacity: subBucketCount + 1)
    var total = 0
    for subBucket in 0..<subBucketCount {
      starts[subBucket] = UInt32(truncatingIfNeeded: total)
      total += sizes[subBucket]
      guard total <= Int(UInt32.max) else {
        starts.deallocate()
        throw .malformed("records too large")
      }
    }
    starts[subBucketCount] = UInt32(total)
    bytes = .allocate(byteCount: total, alignment: 64)
    let base = bytes.baseAddress!
    // The write position of each sub-bucket, reusing `sizes`.
    for subBucket in 0..<subBucketCount { sizes[subBucket] = Int(starts[subBucket]) }
    forEachRecord { position, subBucket, count in
      let out = (base + sizes[subBucket]).assumingMemoryBound(to: UInt8.self)
      sizes[subBucket] += recordSize(count)
      out[0] = records[position]
      out[1] = records[position + 1]
      out[2] = UInt8(count)
      if count >= NgramTable.maskThreshold {
        // The mask as it is, then each quantum moved from its rank to its language: the
        // set bits in order, found one at a time (every model has about 75 languages, and
        // most masked records far fewer).
        for byte in 0..<16 { out[3 + byte] = records[position + 3 + byte] }
        (out + 19).initialize(repeating: 0, count: languageCount)
        var rank = 0
        for half in 0..<2 {
          var bits = UInt64(
            littleEndian: UnsafeRawPointer(records + position + 3 + 8 * half)
              .loadUnaligned(as: UInt64.self))
          while bits != 0 {
            out[19 + 64 * half + bits.trailingZeroBitCount] = records[position + 19 + rank]
            rank += 1
            bits &= bits &- 1
          }
        }
      } else {
        for byte in 0..<(2 * count) { out[3 + byte] = records[position + 3 + byte] }
      }
    }
  }

  deinit {
    starts.deallocate()
    bytes.deallocate()
  }
}
