/// Text the model can walk scalar value by scalar value: a substring (read from its UTF-8
/// bytes) or a slice of the scalars the language stage has already decoded.
protocol ScalarSource {
  /// Calls `body(value)` for each scalar until it returns false.
  func forEachScalarValue(_ body: (UInt32) -> Bool)
}

extension Substring: ScalarSource {
  @inline(__always)
  func forEachScalarValue(_ body: (UInt32) -> Bool) { UTF8Scalars.forEach(in: self, body) }
}

extension ArraySlice<Unicode.Scalar>: ScalarSource {
  @inline(__always)
  func forEachScalarValue(_ body: (UInt32) -> Bool) {
    for scalar in self {
      guard body(scalar.value) else { return }
    }
  }
}
