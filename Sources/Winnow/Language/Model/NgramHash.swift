/// The n-gram hash shared with `scripts/train_langid_model.py`: FNV-1a over the lowercased
/// scalar values, then the murmur3 finalizer so the top bits (the bucket) are well mixed.
enum NgramHash {
  /// The longest n-gram the model knows.
  static let maximumOrder = 5

  /// Hash of the last `order` scalars of `window`, which holds the `maximumOrder` latest
  /// letters of the word, oldest first.
  @inline(__always)
  static func hash(lastOf window: UnsafeMutablePointer<UInt32>, order: Int) -> UInt64 {
    hash(UnsafePointer(window + (maximumOrder - order)), count: order)
  }

  /// Hash of the n-gram `letters[0..<count]`, oldest letter first.
  @inline(__always)
  static func hash(_ letters: UnsafePointer<UInt32>, count: Int) -> UInt64 {
    var state = basis
    for index in 0..<count { state = extend(state, with: letters[index]) }
    return finish(state)
  }

  /// FNV-1a's state before any letter.
  static let basis: UInt64 = 0xCBF2_9CE4_8422_2325

  /// The FNV-1a state of an n-gram extended by `letter`: scoring keeps one state per order
  /// and extends each with every letter, rather than hashing each n-gram from its start.
  @inline(__always)
  static func extend(_ state: UInt64, with letter: UInt32) -> UInt64 {
    (state ^ UInt64(letter)) &* 0x100_0000_01B3
  }

  /// The hash of the n-gram whose FNV-1a state is `state`.
  @inline(__always)
  static func finish(_ state: UInt64) -> UInt64 {
    var hash = state
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash
  }
}
