import CWinnowICU

/// A compiled ICU regular expression, for user rules from the config.
///
/// The compiled pattern is immutable and shared by all threads; matching goes through a
/// `Matcher`, a per-thread clone whose match time is limited, so that a pathological pattern
/// such as `(a+)+$` gives up instead of hanging the run. The corresponding ICU functions are
/// `uregex_open`, `uregex_clone`, `uregex_setTimeLimit` and `uregex_find`.
public final class ICURegex: @unchecked Sendable {
  /// Why a pattern did not compile: ICU's error and where in the pattern it is.
  public struct CompileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var error: ICUError
    /// UTF-16 offset of the problem in the pattern, when ICU knows it.
    public var offset: Int?

    public var description: String {
      offset.map { "\(error.name) at offset \($0)" } ?? error.name
    }
  }

  public let pattern: String
  /// Steps of ICU's match engine one search may take (roughly milliseconds); 0 = unlimited.
  public let timeLimit: Int32
  private let compiled: OpaquePointer

  /// Compiles `pattern`; `caseInsensitive` sets ICU's `UREGEX_CASE_INSENSITIVE`.
  public init(_ pattern: String, caseInsensitive: Bool = false, timeLimit: Int32) throws {
    let units = Array(pattern.utf16)
    var offset: Int32 = -1
    var status: Int32 = 0
    let flags: UInt32 = caseInsensitive ? UInt32(WN_REGEX_CASE_INSENSITIVE) : 0
    let handle = units.withUnsafeBufferPointer {
      wn_regex_open($0.baseAddress, Int32($0.count), flags, &offset, &status)
    }
    guard let handle, ICUError(status: status) == nil else {
      throw CompileError(
        error: ICUError(status: status) ?? ICUError(status: 1)!,
        offset: offset >= 0 ? Int(offset) : nil)
    }
    self.pattern = pattern
    self.timeLimit = timeLimit
    self.compiled = handle
  }

  deinit { wn_regex_close(compiled) }

  /// A handle for searching from one thread (a page at a time). `budget` is the match time
  /// all its searches may take together, in the units of `timeLimit` (0 = no budget): a page
  /// of thousands of lines must not multiply the limit per search by its line count.
  public func matcher(budget: Int32 = 0) -> Matcher { Matcher(self, budget: budget) }

  /// One thread's clone of the pattern. Not `Sendable`: keep it inside one task.
  public final class Matcher {
    private let handle: OpaquePointer?
    /// Match time left for this matcher's searches; nil without a budget.
    private var remaining: Int32?
    /// Searches given up for lack of time (counted as no match): those that hit the time
    /// limit or the budget, and those not tried once the budget was spent.
    public private(set) var timeouts = 0

    fileprivate init(_ regex: ICURegex, budget: Int32) {
      var status: Int32 = 0
      handle = wn_regex_clone(regex.compiled, regex.timeLimit, &status)
      remaining = budget > 0 ? budget : nil
    }

    deinit { if let handle { wn_regex_close(handle) } }

    /// True when the pattern matches somewhere in `text`. A search that runs out of time, or
    /// fails in any other way, counts as no match.
    public func matches(_ text: String) -> Bool {
      guard let handle else { return false }
      if let remaining, remaining <= 0 {
        timeouts += 1
        return false
      }
      var units = Array(text.utf16)
      var status: Int32 = 0
      var spent: Int32 = 0
      let found = units.withUnsafeMutableBufferPointer {
        wn_regex_find(
          handle, $0.baseAddress, Int32($0.count), remaining ?? 0, &spent, &status)
      }
      if let left = remaining { remaining = left - spent }
      if ICUError(status: status) != nil { timeouts += 1 }
      return found == 1
    }
  }
}
