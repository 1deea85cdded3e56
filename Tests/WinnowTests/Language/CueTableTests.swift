import Testing

@testable import Winnow

@Suite struct CueTableTests {
  @Test func findsEveryKeyAndOnlyThose() {
    var entries: [UInt64: [UInt8]] = [0: [7], 1: [1, 2]]
    var random = SeededGenerator(seed: 42)
    for index in 0..<2000 { entries[random.next()] = [UInt8(index % 200)] }
    let table = CueTable(entries)
    for (key, candidates) in entries { #expect(table[key] == candidates) }
    #expect(table[0xDEAD_BEEF] == [])
  }
}
