import CWinnowLangModel

/// The n-gram records of a model, read in place in the file's layout (`scripts/langid_layout.py`),
/// which is the layout lookups want: each bucket (top bits of the hash) is split into
/// `1 << subBucketBits` sub-buckets by the low bits of the fingerprint, so a sub-bucket's run
/// holds about 2.6 records, and each record keeps its postings inline: `u16 tag` (the
/// fingerprint's upper bits, and in the bits the sub-bucket already says the posting count if it
/// is small, else 0 and a `u8 count` follows), then `count x (u8 language, u8 quantum)`, or for
/// counts of `maskThreshold` and more the 128-bit language mask and one quantum per language of
/// the model, at the language's index. A lookup finds where its sub-bucket's run starts and
/// ends in one cache line of the directory (a `u32` start for `runsPerLine` sub-buckets, a `u16`
/// per sub-bucket from there), then walks the run, usually within one cache line, and finds the
/// postings where it found the fingerprint. Records of one fingerprint keep the writer's order,
/// so the first match is the writer's first match.
///
/// Loading checks the directory only: the runs follow each other inside the records. A record's
/// bytes are trusted, which is safe: a lookup starts each record inside the records and reads at
/// most `guardBytes` from there (the file ends with that many bytes after the records), and
/// scoring visits only languages the caller asked for, so a damaged record gives wrong scores,
/// never a read or write out of bounds.
struct NgramTable: @unchecked Sendable {
  static let maskThreshold = 16
  static let maximumLanguages = 128
  /// How many low fingerprint bits pick a sub-bucket; in a record's tag the same bits hold its
  /// posting count (1 to 7), or 0 when a count byte follows.
  static let subBucketBits = 3
  /// Sub-buckets per 64-byte line of the directory: a `u32` and `runsPerLine + 1` `u16`s.
  static let runsPerLine = 29
  static let lineBytes = 64
  /// The most a lookup reads from a position inside the records: a masked record's tag, count,
  /// mask and quanta.
  static let guardBytes = 192
  /// The directory and the records start at a multiple of `lineBytes` from the file's start,
  /// which is itself aligned to a line in memory (`langid.S`, `ModelBytes`).
  static func roundedToLines(_ size: Int) -> Int {
    (size + lineBytes - 1) / lineBytes * lineBytes
  }
  private static let countBits = UInt16(1 << subBucketBits - 1)

  /// Keeps the memory behind the pointers alive; immutable, so the table is safe to share.
  private let bytes: ModelBytes
  private let bucketShift: UInt64
  private let directory: UnsafeRawPointer
  private let recordBytes: UnsafeRawPointer
  /// The size of a masked record after its tag (`u8 count`, mask, quanta).
  private let maskedPostingsBytes: Int

  /// Checks that the sub-buckets' runs follow each other inside the records; `header` has
  /// checked the file's size.
  init(bytes: ModelBytes, header: ModelHeader) throws(NgramModelError) {
    self.bytes = bytes
    bucketShift = UInt64(64 - header.bucketBits)
    let base = UnsafeRawPointer(bytes.buffer.baseAddress!)
    directory = base + header.directoryStart
    recordBytes = base + header.dataStart
    maskedPostingsBytes = 1 + 16 + header.languages.count
    var previousEnd = 0
    for subBucket in 0..<header.subBucketCount {
      let (start, end) = run(atEntry: entry(ofSubBucket: subBucket))
      guard start == previousEnd else {
        throw .malformed(
          "sub-bucket \(subBucket) starts at record byte \(start), not \(previousEnd)")
      }
      guard end <= header.dataByteCount else {
        throw .malformed(
          "sub-bucket \(subBucket) ends at record byte \(end), past the \(header.dataByteCount)"
            + " of the records")
      }
      guard end >= start else { throw .malformed("sub-bucket \(subBucket) ends before it starts") }
      previousEnd = end
    }
    guard previousEnd == header.dataByteCount else {
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

  /// Where the directory holds `subBucket`'s entry: its line (a multiple of `lineBytes`) plus
  /// the offset of its `u16` there.
  @inline(__always)
  private func entry(ofSubBucket subBucket: Int) -> Int {
    let line = Int(bitPattern: UInt(bitPattern: subBucket) / UInt(Self.runsPerLine))
    return line &* Self.lineBytes &+ 4 &+ 2 &* (subBucket &- line &* Self.runsPerLine)
  }

  /// Where the run of the sub-bucket whose directory entry is at `entry` starts and ends in the
  /// records: its line's `u32` plus its own `u16` and the next.
  @inline(__always)
  private func run(atEntry entry: Int) -> (start: Int, end: Int) {
    let base = Int(
      UInt32(
        littleEndian: directory.load(
          fromByteOffset: entry & ~(Self.lineBytes - 1), as: UInt32.self)))
    return (
      base &+ Int(UInt16(littleEndian: directory.load(fromByteOffset: entry, as: UInt16.self))),
      base &+ Int(UInt16(littleEndian: directory.load(fromByteOffset: entry &+ 2, as: UInt16.self)))
    )
  }

  /// What a lookup of the n-gram of `hash` needs: where the directory holds its sub-bucket
  /// (above the low 16 bits) and its fingerprint (the low 16 bits). Scoring works it out once
  /// per n-gram, so the division that finds the directory line is not repeated by each step of
  /// the lookup.
  @inline(__always)
  func key(_ hash: UInt64) -> UInt64 {
    UInt64(truncatingIfNeeded: entry(ofSubBucket: subBucket(hash))) &<< 16 | hash & 0xFFFF
  }

  /// Starts loading the directory line of the n-gram of `key`.
  @inline(__always)
  func prefetchBucket(key: UInt64) {
    wn_prefetch(directory + Int(truncatingIfNeeded: key &>> 16))
  }

  /// Starts loading the records of the n-gram's sub-bucket (whose directory line should be
  /// cached by now).
  @inline(__always)
  func prefetchRecords(key: UInt64) {
    wn_prefetch(recordBytes + run(atEntry: Int(truncatingIfNeeded: key &>> 16)).start)
  }

  /// `record(ofKey:)` for an n-gram the model lacks.
  static let absent = UInt32.max

  /// Where the record of the n-gram of `key` starts (the first of its sub-bucket with its
  /// fingerprint), or `absent`; starts loading the rest of a masked record, which scoring reads
  /// a few letters later.
  @inline(__always)
  func record(ofKey key: UInt64) -> UInt32 {
    let bounds = run(atEntry: Int(truncatingIfNeeded: key &>> 16))
    var position = bounds.start
    let end = bounds.end
    let fingerprint = UInt16(truncatingIfNeeded: key) & ~Self.countBits
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
    forEachPosting(inRecord: record(ofKey: key(hash)), unresolved: &unresolved, body)
  }

  /// The same for the record `record(ofKey:)` found.
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
