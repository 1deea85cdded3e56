import CWinnowLangModel
import Testing

@testable import Winnow

/// The hot table answers exactly as the big table does: the same postings for every n-gram it
/// lists (so scores cannot change), and no answer for the n-grams it does not list.
@Suite struct NgramHotTableTests {
  /// Every language's quantum in `record`, or nil for no record.
  static func postings(_ record: UnsafeRawPointer?, _ model: NgramLanguageModel) -> [Int: Int]? {
    guard record != nil else { return nil }
    var unresolved = LanguageMask(model.languages.indices)
    var seen: [Int: Int] = [:]
    model.table.forEachPosting(inRecord: record, unresolved: &unresolved) { seen[$0] = $1 }
    return seen
  }

  static func bigTablePostings(_ hash: UInt64, _ model: NgramLanguageModel) -> [Int: Int]? {
    postings(model.table.record(ofKey: model.table.key(hash)), model)
  }

  @Test func everyListedNgramOfTheBundledModelHasTheBigTablesPostings() throws {
    let model = NgramLanguageModel.bundled
    let list = try NgramHotTable.identities(
      inFile: UnsafeRawBufferPointer(start: wn_langid_hot_bytes(), count: Int(wn_langid_hot_size()))
    )
    #expect(!list.isEmpty)
    #expect(model.hotTable.count == Set(list).count)
    var absent = 0
    for identity in list {
      // The middle bits of a hash do not pick its answer: any hash with the identity is listed.
      for middle: UInt64 in [0, 0x0000_5A5A_A5A5_0000, 0x0000_FFFF_FFFF_0000] {
        let hash = NgramHotTable.hash(ofIdentity: identity) | middle
        let hot = model.hotTable.lookup(hash)
        #expect(hot.listed)
        let expected = Self.bigTablePostings(hash, model)
        #expect(Self.postings(hot.record, model) == expected, "identity \(identity)")
        if expected == nil { absent += 1 }
      }
    }
    // Most listed n-grams are in the model; those that are not are answered as absent.
    #expect(absent < 3 * list.count / 10)
  }

  /// A tiny model whose hot list holds a masked record ("a"), a list record ("ab") and an
  /// n-gram the model lacks ("zz").
  @Test func aTinyModelScoresTheSameWithAndWithoutItsHotTable() throws {
    let file = NgramTableTests.file
    let listed = ["a", "ab", "zz"].map { UInt32(NgramHotTable.identity(TinyModelFile.hash($0))) }
    let hot = try NgramLanguageModel(ModelBytes(copying: file.bytes), hotIdentities: listed)
    let plain = try NgramLanguageModel(bytes: file.bytes)
    #expect(hot.hotTable.count == 3 && plain.hotTable.count == 0)
    for ngram in ["a", "ab", "zz"] {
      let answer = hot.hotTable.lookup(TinyModelFile.hash(ngram))
      #expect(answer.listed)
      #expect(
        Self.postings(answer.record, hot) == Self.bigTablePostings(TinyModelFile.hash(ngram), plain)
      )
    }
    #expect(Self.postings(hot.hotTable.lookup(TinyModelFile.hash("zz")).record, hot) == nil)
    #expect(!hot.hotTable.lookup(TinyModelFile.hash("b")).listed)
    let text = "ab aab Ab ba zz abz"[...]
    let candidates = NgramTableTests.languages
    #expect(hot.rank(text, candidates: candidates) == plain.rank(text, candidates: candidates))
  }

  @Test func aDamagedListIsRejected() {
    func identities(_ bytes: [UInt8]) throws -> [UInt32] {
      try bytes.withUnsafeBytes { try NgramHotTable.identities(inFile: $0) }
    }
    let good: [UInt8] = Array("WNHT".utf8) + [1, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0]
    #expect(throws: Never.self) { try identities(good) }
    #expect(throws: NgramModelError.malformed("not a hot n-gram list")) {
      try identities(Array("WNLM".utf8) + good.dropFirst(4))
    }
    #expect(throws: NgramModelError.wrongSize(expected: 16, actual: 15)) {
      try identities(Array(good.dropLast()))
    }
    #expect(throws: NgramModelError.malformed("65537 hot n-grams")) {
      try identities(Array("WNHT".utf8) + [1, 0, 0, 0, 1, 0, 1, 0])
    }
  }
}
