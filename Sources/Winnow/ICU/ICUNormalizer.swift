import CWinnowICU

/// NFC and NFKC through ICU's normalizer, on UTF-16 buffers.
enum ICUNormalizer {
  enum Form: Int32, Sendable {
    case nfc = 0
    case nfkc = 1
  }

  /// `text` in `form`, or nil when it is already normalized (the common case, found by ICU's
  /// quick check without building anything) or ICU fails.
  static func normalizedIfChanged(_ text: [UInt16], form: Form = .nfc) -> [UInt16]? {
    var status: Int32 = 0
    let span = text.withUnsafeBufferPointer {
      wn_normalized_span(form.rawValue, $0.baseAddress, Int32($0.count), &status)
    }
    if ICUError(status: status) != nil || Int(span) == text.count { return nil }
    guard let output = normalized(text, form: form) else { return nil }
    return output == text ? nil : output
  }

  /// True when ICU's quick check says all of `text` is certainly NFC.
  static func isNormalizedPrefix(_ text: [UInt16]) -> Bool {
    var status: Int32 = 0
    let span = text.withUnsafeBufferPointer {
      wn_normalized_span(Form.nfc.rawValue, $0.baseAddress, Int32($0.count), &status)
    }
    return ICUError(status: status) == nil && Int(span) == text.count
  }

  /// The scalars of ICU's UTF-16 output, a lone surrogate read as U+FFFD (as
  /// `String(decoding:as:)` reads it), without the string that decoding makes slowly.
  static func scalars(ofUTF16 units: [UInt16]) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(units.count)
    var index = 0
    while index < units.count {
      var value = UInt32(units[index])
      index += 1
      if value & 0xFC00 == 0xD800 && index < units.count && units[index] & 0xFC00 == 0xDC00 {
        value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
        index += 1
      }
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return scalars
  }

  /// `text` in `form`, or nil when ICU fails.
  static func normalized(_ text: [UInt16], form: Form) -> [UInt16]? {
    var capacity = text.count + 16
    while true {
      var status: Int32 = 0
      var output = [UInt16](repeating: 0, count: capacity)
      let written = text.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { destination in
          wn_normalize(
            form.rawValue, source.baseAddress, Int32(source.count), destination.baseAddress,
            Int32(destination.count), &status)
        }
      }
      if Int(written) > capacity {
        capacity = Int(written) + 16
        continue
      }
      if ICUError(status: status) != nil { return nil }
      output.removeSubrange(Int(written)...)
      return output
    }
  }
}
