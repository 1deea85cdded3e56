import CWinnowICU

/// The Unicode script property of code points, from ICU.
enum ICUScript {
  /// One past the largest ICU script code, so tables indexed by script code fit every code.
  static let codeLimit = Int(wn_script_code_limit())

  /// The ICU script code of `scalar` (0 is Common, 1 Inherited) and its simple lowercase
  /// mapping. The corresponding ICU functions are `uscript_getScript` and `u_tolower`.
  @inline(__always)
  static func scriptAndLowercase(of scalar: Unicode.Scalar) -> (script: Int, lowercase: UInt32) {
    var lower: Int32 = 0
    let script = wn_script_of(Int32(bitPattern: scalar.value), &lower)
    return (Int(script), UInt32(bitPattern: lower))
  }

  /// The ISO 15924 code of an ICU script code, e.g. `Latn`. The corresponding ICU function is
  /// `uscript_getShortName`.
  static func isoCode(of script: Int) -> String {
    String(cString: wn_script_short_name(Int32(script)))
  }
}
