/// A read-only hash table from 64-bit keys (word hashes, code points) to short lists of
/// candidate languages, in flat arrays with open addressing: a lookup in the hot loop hashes
/// with one multiply and touches no reference count, unlike `Dictionary`.
struct CueTable: Sendable {
  /// Key per slot; meaningless where `counts` is 0 (an empty slot).
  private let keys: [UInt64]
  /// Per slot, where its candidates start in `pool` and how many there are.
  private let starts: [UInt32]
  private let counts: [UInt8]
  private let pool: [UInt8]
  private let mask: Int

  init(_ entries: [UInt64: [UInt8]]) {
    var capacity = 16
    while capacity < entries.count * 2 { capacity *= 2 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var starts = [UInt32](repeating: 0, count: capacity)
    var counts = [UInt8](repeating: 0, count: capacity)
    var pool: [UInt8] = []
    mask = capacity - 1
    for (key, candidates) in entries where !candidates.isEmpty {
      var slot = Self.slot(of: key, mask: mask)
      while counts[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = key
      starts[slot] = UInt32(pool.count)
      counts[slot] = UInt8(candidates.count)
      pool += candidates
    }
    self.keys = keys
    self.starts = starts
    self.counts = counts
    self.pool = pool
  }

  /// Calls `body` with each candidate listed under `key`.
  @inline(__always)
  func forEach(_ key: UInt64, _ body: (UInt8) -> Void) {
    var slot = Self.slot(of: key, mask: mask)
    while true {
      let count = Int(counts[slot])
      if count == 0 { return }
      if keys[slot] == key {
        let start = Int(starts[slot])
        for index in start..<(start + count) { body(pool[index]) }
        return
      }
      slot = (slot + 1) & mask
    }
  }

  /// The candidates listed under `key`, for tests and tools.
  subscript(key: UInt64) -> [UInt8] {
    var candidates: [UInt8] = []
    forEach(key) { candidates.append($0) }
    return candidates
  }

  @inline(__always)
  private static func slot(of key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}
