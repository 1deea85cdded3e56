"""`Cleaner`: winnow's pipeline from Python, through the `winnow` binary.

One document (`clean`) runs one short-lived `winnow clean`; a stream (`clean_many`) runs one
long-lived `winnow clean --input-format jsonl --errors inline --drops inline`, fed by a writer
thread while the caller's thread reads, so neither side can block the other however large the
input: every input line gives exactly one output line, in input order.
"""

import collections
import json
import os
import subprocess
import tempfile
import threading

try:  # several times faster; optional (`pip install orjson`)
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    orjson = None

from ._binary import find_binary
from .results import Failed, result_from_json

STDERR_TAIL_LINES = 50
IDLE_FLUSH_SECONDS = 0.002
WRITE_BUFFER_BYTES = 1 << 16


class WinnowError(RuntimeError):
    """The winnow process failed: a bad config, a crash, or output that makes no sense."""

    def __init__(self, message, stderr=""):
        super().__init__(message + (f"\n{stderr}" if stderr else ""))
        self.stderr = stderr


class DocumentError(WinnowError):
    """`Cleaner.clean` could not read the document; `failure` is its error record."""

    def __init__(self, failure):
        super().__init__(f"{failure.source}: {failure.error}: {failure.message}")
        self.failure = failure


class Cleaner:
    """Cleans documents with a given configuration.

    config: None (the built-in one), the path of a YAML file, or a dict of the same shape
    (laid over the built-in config key by key, as `winnow clean --config` does). A config
    with a problem raises WinnowError here, with winnow's message naming the key.
    """

    def __init__(self, config=None, *, binary=None, explain=False, jobs=None):
        self._config_file = None
        self.binary = find_binary(binary)
        self.explain = explain
        self.jobs = jobs
        self.config_path = None
        if isinstance(config, dict):
            # JSON is YAML: the dict goes to winnow as it is.
            handle = tempfile.NamedTemporaryFile(
                "w", suffix=".yaml", prefix="winnow-config-", delete=False, encoding="utf-8"
            )
            with handle:
                json.dump(config, handle, ensure_ascii=False)
            self._config_file = self.config_path = handle.name
        elif config is not None:
            self.config_path = os.fspath(config)
        if self.config_path is not None:
            check = subprocess.run(
                [self.binary, "config", "check", self.config_path],
                capture_output=True,
                text=True,
            )
            if check.returncode != 0:
                self.close()
                raise WinnowError("invalid winnow config", check.stderr.strip())

    def close(self):
        """Removes the temporary config file a dict config was written to."""
        if self._config_file:
            try:
                os.unlink(self._config_file)
            except FileNotFoundError:
                pass
            self._config_file = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def _command(self, input_format, text_field=None):
        command = [self.binary, "clean", "--input-format", input_format]
        command += ["--errors", "inline", "--drops", "inline", "--progress", "never"]
        if text_field is not None:
            command += ["--text-field", text_field]
        if self.config_path is not None:
            command += ["--config", self.config_path]
        if self.explain:
            command.append("--explain")
        if self.jobs is not None:
            command += ["--jobs", str(self.jobs)]
        return command

    def clean(self, document, id=None):
        """Cleans one document, `str` or `bytes` (bytes in any encoding: winnow detects it).
        Returns a Record or a Dropped; raises DocumentError when the document cannot be read.
        """
        data = document.encode("utf-8") if isinstance(document, str) else bytes(document)
        finished = subprocess.run(self._command("text"), input=data, capture_output=True)
        lines = finished.stdout.splitlines()
        if finished.returncode != 0 or len(lines) != 1:
            raise WinnowError(
                f"winnow exited with status {finished.returncode} and {len(lines)} output lines",
                finished.stderr.decode("utf-8", "replace").strip(),
            )
        result = result_from_json(_loads(lines[0]))
        if isinstance(result, Failed):
            raise DocumentError(result)
        if id is not None:
            result.id = id
            if hasattr(result, "fields"):
                result.fields["id"] = id
        return result

    def clean_many(self, documents, text_field="text"):
        """Cleans a stream of documents through one winnow process and yields a Record,
        Dropped or Failed for each, in input order. A document is a `str` or a dict holding
        its text in `text_field`; every other field of a dict comes back in the record's
        `fields`, exactly as given. Stopping the iteration early ends the process."""
        process = subprocess.Popen(
            self._command("jsonl", text_field),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=WRITE_BUFFER_BYTES,
        )
        stderr_tail = collections.deque(maxlen=STDERR_TAIL_LINES)
        feeding = _Feeder(process, documents, text_field)
        draining = threading.Thread(target=_drain, args=(process.stderr, stderr_tail), daemon=True)
        feeding.start()
        draining.start()
        finished = False
        try:
            produced = 0
            exact = feeding.exact_lines
            for line in process.stdout:
                if produced in exact:
                    exact.discard(produced)
                    result = result_from_json(_loads(line, exact=True))
                else:
                    result = result_from_json(_loads(line))
                produced += 1
                yield result
            process.wait()
            draining.join()
            feeding.join()
            if feeding.error is not None:
                raise feeding.error
            stderr = b"".join(stderr_tail).decode("utf-8", "replace").strip()
            if process.returncode != 0:
                raise WinnowError(f"winnow exited with status {process.returncode}", stderr)
            if produced != feeding.sent:
                raise WinnowError(
                    f"winnow wrote {produced} lines for {feeding.sent} documents", stderr
                )
            finished = True
        finally:
            if not finished and process.poll() is None:
                process.kill()
                process.wait()
            for stream in (process.stdout, process.stderr):
                stream.close()


class _Feeder(threading.Thread):
    """Writes the documents to winnow's stdin as JSONL, then closes it. Runs on its own
    thread so that a full stdin pipe never stops the caller from reading stdout.

    Writes are buffered, so a stream goes out in large writes. A caller that feeds one
    document at a time (its iterable waits for the previous record) must still get each
    record at once: a second thread flushes the buffer when no document was written for a
    tick (a thread that only pulled documents and handed each to the writer cost about a
    fourteenth of the package's instructions per document)."""

    def __init__(self, process, documents, text_field):
        super().__init__(daemon=True)
        self.process = process
        self.documents = documents
        self.text_field = text_field
        self.sent = 0
        # The numbers of the documents whose records must be read back exactly (see _dumps).
        self.exact_lines = set()
        self.error = None
        self.stopped = threading.Event()
        self.flusher = threading.Thread(target=self._flush_when_idle, daemon=True)

    def _flush_when_idle(self):
        stdin = self.process.stdin
        flushed = seen = 0
        while not self.stopped.wait(IDLE_FLUSH_SECONDS):
            sent = self.sent
            if sent == seen and sent != flushed:  # nothing written for a tick: flush
                try:
                    stdin.flush()  # BufferedWriter locks against the feeder's writes
                except (BrokenPipeError, ValueError):
                    return  # winnow ended, or the feeder closed stdin
                flushed = sent
            seen = sent

    def run(self):
        stdin = self.process.stdin
        write, text_field = stdin.write, self.text_field
        self.flusher.start()
        try:
            for document in self.documents:
                if isinstance(document, str):
                    document = {text_field: document}
                elif not isinstance(document, dict):
                    raise TypeError(f"a document is a str or a dict, not {type(document).__name__}")
                line, exact = _dumps(document)
                if exact:
                    self.exact_lines.add(self.sent)
                write(line)
                self.sent += 1
        except BrokenPipeError:
            pass  # winnow ended early; its exit status tells why
        except Exception as error:  # surfaced on the caller's thread
            self.error = error
            self.process.kill()
        finally:
            self.stopped.set()
            self.flusher.join()
            try:
                stdin.close()
            except BrokenPipeError:
                pass


def _loads(line, exact=False):
    """One JSON line; orjson unless `exact`: the line may hold integers beyond 64 bits, which
    orjson reads as floats and `json` keeps exact."""
    if orjson is not None and not exact:
        return orjson.loads(line)
    return json.loads(line)


def _dumps(document):
    """One JSON line, UTF-8, with its `\n`, and whether reading its record back needs `json`
    (it was written by `json`: integers beyond 64 bits, types orjson does not know). Raw
    U+2028 and friends are safe: winnow splits JSONL at `\n` only."""
    if orjson is not None:
        try:
            return orjson.dumps(document, option=orjson.OPT_APPEND_NEWLINE), False
        except TypeError:
            pass
    return json.dumps(document, ensure_ascii=False).encode("utf-8") + b"\n", True


def _drain(stream, tail):
    for line in stream:
        tail.append(line)


def clean(document, id=None, config=None):
    """Cleans one document with a Cleaner made for the call."""
    with Cleaner(config) as cleaner:
        return cleaner.clean(document, id=id)


def langid(lines, binary=None):
    """One language code per line (`und` when unknown), from `winnow langid`."""
    lines = [line.replace("\r", " ").replace("\n", " ") for line in lines]
    if not lines:
        return []
    finished = subprocess.run(
        [find_binary(binary), "langid"],
        input="\n".join(lines).encode("utf-8") + b"\n",
        capture_output=True,
    )
    codes = finished.stdout.decode("utf-8").splitlines()
    if finished.returncode != 0 or len(codes) != len(lines):
        raise WinnowError(
            f"winnow langid exited with status {finished.returncode}",
            finished.stderr.decode("utf-8", "replace").strip(),
        )
    return codes
