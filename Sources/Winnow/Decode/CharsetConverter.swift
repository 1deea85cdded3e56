/// Bytes in a named charset to text: ICU's converters, and Winnow's own for the charsets the
/// system ICU lacks (ISO-8859-16).
enum CharsetConverter {
  /// The canonical name of `charset`, or nil when neither ICU nor Winnow can convert it.
  static func canonicalName(_ charset: String) -> String? {
    Latin10.isNamed(charset) ? Latin10.name : ICUConverter.canonicalName(charset)
  }

  static func convert(_ bytes: ArraySlice<UInt8>, from charset: String)
    -> Result<ICUConverter.Converted, ICUError>
  {
    if Latin10.isNamed(charset) {
      return .success(ICUConverter.Converted(text: Latin10.decode(bytes), invalidBytes: 0))
    }
    return ICUConverter.convert(bytes, from: charset)
  }
}
