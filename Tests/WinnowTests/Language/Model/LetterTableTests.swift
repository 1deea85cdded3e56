import Testing

@testable import Winnow

/// The letter table copies the first scalar's entries across `uniformBlocks` instead of
/// looking up each scalar: that must give the table the look-ups give.
@Suite struct LetterTableTests {
  @Test func copyingUniformBlocksGivesTheLookedUpTable() {
    let copied = LetterTable.shared
    let lookedUp = LetterTable(copyingAcross: [])
    #expect(copied.flags == lookedUp.flags)
    #expect(copied.lowercase == lookedUp.lowercase)
    #expect(copied.scripts == lookedUp.scripts)
  }

  @Test func hanAndHangulAreLettersOfTheirScripts() {
    let table = LetterTable.shared
    for scalar: Unicode.Scalar in ["中", "龥", "한", "힣"] {
      #expect(table.flags[Int(scalar.value)] & LetterTable.isLetter != 0, "\(scalar)")
      #expect(table.scripts[Int(scalar.value)] != 0, "\(scalar)")
    }
    #expect(table.flags[0xE000] == 0)
  }
}
