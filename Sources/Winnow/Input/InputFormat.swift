/// How an input's bytes become documents; the raw values are the `--input-format` strings.
public enum InputFormat: String, CaseIterable, Sendable {
  /// Decide by extension (`.jsonl`, `.ndjson`, `.wet`, `.warc`, with or without `.gz`), then
  /// by the first record: a whole WARC header is WET, a first line on stdin that parses as a
  /// JSON object is JSONL; a BOM, or anything else, is text.
  case auto
  /// A file is one document; on stdin the whole stream is one document.
  case text
  /// One JSON object per line, split at `\n` only.
  case jsonl
  /// Common Crawl WET: WARC `conversion` records.
  case wet
}
