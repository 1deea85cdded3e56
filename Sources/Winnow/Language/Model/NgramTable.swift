import CWinnowLangModel

/// The n-gram records of a model, read in place in the file's layout (`scripts/langid_layout.py`),
/// which is the layout lookups want: each bucket (top bits of the hash) is split into
/// `1 << subBucketBits` sub-buckets by the low bits of the fingerprint, so a sub-bucket's run
/// holds about 2.6 records, and each record keeps its postings inline: `u16 tag` (the
/// fingerprint's upper bits, and in the bits the sub-bucket already says the posting count if it
/// is small, else 0 and a `u8 count` follows), then `count x (u8 language, u8 quantum)`, or for
/// counts of `maskThreshold` and more the 128-bit language mask and one quantum per language of
/// the model, at the language's index. A lookup finds where its sub-bucket starts in a two-level
/// directory (a `u32` per block of `1 << blockBits` sub-buckets, a `u16` per sub-bucket from
/// there), then walks the run, usually within one cache line, and finds the postings where it
/// found the fingerprint. Records of one fingerprint keep the writer's order, so the first match
/// is the writer's first match.
///
/// Loading checks the directory only: every run lies inside the records. A record's bytes are
/// trusted, which is safe: a lookup starts each record inside the records and reads at most
/// `guardBytes` from there (the file ends with that many bytes after the records), and scoring
/// visits only languages the caller asked for, so a damaged record gives wrong scores, never a
/// read or write out of bounds.
struct NgramTable: @unchecked Sendable {
  static let maskThreshold = 16
  static let maximumLanguages = 128
  /// How many low fingerprint bits pick a sub-bucket; in a record's tag the same bits hold its
  /// posting count (1 to 7), or 0 when a count byte follows.
  static let subBucketBits = 3
  static let blockBits = 8
  /// The most a lookup reads from a position inside the records: a masked record's tag, count,
  /// mask and quanta.
  static let guardBytes = 192
  /// The records start at a multiple of this from the file's start, which is itself aligned to
  /// it in memory (`langid.S`, `ModelBytes`).
  static let dataAlignment = 64
  private static let countBits = UInt16(1 << subBucketBits - 1)

  /// Keeps the memory behind the pointers alive; immutable, so the table is safe to share.
  private let bytes: ModelBytes
  private let bucketShift: UInt64
  private let blockStarts: UnsafeRawPointer
  private let runOffsets: UnsafeRawPointer
  private let recordBytes: UnsafeRawPointer
  /// The size of a masked record after its tag (`u8 count`, mask, quanta).
  private let maskedPostingsBytes: Int

  /// Checks that every sub-bucket's run lies inside the records, in order; `header` has checked
  /// the file's size.
  init(bytes: ModelBytes, header: ModelHeader) throws(NgramModelError) {
    self.bytes = bytes
    bucketShift = UInt64(64 - header.bucketBits)
    let base = UnsafeRawPointer(bytes.buffer.baseAddress!)
    blockStarts = base + header.blockStartsStart
    runOffsets = base + header.runOffsetsStart
    recordBytes = base + header.dataStart
    maskedPostingsBytes = 1 + 16 + header.languages.count
    var previous = 0
    for run in 0...header.subBucketCount {
      let start = runStart(run)
      guard start <= header.dataByteCount else {
        throw .malformed(
          "sub-bucket \(run) starts at record byte \(start), past the \(header.dataByteCount)"
            + " of the records")
      }
      guard start >= previous else {
        throw .malformed("sub-bucket \(run) starts before sub-bucket \(run - 1)")
      }
      previous = start
    }
    guard runStart(0) == 0, previous == header.dataByteCount else {
      throw .malformed("the sub-buckets do not span the records")
    }
  }

  /// The sub-bucket of the n-gram of `hash`.
  @inline(__always)
  private func subBucket(_ hash: UInt64) -> Int {
    // Masking shifts: both amounts are below 64, and Swift's checked shifts cost a dozen
    // instructions in every lookup.
    Int(
      truncatingIfNeeded: (hash &>> bucketShift) &<< UInt64(Self.subBucketBits) | hash
        & UInt64(Self.countBits))
  }

  /// Where the run of `subBucket` starts in the records (`subBucket + 1`: where it ends).
  @inline(__always)
  private func runStart(_ subBucket: Int) -> Int {
    Int(
      UInt32(
        littleEndian: blockStarts.load(
          fromByteOffset: 4 &* (subBucket &>> Self.blockBits), as: UInt32.self)))
      &+ Int(UInt16(littleEndian: runOffsets.load(fromByteOffset: 2 &* subBucket, as: UInt16.self)))
  }

  /// Starts loading where the sub-bucket of the n-gram of `hash` starts.
  @inline(__always)
  func prefetchBucket(_ hash: UInt64) {
    wn_prefetch(runOffsets + 2 &* subBucket(hash))
  }

  /// Starts loading the records of the n-gram's sub-bucket (whose start should be cached by
  /// now).
  @inline(__always)
  func prefetchRecords(_ hash: UInt64) {
    wn_prefetch(recordBytes + runStart(subBucket(hash)))
  }

  /// `record(of:)` for an n-gram the model lacks.
  static let absent = UInt32.max

  /// Where the record of the n-gram of `hash` starts (the first of its sub-bucket with its
  /// fingerprint), or `absent`; starts loading the rest of a masked record, which scoring reads
  /// a few letters later.
  @inline(__always)
  func record(of hash: UInt64) -> UInt32 {
    let run = subBucket(hash)
    var position = runStart(run)
    let end = runStart(run &+ 1)
    let fingerprint = UInt16(truncatingIfNeeded: hash) & ~Self.countBits
    while position < end {
      let tag = UInt16(
        littleEndian: recordBytes.loadUnaligned(fromByteOffset: position, as: UInt16.self))
      let count = Int(tag & Self.countBits)
      if tag & ~Self.countBits == fingerprint {
        if count == 0
          && Int(recordBytes.load(fromByteOffset: position + 2, as: UInt8.self))
            >= Self.maskThreshold
        {
          wn_prefetch(recordBytes + position + 64)
          wn_prefetch(recordBytes + position + 1 + maskedPostingsBytes)
        }
        return UInt32(truncatingIfNeeded: position)
      }
      position += count != 0 ? 2 + 2 * count : 2 + countedPostingsBytes(at: position)
    }
    return Self.absent
  }

  /// The size of the postings of a record whose count follows its tag, the count included.
  @inline(__always)
  private func countedPostingsBytes(at position: Int) -> Int {
    let count = Int(recordBytes.load(fromByteOffset: position + 2, as: UInt8.self))
    return count >= Self.maskThreshold ? maskedPostingsBytes : 1 + 2 * count
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
    var postings = Int(UInt16(record[0]) & Self.countBits)
    var posting = 2
    if postings == 0 {
      postings = Int(record[2])
      posting = 3
    }
    if postings < Self.maskThreshold {
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
      let low = UInt64(
        littleEndian: UnsafeRawPointer(record + 3).loadUnaligned(as: UInt64.self))
      let high = UInt64(
        littleEndian: UnsafeRawPointer(record + 11).loadUnaligned(as: UInt64.self))
      let quanta = record + 19
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
