import CWinnowLangModel

extension NgramLanguageModel {
  /// The model shipped in the binary (Sources/CWinnowLangModel/langid.bin), parsed on first use
  /// and then shared; its bytes are read in place, not copied.
  public static let bundled: NgramLanguageModel = {
    let bytes = UnsafeRawBufferPointer(
      start: wn_langid_model_bytes(), count: Int(wn_langid_model_size()))
    do {
      _ = LetterTable.shared
      let model = try NgramLanguageModel(ModelBytes(static: bytes))
      // Scoring reads the layout built at load (`NgramBuckets`), never these bytes again.
      wn_release_pages(bytes.baseAddress, Int64(bytes.count))
      return model
    } catch {
      // The build checks the file against its stamp, so this is a broken checkout.
      fatalError("the bundled language model is unusable: \(error)")
    }
  }()
}
