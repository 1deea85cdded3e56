/// Where output bytes go: stdout, a file, a gzip file. Writes may be buffered until
/// `flush()`; `close()` flushes and ends the output.
public protocol ByteSink: AnyObject {
  func write(_ bytes: [UInt8]) throws
  func flush() throws
  func close() throws
}
