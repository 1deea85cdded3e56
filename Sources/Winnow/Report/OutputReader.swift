/// Reads a run's JSONL output line by line for `winnow report`: a file or stdin, gzip
/// recognized by its magic bytes as the input readers do, one line in memory at a time.
public final class OutputReader {
  private let bytes: ByteReader
  /// The input's name for messages.
  private let name: String
  private var line: [UInt8] = []
  /// The longest line read whole: a record of a document at the 64 MiB limit, with its
  /// removed lines listed and every character escaped, stays under it.
  static let maxLineBytes = 256 << 20

  /// Opens `item` (a file or stdin), or says why it cannot be read.
  public static func open(_ item: InputItem) -> Result<OutputReader, InputFailure> {
    let source: DescriptorSource
    let name: String
    switch item {
    case .failure(let failure): return .failure(failure)
    case .stdin:
      source = DescriptorSource(descriptor: 0, owned: false)
      name = InputItem.stdinSource
    case .file(let file):
      switch DescriptorSource.open(file.pathBytes) {
      case .failure(let error):
        return .failure(unreadable(file.id, "\(file.path): \(error.message)"))
      case .success(let opened): source = opened
      }
      name = file.id
    }
    do throws(InputReadError) {
      let raw = ByteReader(source: source)
      let isGzip = Array(try raw.peek(2)) == [0x1F, 0x8B]
      let bytes = isGzip ? ByteReader(source: try GzipSource(input: raw)) : raw
      return .success(OutputReader(bytes, name: name))
    } catch {
      return .failure(unreadable(name, error.message))
    }
  }

  private init(_ bytes: ByteReader, name: String) {
    self.bytes = bytes
    self.name = name
  }

  /// Passes each line to `tally`; a read error ends the reading and is returned.
  public func read(into tally: inout CorpusTally) -> InputFailure? {
    do throws(InputReadError) {
      while try bytes.readLine(into: &line, limit: Self.maxLineBytes) != nil {
        // A cut line is not JSON and counts as unrecognized.
        tally.add(line: line)
      }
      return nil
    } catch {
      return Self.unreadable(name, error.message)
    }
  }

  private static func unreadable(_ source: String, _ message: String) -> InputFailure {
    InputFailure(source: source, id: source, code: .unreadable, message: message)
  }
}
