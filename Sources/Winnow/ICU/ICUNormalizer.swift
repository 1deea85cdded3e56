import CWinnowICU

/// NFC through ICU's normalizer, on UTF-16 buffers.
enum ICUNormalizer {
  /// The NFC form of `text`, or nil when it is already NFC (the common case, found by ICU's
  /// quick check without building anything).
  static func nfcIfChanged(_ text: [UInt16]) -> [UInt16]? {
    var status: Int32 = 0
    let span = text.withUnsafeBufferPointer {
      wn_nfc_span($0.baseAddress, Int32($0.count), &status)
    }
    if ICUError(status: status) != nil || Int(span) == text.count { return nil }
    var capacity = text.count + 16
    while true {
      var output = [UInt16](repeating: 0, count: capacity)
      let written = text.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { destination in
          wn_nfc_normalize(
            source.baseAddress, Int32(source.count), destination.baseAddress,
            Int32(destination.count), &status)
        }
      }
      if Int(written) > capacity {
        capacity = Int(written) + 16
        continue
      }
      if ICUError(status: status) != nil { return nil }
      output.removeSubrange(Int(written)...)
      return output == text ? nil : output
    }
  }
}
