/// Counts per name (rule ids, languages, error codes) with at most `limit` names, so that a
/// corpus with endless distinct names cannot grow the report's memory: later new names are
/// counted together under `other`.
struct BoundedCounter {
  let limit: Int
  private(set) var counts: [String: Int] = [:]
  /// Counted for names that came after the limit was reached.
  private(set) var other = 0

  init(limit: Int = 10_000) { self.limit = limit }

  mutating func add(_ name: String, _ count: Int = 1) {
    if counts[name] != nil || counts.count < limit {
      counts[name] = counts[name, default: 0].saturatingAdd(count)
    } else {
      other = other.saturatingAdd(count)
    }
  }

  var total: Int { counts.values.reduce(other) { $0.saturatingAdd($1) } }

  /// Names by count, largest first, ties by name: a stable order for charts.
  var ranked: [(name: String, count: Int)] {
    counts.map { ($0.key, $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
  }
}
