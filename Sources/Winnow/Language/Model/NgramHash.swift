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
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for index in 0..<count {
      hash = (hash ^ UInt64(letters[index])) &* 0x100_0000_01B3
    }
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash
  }
}
