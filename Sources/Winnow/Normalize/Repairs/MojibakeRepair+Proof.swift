extension MojibakeRepair {
  /// Whether a layer's matches, read through `page`, prove themselves: each decoded character
  /// gives back, encoded as UTF-8 and read through the page, exactly the characters it
  /// replaces; in a layer `deeper` than the first (where the rules asking for evidence are
  /// waived), no pair of letters of one script, which reads as part of a word already,
  /// becomes something that is not a letter (`ВІ` through windows-1251 is `²`: a letter
  /// lost); no pair of symbols (`┼┐` through cp437) becomes a letter outside Latin-1 that is
  /// a compatibility character (`ſ`, which no modern text writes); and a decoded
  /// letter or mark of a script other than Latin reads as part of a word: it does not sit
  /// between digits (`10μs` is fine), and a mark follows a letter of its own script (`×£`
  /// through windows-1252 is a Hebrew letter inside `5ף35`, `×…` a Hebrew point after
  /// `4288`: neither is text).
  static func layerProvesItself(
    _ matches: [Match], in scalars: [Unicode.Scalar], page: MisreadCodePage, deeper: Bool
  ) -> Bool {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var decodedAt: [Int] = []
    var next = 0
    for match in matches {
      let source = scalars[match.start..<match.start + match.length]
      guard match.lossy || roundTrips(match.scalar, to: source, page: page) else { return false }
      let decodedIsLetter = match.scalar.properties.isAlphabetic
      if deeper && !decodedIsLetter && source.count == 2 && isWordOfOneScript(source) {
        return false
      }
      if decodedIsLetter && match.scalar.value > 0xFF
        && !source.contains(where: \.properties.isAlphabetic)
        && isCompatibilityCharacter(match.scalar)
      {
        return false
      }
      output.append(contentsOf: scalars[next..<match.start])
      decodedAt.append(output.count)
      output.append(match.scalar)
      next = match.start + match.length
    }
    output.append(contentsOf: scalars[next...])
    return decodedAt.allSatisfy { readsAsWordOfItsScript(at: $0, in: output) }
  }

  private static func isWordOfOneScript(_ source: ArraySlice<Unicode.Scalar>) -> Bool {
    let table = ScriptTable.shared
    guard let first = source.first, first.properties.isAlphabetic else { return false }
    let script = table.runScript(table.classify(first).script)
    return source.allSatisfy {
      $0.properties.isAlphabetic && table.runScript(table.classify($0).script) == script
    }
  }

  /// The UTF-8 bytes of `scalar` (CESU-8's six for a surrogate pair), read through `page`,
  /// are the characters of `source`.
  private static func roundTrips(
    _ scalar: Unicode.Scalar, to source: ArraySlice<Unicode.Scalar>, page: MisreadCodePage
  ) -> Bool {
    var bytes: [UInt8] = []
    if source.count == 6 {
      for unit in String(scalar).utf16 {
        bytes += [
          0xE0 | UInt8(unit >> 12), 0x80 | UInt8(unit >> 6 & 0x3F), 0x80 | UInt8(unit & 0x3F),
        ]
      }
    } else {
      bytes = Array(String(scalar).utf8)
    }
    return bytes.count == source.count
      && zip(source, bytes).allSatisfy { page.byte($0) == $1 }
  }

  private static func isCompatibilityCharacter(_ scalar: Unicode.Scalar) -> Bool {
    ICUNormalizer.normalizedIfChanged(Array(String(scalar).utf16), form: .nfkc) != nil
  }

  private static func readsAsWordOfItsScript(at index: Int, in text: [Unicode.Scalar]) -> Bool {
    let scalar = text[index]
    let isMark = scalar.properties.generalCategory.isMark
    guard scalar.properties.isAlphabetic || isMark else { return true }
    let table = ScriptTable.shared
    let script = table.classify(scalar).script
    guard script >= 0, script != table.latin else { return true }
    if isMark {
      guard index > 0 else { return false }
      let base = table.classify(text[index - 1]).script
      if base != script && base != ScriptTable.mark { return false }
    }
    func isDigit(_ offset: Int) -> Bool {
      text.indices.contains(offset) && text[offset].properties.numericType == .decimal
    }
    return !(isDigit(index - 1) && isDigit(index + 1))
  }
}

extension Unicode.GeneralCategory {
  var isMark: Bool {
    self == .nonspacingMark || self == .spacingMark || self == .enclosingMark
  }
}
