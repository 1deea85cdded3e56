/// Repairs the text of each line without adding or removing lines: mojibake, HTML entities,
/// control and invisible characters, white space and line separators, the punctuation rules
/// the config turns on, then NFC (or NFKC with its exceptions). Every change is counted in
/// the report under `winnow.repairs`.
public struct NormalizeStage: Stage {
  public static let id = StageID.normalize
  /// One repair can reveal work for another (removing a ZWSP from `&amp\u{200B};` makes an
  /// entity, NFC turns U+2000 into U+2002, a space): rounds run until one changes nothing,
  /// so that normalizing twice gives what normalizing once gave. Bounded for hostile input.
  static let maximumRounds = 4

  /// The repairs the config turns on, in order: the registry. The triage is built from
  /// what each declares it looks for.
  let repairs: [any LineRepair]
  let triage: LineTriage
  let composition: CanonicalCompositionRepair?

  public init(settings: NormalizeSettings) throws {
    var repairs: [any LineRepair] = []
    if settings.mojibake { repairs.append(MojibakeRepair()) }
    if settings.entities { repairs.append(EntityRepair()) }
    if settings.mojibake { repairs.append(C1ControlRepair()) }
    repairs.append(ControlCharacterRepair())
    repairs.append(InvisibleCharacterRepair())
    repairs.append(WhitespaceRepair())
    if let punctuation = PunctuationRepair(settings: settings.punctuation) {
      repairs.append(punctuation)
    }
    if settings.punctuation.fullwidthASCII { repairs.append(FullwidthASCIIRepair()) }
    if settings.form == .nfkc { repairs.append(CompatibilityRepair(keeping: settings.nfkcKeep)) }
    self.repairs = repairs
    triage = LineTriage(triggers: repairs.map(\.trigger))
    composition = settings.form == .nfc ? CanonicalCompositionRepair() : nil
  }

  public func run(on page: inout Page, report: inout CleaningReport) {
    for index in page.lines.indices {
      let text = page.lines[index].text
      // Bytes, not `String ==`: that compares canonical equivalence, so NFD and its NFC
      // would count as unchanged and the composed line would be thrown away.
      if let repaired = normalize(text, report: &report), !repaired.utf8.elementsEqual(text.utf8) {
        page.lines[index].original = text
        page.lines[index].text = repaired
      }
    }
  }

  /// The repaired line, or nil when it needs nothing.
  func normalize(_ text: String, report: inout CleaningReport) -> String? {
    let needs = triage.needs(text)
    if needs.repair { return repaired(text, report: &report) }
    guard needs.composition, let composition,
      let composed = composition.composed(text, report: &report)
    else { return nil }
    // Composition can make work for the other repairs (U+212B ANGSTROM SIGN becomes `Å`).
    guard triage.needs(composed).repair else { return composed }
    return repaired(composed, report: &report) ?? composed
  }

  /// Runs every repair over the line's scalars; nil when nothing changed.
  private func repaired(_ text: String, report: inout CleaningReport) -> String? {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    UTF8Scalars.forEach(in: text) {
      scalars.append(Unicode.Scalar($0).unsafelyUnwrapped)
      return true
    }
    var changed = false
    for _ in 0..<Self.maximumRounds {
      var roundChanged = false
      for repair in repairs where repair.repair(&scalars, report: &report) { roundChanged = true }
      if let composition, composition.repair(&scalars, report: &report) { roundChanged = true }
      guard roundChanged else { break }
      changed = true
    }
    return changed ? Self.string(from: scalars) : nil
  }

  /// Builds the line through one UTF-8 buffer: much cheaper than appending scalar by scalar.
  static func string(from scalars: [Unicode.Scalar]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 2)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }
}
