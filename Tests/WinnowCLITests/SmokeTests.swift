import Testing

@Suite struct BinarySmokeTests {
  @Test func placeholder() { #expect(Bool(true)) }
}
