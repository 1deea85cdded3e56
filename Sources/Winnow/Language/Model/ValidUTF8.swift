/// Bytes known to be valid UTF-8 (a string's own storage), walked in place as a
/// `ScalarSource`. The identifier reads a substring through this: each of its walks (script
/// letters, scored letters, sibling words) then decodes the bytes and runs its body in one
/// loop, where the substring's storage closure called the body through a pointer per scalar.
struct ValidUTF8: ScalarSource {
  let bytes: UnsafeBufferPointer<UInt8>

  @inline(__always)
  func forEachScalarValue(_ body: (UInt32) -> Bool) { UTF8Scalars.forEach(in: bytes, body) }
}
