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

  /// Converts through ICU straight to UTF-8, so that building the `String` is a copy and a
  /// validation, not a transcoding.
  static func convert(_ bytes: ArraySlice<UInt8>, from charset: String) -> Result<
    Converted, ICUError
  > {
    // One byte of any charset but a few exotic ones yields at most three bytes of UTF-8;
    // the loop grows the buffer for those.
    var capacity = bytes.count * 3 + 16
    while true {
      var status: Int32 = 0
      var invalid: Int32 = 0
      var written: Int32 = 0
      let text = String(unsafeUninitializedCapacity: capacity) { output in
        written = bytes.withUnsafeBufferPointer { input in
          wn_convert_to_utf8(
            charset, input.baseAddress, Int32(input.count), output.baseAddress,
            Int32(output.count), &invalid, &status)
        }
        return Int(written) <= capacity && status <= 0 ? Int(written) : 0
      }
      if Int(written) > capacity {
        capacity = Int(written) + 16
        continue
      }
      if let error = ICUError(status: status) { return .failure(error) }
      return .success(Converted(text: text, invalidBytes: Int(invalid)))
    }
  }
}
