import CWinnowICU

/// ICU's charset detector (ucsdet): a statistical guess for bytes without a BOM.
enum ICUCharsetDetector {
  struct Guess: Equatable {
    /// The charset as ICU names it, e.g. `Shift_JIS`, `windows-1252`.
    var name: String
    /// 0...1
    var confidence: Double
  }

  static func detect(_ bytes: ArraySlice<UInt8>) -> Guess? {
    var status: Int32 = 0
    var name = [CChar](repeating: 0, count: 64)
    let confidence = bytes.withUnsafeBufferPointer { input in
      name.withUnsafeMutableBufferPointer { output in
        wn_detect_charset(
          input.baseAddress, Int32(input.count), output.baseAddress, Int32(output.count),
          &status)
      }
    }
    guard confidence >= 0, ICUError(status: status) == nil else { return nil }
    let nameBytes = name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return Guess(
      name: String(decoding: nameBytes, as: UTF8.self), confidence: Double(confidence) / 100)
  }

  /// Every guess ICU has a converter for, best first.
  static func candidates(_ bytes: ArraySlice<UInt8>) -> [Guess] {
    let stride = 64
    let maximum = 32
    var status: Int32 = 0
    var names = [CChar](repeating: 0, count: stride * maximum)
    var confidences = [Int32](repeating: 0, count: maximum)
    let count = bytes.withUnsafeBufferPointer { input in
      names.withUnsafeMutableBufferPointer { output in
        confidences.withUnsafeMutableBufferPointer { scores in
          wn_detect_charsets(
            input.baseAddress, Int32(input.count), output.baseAddress, Int32(stride),
            scores.baseAddress, Int32(maximum), &status)
        }
      }
    }
    guard ICUError(status: status) == nil else { return [] }
    return (0..<Int(count)).map { index in
      let slot = names[(index * stride)..<((index + 1) * stride)]
      let nameBytes = slot.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
      return Guess(
        name: String(decoding: nameBytes, as: UTF8.self),
        confidence: Double(confidences[index]) / 100)
    }
  }
}
