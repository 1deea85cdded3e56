/// What a repair looks for, declared beside the repair: the line triage is built from the
/// declarations of the repairs a config turns on, so a line goes to the repairs exactly when
/// one of them may act on it, and a new repair needs no list elsewhere to run.
struct RepairTrigger: Sendable {
  /// Characters whose presence anywhere in a line may make the repair change it.
  var characters: [ClosedRange<UInt32>] = []
  /// Runs of spaces, or a space at either end of the line.
  var spacing = false
  /// Two characters in a row that may start its work (a mojibake lead and a continuation).
  var pairs: PairTrigger?
}

/// Two-character triggers: `follows` is asked only when the first character is in `starts`,
/// so that the triage pays one bit test per character for it.
struct PairTrigger: Sendable {
  let starts: CodePointSet
  let follows: @Sendable (_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool
}
