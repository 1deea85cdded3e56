import CWinnowLangModel

extension NgramLanguageModel {
  /// The model shipped in the binary (Sources/CWinnowLangModel/langid.bin), parsed on first use
  /// and then shared; its bytes are read in place, not copied, but for the records of the
  /// n-grams listed in langid_hot.bin, which the hot table copies (`NgramHotTable`).
  public static let bundled: NgramLanguageModel = {
    let bytes = UnsafeRawBufferPointer(
      start: wn_langid_model_bytes(), count: Int(wn_langid_model_size()))
    do {
      _ = LetterTable.shared
      let hotList = UnsafeRawBufferPointer(
        start: wn_langid_hot_bytes(), count: Int(wn_langid_hot_size()))
      // Scoring reads these bytes in place: the pages of the table are read from the binary
      // as lookups first touch them (and the hot table's records as it copies them).
      return try NgramLanguageModel(
        ModelBytes(static: bytes), hotIdentities: NgramHotTable.identities(inFile: hotList))
    } catch {
      // The build checks the file against its stamp, so this is a broken checkout.
      fatalError("the bundled language model is unusable: \(error)")
    }
  }()
}
