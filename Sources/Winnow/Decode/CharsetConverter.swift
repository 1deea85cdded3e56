/// Bytes in a named charset to text: ICU's converters, and Winnow's own for the charsets the
/// system ICU lacks (ISO-8859-16, Johab).
enum CharsetConverter {
  /// The canonical name of `charset`, or nil when neither ICU nor Winnow can convert it.
  static func canonicalName(_ charset: String) -> String? {
    if Latin10.isNamed(charset) { return Latin10.name }
    if Johab.isNamed(charset) { return Johab.name }
    return ICUConverter.canonicalName(charset)
  }

  static func convert(_ bytes: ArraySlice<UInt8>, from charset: String)
    -> Result<ICUConverter.Converted, ICUError>
  {
    if Latin10.isNamed(charset) {
      return .success(ICUConverter.Converted(text: Latin10.decode(bytes), invalidBytes: 0))
    }
    if Johab.isNamed(charset) { return .success(Johab.decode(bytes)) }
    return ICUConverter.convert(bytes, from: charset)
  }
}
