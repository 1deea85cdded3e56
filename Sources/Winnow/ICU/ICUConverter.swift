import CWinnowICU

/// ICU's converters (ucnv): bytes in a named charset to text.
enum ICUConverter {
  struct Converted {
    var text: String
    /// Bytes that were illegal or unmappable in the charset; each sequence became U+FFFD.
    var invalidBytes: Int
  }

  /// ICU's canonical name for `charset` (any alias ICU knows), or nil when ICU has no such
  /// converter.
  static func canonicalName(_ charset: String) -> String? {
    var name = [CChar](repeating: 0, count: 128)
    let status = name.withUnsafeMutableBufferPointer {
      wn_charset_canonical_name(charset, $0.baseAddress, Int32($0.count))
    }
    guard status <= 0 else { return nil }
    return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func convert(_ bytes: ArraySlice<UInt8>, from charset: String) -> Result<
    Converted, ICUError
  > {
    // One byte yields at most two UTF-16 units in every ICU charset but a few exotic ones;
    // the loop below grows the buffer for those.
    var capacity = bytes.count * 2 + 16
    while true {
      var status: Int32 = 0
      var invalid: Int32 = 0
      var output = [UInt16](repeating: 0, count: capacity)
      let written = bytes.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { destination in
          wn_convert_to_utf16(
            charset, input.baseAddress, Int32(input.count), destination.baseAddress,
            Int32(destination.count), &invalid, &status)
        }
      }
      if Int(written) > capacity {
        capacity = Int(written) + 16
        continue
      }
      if let error = ICUError(status: status) { return .failure(error) }
      let text = output.withUnsafeBufferPointer {
        String(decoding: $0.prefix(Int(written)), as: UTF16.self)
      }
      return .success(Converted(text: text, invalidBytes: Int(invalid)))
    }
  }
}
