/// The bytes that send decoding elsewhere before UTF-8 is tried, counted in one branch-free
/// pass: NUL (UTF-16/32 or binary) and ESC (the 7-bit ISO-2022 charsets, which are valid
/// UTF-8 byte for byte).
struct ByteCensus {
  var nul = 0
  var escape = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    // Eight bytes at a time, each kind's bytes marked and counted; text has neither.
    while index &+ 8 <= bytes.count {
      let word = ByteWord.load(bytes.baseAddress!, at: index)
      let nuls = ByteWord.marks(of: 0, in: word)
      let escapes = ByteWord.marks(of: 0x1B, in: word)
      if nuls | escapes != 0 {
        nul &+= nuls.nonzeroBitCount
        escape &+= escapes.nonzeroBitCount
      }
      index &+= 8
    }
    for byte in bytes[index...] {
      nul &+= byte == 0 ? 1 : 0
      escape &+= byte == 0x1B ? 1 : 0
    }
  }
}
