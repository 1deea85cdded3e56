import Testing

@testable import Winnow

@Suite struct LanguageMaskTests {
  @Test func holdsIndicesOnBothSidesOfSixtyFour() {
    var mask = LanguageMask([0, 5, 63, 64, 100, 127])
    #expect([0, 5, 63, 64, 100, 127].allSatisfy(mask.contains))
    #expect(![1, 62, 65, 99, 126].contains(where: mask.contains))
    mask.remove(63)
    mask.remove(100)
    #expect(!mask.contains(63) && !mask.contains(100))
    #expect(mask.contains(64) && mask.contains(127))
    #expect(mask == LanguageMask([0, 5, 64, 127]))
  }

  @Test func isEmptyOnlyWithoutIndices() {
    var mask = LanguageMask()
    #expect(mask.isEmpty)
    mask.insert(70)
    #expect(!mask.isEmpty)
    mask.remove(70)
    #expect(mask.isEmpty)
  }
}
