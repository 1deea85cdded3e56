@testable import Winnow

/// SplitMix64: a small seeded generator, so that property tests see the same inputs on
/// every run and a failure can be replayed (the report's sampler uses the same one).
typealias SeededGenerator = SplitMix64
