/// The records of an `NgramTable` laid out again in memory for lookups, once at load: the
/// file's layout makes a lookup walk its bucket record by record, each step waiting for the
/// count byte of the step before, and find a language's quantum in a masked record by counting
/// mask bits (in software on baseline x86-64).
///
/// Each bucket here is `u16 n`, the `n` fingerprints (`u16`, in file order, so the first
/// match is the file's first match), the `n` offsets (`u16`, from the bucket's start) of the
/// records' postings, with `maskedFlag` set for masked records, then the postings: `u8 count`, and `count x (u8 language, u8 quantum)`,
/// or for masked records the 128-bit mask and one quantum per language of the model, at the
/// language's index. Buckets start at even offsets, so the `u16` loads are aligned.
final class NgramBuckets: @unchecked Sendable {
  /// Marks the offset of a masked record, whose quanta run past its first cache line.
  static let maskedFlag: UInt16 = 0x8000

  /// Byte offset of each bucket (and the end), by bucket index.
  let starts: UnsafeMutableBufferPointer<UInt32>
  let bytes: UnsafeMutableRawBufferPointer

  /// `records` and `offsets` as `NgramTable` validated them.
  init(
    records: UnsafePointer<UInt8>, offsetOfBucket: (Int) -> Int, bucketCount: Int,
    languageCount: Int
  ) throws(NgramModelError) {
    func forEachRecord(inBucket bucket: Int, _ body: (_ position: Int, _ count: Int) -> Void) {
      var position = offsetOfBucket(bucket)
      let end = offsetOfBucket(bucket + 1)
      while position < end {
        let count = Int(records[position + 2])
        body(position, count)
        position += 3 + (count >= NgramTable.maskThreshold ? 16 + count : 2 * count)
      }
    }
    func postingsSize(_ count: Int) -> Int {
      1 + (count >= NgramTable.maskThreshold ? 16 + languageCount : 2 * count)
    }
    starts = .allocate(capacity: bucketCount + 1)
    var recordCounts = [Int](repeating: 0, count: bucketCount)
    var total = 0
    for bucket in 0..<bucketCount {
      starts[bucket] = UInt32(total)
      var size = 2
      forEachRecord(inBucket: bucket) { _, count in
        recordCounts[bucket] += 1
        size += 4 + postingsSize(count)
      }
      guard size < Int(Self.maskedFlag) else {
        starts.deallocate()
        throw .malformed("bucket \(bucket) is too large")
      }
      total += size + size % 2
    }
    guard total <= Int(UInt32.max) else {
      starts.deallocate()
      throw .malformed("records too large")
    }
    starts[bucketCount] = UInt32(total)
    bytes = .allocate(byteCount: total, alignment: 16)
    bytes.initializeMemory(as: UInt8.self, repeating: 0)
    let base = bytes.baseAddress!
    for bucket in 0..<bucketCount {
      let start = base + Int(starts[bucket])
      let n = recordCounts[bucket]
      start.storeBytes(of: UInt16(n), as: UInt16.self)
      var slot = 0
      var postings = 2 + 4 * n
      forEachRecord(inBucket: bucket) { position, count in
        let fingerprint = UInt16(records[position]) | UInt16(records[position + 1]) << 8
        start.storeBytes(of: fingerprint, toByteOffset: 2 + 2 * slot, as: UInt16.self)
        let flag = count >= NgramTable.maskThreshold ? Self.maskedFlag : 0
        start.storeBytes(
          of: UInt16(postings) | flag, toByteOffset: 2 + 2 * (n + slot), as: UInt16.self)
        let out = (start + postings).assumingMemoryBound(to: UInt8.self)
        out[0] = UInt8(count)
        if count >= NgramTable.maskThreshold {
          // The mask as it is, then each quantum moved from its rank to its language: the
          // set bits in order, found one at a time (every model has about 75 languages, and
          // most masked records far fewer).
          for byte in 0..<16 { out[1 + byte] = records[position + 3 + byte] }
          var rank = 0
          for half in 0..<2 {
            var bits = UInt64(
              littleEndian: UnsafeRawPointer(records + position + 3 + 8 * half)
                .loadUnaligned(as: UInt64.self))
            while bits != 0 {
              out[17 + 64 * half + bits.trailingZeroBitCount] = records[position + 19 + rank]
              rank += 1
              bits &= bits &- 1
            }
          }
        } else {
          for byte in 0..<(2 * count) { out[1 + byte] = records[position + 3 + byte] }
        }
        postings += postingsSize(count)
        slot += 1
      }
    }
  }

  deinit {
    starts.deallocate()
    bytes.deallocate()
  }
}
