/// Suggests the candidate a mistyped word most likely meant, as "did you mean" messages do.
enum NearMiss {
  /// The candidate with the smallest edit distance to `word`, when it is close enough to be a
  /// typo (at most 2 edits, or a third of the word for long keys); nil otherwise.
  static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(2, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(word, candidate)
      if distance <= limit, distance < best?.distance ?? Int.max {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// Levenshtein distance over Unicode scalars, case-insensitive, with `-` and `_` equal so
  /// that `max-document-bytes` finds `max_document_bytes`.
  static func editDistance(_ first: String, _ second: String) -> Int {
    let a = Array(canonical(first))
    let b = Array(canonical(second))
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  private static func canonical(_ word: String) -> String.UnicodeScalarView {
    String(word.lowercased().map { $0 == "-" ? "_" : $0 }).unicodeScalars
  }
}
