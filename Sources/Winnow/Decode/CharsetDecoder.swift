/// Turns a document's bytes into text: a BOM decides first, then UTF-16/32 by their NUL
/// pattern, then ISO-2022 by its escapes, then UTF-8 (valid or with a few damaged bytes),
/// then ICU's detector's candidates and the single-byte charsets of every script, re-ranked
/// by how plausible each decoding looks (`EncodingRanker`). Bytes that are not valid in the
/// chosen encoding become U+FFFD and are counted.
public struct CharsetDecoder: Sendable {
  public struct Failure: Error, Sendable {
    public var code: InputFailure.Code
    public var message: String
  }

  /// How many leading bytes ICU's detector reads to find ISO-2022's escapes.
  static let detectionSampleLength = 8192
  /// ICU's detector found nothing: the encoding of most legacy Western pages.
  static let fallbackEncoding = "windows-1252"

  let settings: DecodeSettings
  /// The charset `decode.encoding` forces, or nil for `auto`.
  let forcedEncoding: String?
  /// Breaks ties between equally clean decodings by how well each reads as a language.
  let fit: NgramFit

  /// `languageModel` breaks ties between equally clean decodings (`NgramFit`); it is
  /// evaluated on the first tie, once.
  public init(
    settings: DecodeSettings,
    languageModel: @autoclosure @escaping @Sendable () -> NgramLanguageModel = .bundled
  ) {
    self.settings = settings
    forcedEncoding = settings.forcedEncoding
    fit = NgramFit(model: languageModel())
  }

  public func decode(_ bytes: [UInt8]) -> Result<DecodedText, Failure> {
    if bytes.isEmpty {
      return .success(DecodedText(text: "", encoding: "UTF-8", confidence: 1, invalidBytes: 0))
    }
    guard settings.enabled else { return .success(Self.utf8(bytes[...], confidence: 1)) }
    if let forced = forcedEncoding {
      return Self.convert(bytes[...], from: forced, confidence: 1)
    }
    if let mark = ByteOrderMark(sniffing: bytes) {
      return Self.convert(bytes[mark.length...], from: mark.encoding, confidence: 1)
    }
    return bytes.withUnsafeBufferPointer { buffer in
      let census = ByteCensus(buffer)
      let nulCount = census.nul
      if nulCount > 0 {
        let pattern = NulPattern(buffer)
        if let (encoding, share) = pattern.unicodeEncoding {
          return Self.convert(bytes[...], from: encoding, confidence: share)
        }
        if let encoding = pattern.possibleUTF16,
          case .success(let decoded) = Self.convert(
            bytes[...], from: encoding, confidence: NulPattern.unconfirmedUTF16Confidence),
          Self.isCleanText(decoded)
        {
          return .success(decoded)
        }
        if let decoded = Self.plausibleUTF16(bytes) { return .success(decoded) }
        if NulPattern.isBinary(buffer, nulCount: nulCount) {
          return .failure(
            Failure(
              code: .binary,
              message: "\(nulCount) of \(bytes.count) bytes are NUL (with other control"
                + " bytes text never has): binary data, not text"))
        }
      }
      if census.escape > 0, let guess = Self.detect(bytes), guess.name.hasPrefix("ISO-2022") {
        return Self.convert(bytes[...], from: guess.name, confidence: guess.confidence)
      }
      if UTF8Scalars.isValid(buffer) {
        return .success(DecodedText(validUTF8: bytes[...], confidence: 1))
      }
      let scan = UTF8Scan(buffer)
      if scan.looksLikeDamagedUTF8 {
        return .success(
          DecodedText(
            text: String(decoding: buffer, as: UTF8.self), encoding: "UTF-8",
            confidence: scan.confidence, invalidBytes: scan.invalidBytes))
      }
      // A document longer than the ranker's sample gives as much evidence as the ranker reads.
      let sample =
        bytes.count <= EncodingRanker.sampleLength
        ? bytes[...] : DetectionEvidence.sample(bytes[...], budget: EncodingRanker.sampleLength)
      let choice = EncodingRanker.choose(
        sample, icuCandidates: ICUCharsetDetector.candidates(sample), fit: fit)
      return Self.convert(
        bytes[...], from: choice?.name ?? Self.fallbackEncoding,
        confidence: choice?.confidence ?? 0)
    }
  }

  /// The penalty per scalar (`DecodingPlausibility`) under which a clean UTF-16 decoding of
  /// bytes with NULs on both sides of their units is taken for text.
  static let plausibleUTF16Rate = 0.05

  /// Short CJK text in UTF-16 has NULs on both sides (`一` is 4E 00, a line feed 00 0A) and
  /// many bytes that are C0 controls: the byte order whose conversion of a sample is clean and
  /// reads as text, applied to the whole document; or nil (random bytes rarely convert
  /// cleanly, and never read as text).
  private static func plausibleUTF16(_ bytes: [UInt8]) -> DecodedText? {
    guard bytes.count % 2 == 0 else { return nil }
    var best: (encoding: String, rate: Double)?
    for (encoding, highByte) in [("UTF-16LE", 1), ("UTF-16BE", 0)] {
      var end = min(bytes.count, NulPattern.sampleLength)
      // A surrogate pair the end of the sample would cut in two.
      if end < bytes.count && (0xD8...0xDB).contains(bytes[end - 2 + highByte]) { end -= 2 }
      guard
        case .success(let decoded) = convert(bytes[..<end], from: encoding, confidence: 0),
        isCleanText(decoded)
      else { continue }
      let rate = DecodingPlausibility(decoded.text).rate
      if rate <= plausibleUTF16Rate && rate < (best?.rate ?? .infinity) {
        best = (encoding, rate)
      }
    }
    guard let best else { return nil }
    guard
      case .success(let decoded) = convert(
        bytes[...], from: best.encoding, confidence: NulPattern.unconfirmedUTF16Confidence)
    else { return nil }
    return decoded
  }

  /// A conversion that met no invalid bytes and made no control characters but white space.
  private static func isCleanText(_ decoded: DecodedText) -> Bool {
    decoded.invalidBytes == 0
      && !decoded.text.unicodeScalars.contains {
        $0.value < 0x20 && !(0x09...0x0D).contains($0.value)
      }
  }

  private static func detect(_ bytes: [UInt8]) -> ICUCharsetDetector.Guess? {
    ICUCharsetDetector.detect(bytes.prefix(detectionSampleLength))
  }

  /// UTF-8 through the standard library (fast, and ill-formed sequences become U+FFFD);
  /// other charsets through ICU.
  private static func convert(_ bytes: ArraySlice<UInt8>, from encoding: String, confidence: Double)
    -> Result<DecodedText, Failure>
  {
    if encoding.uppercased() == "UTF-8" { return .success(utf8(bytes, confidence: confidence)) }
    switch CharsetConverter.convert(bytes, from: encoding) {
    case .success(let converted):
      return .success(
        DecodedText(
          text: converted.text, encoding: encoding, confidence: confidence,
          invalidBytes: converted.invalidBytes))
    case .failure(let error):
      return .failure(
        Failure(code: .unreadable, message: "cannot decode as \(encoding): \(error.name)"))
    }
  }

  private static func utf8(_ bytes: ArraySlice<UInt8>, confidence: Double) -> DecodedText {
    bytes.withUnsafeBufferPointer { buffer in
      if UTF8Scalars.isValid(buffer) {
        return DecodedText(validUTF8: bytes, confidence: confidence)
      }
      return DecodedText(
        text: String(decoding: buffer, as: UTF8.self), encoding: "UTF-8",
        confidence: confidence, invalidBytes: UTF8Scan(buffer).invalidBytes)
    }
  }
}
