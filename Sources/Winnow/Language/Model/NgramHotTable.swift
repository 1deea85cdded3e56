/// The n-grams scoring looks up most, each with a copy of the big table's record, in a few
/// hundred KB that stay in the cache: the big table (10 MB) is read at random, so nearly every
/// lookup there waits for memory and evicts what the other stages keep cached. The list of
/// n-grams (`langid_hot.bin`, written by `scripts/langid_hot.py`) only says which answers are
/// copied; the answers themselves are read from the big table at load, so a lookup here gives
/// exactly what the big table gives, and which n-grams are listed never changes a score.
///
/// An n-gram is listed by its lookup identity, the top 16 and low 16 bits of its hash: in a
/// table of at most 16 bucket bits those bits fix the bucket and the fingerprint, so every hash
/// with the same identity gets the same answer from the big table. A model with more bucket bits
/// gets no hot table.
struct NgramHotTable: @unchecked Sendable {
  /// More than the list's n-grams is never needed to keep lookups in the cache, and this bounds
  /// the memory a list can ask for (at most 16 bytes of slots and 147 of record per n-gram).
  static let maximumCount = 1 << 16
  static let magic: [UInt8] = Array("WNHT".utf8)
  static let version: UInt32 = 1
  static let headerSize = 12

  /// Slot `reference` of a listed n-gram the big table does not have.
  private static let absentReference: UInt64 = 0xFFFF_FFFF

  /// Keeps the memory behind the pointers alive; immutable after `init`, so safe to share.
  private let storage: HotStorage
  /// Open addressing, at most half full: `identity << 32 | reference`, where reference 0 is an
  /// empty slot, `absentReference` a listed n-gram without a record, and otherwise 1 + where the
  /// record's copy starts in `records`.
  private let slots: UnsafePointer<UInt64>
  private let slotMask: Int
  private let records: UnsafeRawPointer

  /// The lookup identity of a hash: its top and low 16 bits.
  @inline(__always)
  static func identity(_ hash: UInt64) -> UInt64 {
    (hash &>> 48) &<< 16 | hash & 0xFFFF
  }

  /// A hash with the given identity (its middle bits zero), for reading the big table's answer.
  static func hash(ofIdentity identity: UInt32) -> UInt64 {
    UInt64(identity >> 16) << 48 | UInt64(identity & 0xFFFF)
  }

  /// The identities of a list file, checked: magic, version, count and size.
  static func identities(inFile bytes: UnsafeRawBufferPointer) throws(NgramModelError) -> [UInt32] {
    guard bytes.count >= headerSize else {
      throw .wrongSize(expected: headerSize, actual: bytes.count)
    }
    guard Array(bytes[0..<4]) == magic else { throw .malformed("not a hot n-gram list") }
    let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
    guard version == Self.version else { throw .unsupportedVersion(version) }
    let count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
    guard count <= maximumCount else { throw .malformed("\(count) hot n-grams") }
    guard bytes.count == headerSize + 4 * count else {
      throw .wrongSize(expected: headerSize + 4 * count, actual: bytes.count)
    }
    return (0..<count).map {
      UInt32(
        littleEndian: bytes.loadUnaligned(fromByteOffset: headerSize + 4 * $0, as: UInt32.self))
    }
  }

  /// Copies the big table's answer for each of `identities` (at most `maximumCount`, repeats
  /// kept once), in list order, so the most looked-up records share cache lines. Empty when the
  /// table's buckets take more than the identity's 16 top bits.
  init(identities: [UInt32], table: NgramTable) {
    let listed = table.bucketBits <= 16 ? identities.prefix(Self.maximumCount) : []
    var seen = Set<UInt32>()
    var answers: [(identity: UInt32, record: UnsafeRawPointer?)] = []
    var recordByteCount = 0
    for identity in listed where seen.insert(identity).inserted {
      let record = table.record(ofKey: table.key(Self.hash(ofIdentity: identity)))
      answers.append((identity, record))
      if let record { recordByteCount += table.byteCount(ofRecord: record) }
    }
    var slotCount = 1
    while slotCount < 2 * answers.count { slotCount <<= 1 }
    storage = HotStorage(byteCount: 8 * slotCount + recordByteCount)
    let slots = storage.bytes.bindMemory(to: UInt64.self, capacity: slotCount)
    slots.initialize(repeating: 0, count: slotCount)
    let records = storage.bytes + 8 * slotCount
    slotMask = slotCount - 1
    var recordEnd = 0
    for (identity, record) in answers {
      var reference = Self.absentReference
      if let record {
        let size = table.byteCount(ofRecord: record)
        (records + recordEnd).copyMemory(from: record, byteCount: size)
        reference = UInt64(recordEnd + 1)
        recordEnd += size
      }
      var slot = Self.firstSlot(UInt64(identity), mask: slotMask)
      while slots[slot] != 0 { slot = (slot + 1) & slotMask }
      slots[slot] = UInt64(identity) << 32 | reference
    }
    self.slots = UnsafePointer(slots)
    self.records = UnsafeRawPointer(records)
  }

  /// How many n-grams the table holds.
  var count: Int {
    (0...slotMask).count(where: { slots[$0] != 0 })
  }

  @inline(__always)
  private static func firstSlot(_ identity: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: identity ^ identity &>> 16) & mask
  }

  /// Whether the n-gram of `hash` is listed, and if so the big table's record for it (nil when
  /// the model lacks it), read from the copy.
  @inline(__always)
  func lookup(_ hash: UInt64) -> (listed: Bool, record: UnsafeRawPointer?) {
    let identity = Self.identity(hash)
    var slot = Self.firstSlot(identity, mask: slotMask)
    while true {
      let entry = slots[slot]
      let reference = entry & 0xFFFF_FFFF
      if reference == 0 { return (false, nil) }
      if entry &>> 32 == identity {
        return (
          true,
          reference == Self.absentReference
            ? nil : records + Int(truncatingIfNeeded: reference &- 1)
        )
      }
      slot = (slot &+ 1) & slotMask
    }
  }
}

/// The hot table's memory: its slots, then its records, aligned to a cache line.
private final class HotStorage: @unchecked Sendable {
  let bytes: UnsafeMutableRawPointer

  init(byteCount: Int) {
    bytes = .allocate(byteCount: max(byteCount, 8), alignment: NgramTable.lineBytes)
  }

  deinit { bytes.deallocate() }
}
