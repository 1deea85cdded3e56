/// The bytes that send decoding elsewhere before UTF-8 is tried, counted in one branch-free
/// pass: NUL (UTF-16/32 or binary) and ESC (the 7-bit ISO-2022 charsets, which are valid
/// UTF-8 byte for byte).
struct ByteCensus {
  var nul = 0
  var escape = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    for byte in bytes {
      nul &+= byte == 0 ? 1 : 0
      escape &+= byte == 0x1B ? 1 : 0
    }
  }
}
