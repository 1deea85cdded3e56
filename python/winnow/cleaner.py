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
QUEUED_DOCUMENTS = 1024
WRITE_BUFFER_BYTES = 1 << 16
_END = object()


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
                needs_json = produced in exact
                if needs_json:
                    exact.discard(produced)
                produced += 1
                yield result_from_json(_loads(line, exact=needs_json))
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

    Writes are buffered, and the buffer goes out whenever the caller's iterable has no next
    document ready (a second thread pulls them into a bounded hand-over): a stream gets large
    writes, and a caller feeding one document at a time still gets each record at once. The
    hand-over is a deque, whose appends and pops need no lock; the two threads signal each
    other only when it runs empty or full, since a lock handed over per document (a `Queue`)
    made the threads take turns at every document and cost more than cleaning it."""

    def __init__(self, process, documents, text_field):
        super().__init__(daemon=True)
        self.process = process
        self.text_field = text_field
        self.sent = 0
        # The numbers of the documents whose records must be read back exactly (see _dumps).
        self.exact_lines = set()
        self.error = None
        self.ready = collections.deque()
        self.signal = threading.Condition()
        self.feeder_waits = False
        self.puller_waits = False
        self.done = False  # the feeder has stopped: the puller stops too
        self.puller = threading.Thread(target=self._pull, args=(documents,), daemon=True)

    def _hand_over(self, item):
        ready = self.ready
        ready.append(item)
        if self.feeder_waits:
            with self.signal:
                self.signal.notify_all()
        if len(ready) >= QUEUED_DOCUMENTS:
            with self.signal:
                self.puller_waits = True
                while len(ready) > QUEUED_DOCUMENTS // 2 and not self.done:
                    self.signal.wait()
                self.puller_waits = False

    def _pull(self, documents):
        try:
            for document in documents:
                if self.done:
                    return
                self._hand_over((document, None))
        except Exception as error:  # the caller's iterable failed: surfaced on its thread
            self._hand_over((_END, error))
            return
        self._hand_over((_END, None))

    def _next(self, stdin):
        ready = self.ready
        if not ready:
            stdin.flush()
            with self.signal:
                self.feeder_waits = True
                while not ready:
                    self.signal.wait()
                self.feeder_waits = False
        item = ready.popleft()
        if self.puller_waits and len(ready) <= QUEUED_DOCUMENTS // 2:
            with self.signal:
                self.signal.notify_all()
        return item

    def run(self):
        stdin = self.process.stdin
        self.puller.start()
        try:
            while True:
                document, error = self._next(stdin)
                if error is not None:
                    raise error
                if document is _END:
                    break
                if isinstance(document, str):
                    document = {self.text_field: document}
                elif not isinstance(document, dict):
                    raise TypeError(f"a document is a str or a dict, not {type(document).__name__}")
                line, exact = _dumps(document)
                if exact:
                    self.exact_lines.add(self.sent)
                stdin.write(line)
                self.sent += 1
        except BrokenPipeError:
            pass  # winnow ended early; its exit status tells why
        except Exception as error:  # surfaced on the caller's thread
            self.error = error
            self.process.kill()
        finally:
            with self.signal:
                self.done = True
                self.signal.notify_all()
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
            return orjson.dumps(document) + b"\n", False
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
