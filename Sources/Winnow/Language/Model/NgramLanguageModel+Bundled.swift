import CWinnowLangModel

extension NgramLanguageModel {
  /// The model shipped in the binary (Sources/CWinnowLangModel/langid.bin), parsed on first use
  /// and then shared; its bytes are read in place, not copied.
  public static let bundled: NgramLanguageModel = {
    let bytes = UnsafeRawBufferPointer(
      start: wn_langid_model_bytes(), count: Int(wn_langid_model_size()))
    do {
      _ = LetterTable.shared
      // Scoring reads these bytes in place: the pages of the table are read from the binary
      // as lookups first touch them.
      return try NgramLanguageModel(ModelBytes(static: bytes))
    } catch {
      // The build checks the file against its stamp, so this is a broken checkout.
      fatalError("the bundled language model is unusable: \(error)")
    }
  }()
}
