import Testing

@testable import Winnow

@Suite struct SizeHistogramTests {
  @Test(arguments: [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (1023, 10), (1024, 11)])
  func bandsDoubleInSize(_ size: Int, _ band: Int) {
    #expect(SizeHistogram.band(of: size) == band)
    #expect(SizeHistogram.lowerBound(of: band) <= size)
  }

  @Test func keptShareHasTenBandsWithAllKeptInTheLast() {
    var shares = ShareHistogram()
    shares.add(kept: 10, of: 10)
    shares.add(kept: 0, of: 10)
    shares.add(kept: 5, of: 0)
    #expect(shares.counts == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
  }
}
