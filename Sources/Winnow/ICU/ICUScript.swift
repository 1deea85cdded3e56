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

  /// The runs of code points with one script, in order from U+0000 to U+10FFFF: the last
  /// code point of each run and its ICU script code, as ICU's property map holds them
  /// (about 1,700 runs). The corresponding ICU function is `ucpmap_getRange`.
  static func runs() -> [(end: UInt32, script: Int)] {
    var runs: [(end: UInt32, script: Int)] = []
    var start: Int32 = 0
    while start <= 0x10_FFFF {
      var script: Int32 = 0
      let end = wn_script_run_end(start, &script)
      precondition(end >= start, "ICU has no Script property map")
      runs.append((UInt32(end), Int(script)))
      start = end + 1
    }
    return runs
  }

  /// The Script_Extensions of `scalar`: every script that uses it, e.g. Hiragana and Katakana
  /// for the prolonged sound mark U+30FC, or its one script (Common for most symbols), in
  /// `buffer`, which it may grow. The corresponding ICU function is
  /// `uscript_getScriptExtensions`.
  static func extensions(
    of scalar: Unicode.Scalar, into buffer: inout [Int32]
  ) -> ArraySlice<Int32> {
    let value = Int32(bitPattern: scalar.value)
    var count = Int(wn_script_extensions(value, &buffer, Int32(buffer.count)))
    if count > buffer.count {
      buffer = [Int32](repeating: 0, count: count)
      count = Int(wn_script_extensions(value, &buffer, Int32(buffer.count)))
    }
    precondition(count > 0, "ICU failed on Script_Extensions")
    return buffer.prefix(count)
  }
}
