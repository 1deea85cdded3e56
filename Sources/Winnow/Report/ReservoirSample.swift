/// A uniform sample of at most `capacity` items from a stream of unknown length (Vitter's
/// algorithm R), in memory for the sample only. The generator has a fixed seed, so the same
/// input always gives the same sample, and the report the same bytes.
struct ReservoirSample<Element> {
  let capacity: Int
  /// The kept items with their 0-based positions in the stream, in no particular order.
  private(set) var items: [(position: Int, element: Element)] = []
  private(set) var seen = 0
  private var random: SplitMix64

  init(capacity: Int, seed: UInt64 = 0x5EED_0F_3A11_0016) {
    self.capacity = max(0, capacity)
    random = SplitMix64(seed: seed)
  }

  /// Offers the next item; `make` runs only when the item is kept, so an item costs nothing
  /// to skip.
  mutating func offer(_ make: () -> Element) {
    defer { seen += 1 }
    if items.count < capacity {
      items.append((seen, make()))
      return
    }
    guard capacity > 0 else { return }
    let slot = Int(random.next() % UInt64(seen + 1))
    if slot < capacity { items[slot] = (seen, make()) }
  }

  /// The sample in stream order.
  var inOrder: [Element] { items.sorted { $0.position < $1.position }.map(\.element) }
}
