/// The bytes that send decoding elsewhere before UTF-8 is tried, counted in one branch-free
/// pass: NUL (UTF-16/32 or binary) and ESC (the 7-bit ISO-2022 charsets, which are valid
/// UTF-8 byte for byte).
struct ByteCensus {
  var nul = 0
  var escape = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    // Text has neither: eight bytes are skipped at once until a word holds one.
    while index < bytes.count {
      if index + 8 <= bytes.count {
        let word = ByteWord.load(bytes.baseAddress!, at: index)
        if !ByteWord.hasByte(0, in: word) && !ByteWord.hasByte(0x1B, in: word) {
          index += 8
          continue
        }
      }
      for byte in bytes[index..<min(index + 8, bytes.count)] {
        nul &+= byte == 0 ? 1 : 0
        escape &+= byte == 0x1B ? 1 : 0
      }
      index += 8
    }
  }
}
