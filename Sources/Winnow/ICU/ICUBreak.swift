import CWinnowICU

/// Word and sentence boundaries, from ICU's rule-based break iterators (root locale).
enum ICUBreak {
  enum Kind: Int32 {
    case word = 1
    case sentence = 3
  }

  /// The boundaries of `text` as offsets into its UTF-16 units, ascending, starting at 0 and
  /// ending at `text.count`. The corresponding ICU functions are `ubrk_open` and `ubrk_next`.
  static func boundaries(_ kind: Kind, in text: [UInt16]) throws(ICUError) -> [Int] {
    if text.isEmpty { return [0] }
    var capacity = text.count / 16 + 2
    while true {
      var status: Int32 = 0
      var boundaries = [Int32](repeating: 0, count: capacity)
      let count = text.withUnsafeBufferPointer { units in
        boundaries.withUnsafeMutableBufferPointer { out in
          wn_break_boundaries(
            kind.rawValue, units.baseAddress, Int32(units.count), out.baseAddress,
            Int32(capacity), &status)
        }
      }
      if let error = ICUError(status: status) { throw error }
      if Int(count) <= capacity { return boundaries[..<Int(count)].map { Int($0) } }
      capacity = Int(count)
    }
  }
}
