"""A DataTrove pipeline step: `WinnowCleaner` rewrites each document's text with winnow's
clean text and puts winnow's fields in its metadata; documents with nothing left, and those
winnow cannot read, leave the pipeline (counted in the step's stats as `dropped` and
`failed`).

    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from winnow.datatrove import WinnowCleaner

    LocalPipelineExecutor(pipeline=[JsonlReader("in/"), WinnowCleaner(), JsonlWriter("out/")])
"""

import collections

from datatrove.pipeline.base import PipelineStep

from .cleaner import Cleaner
from .results import Dropped, Failed

FOUND_FIELDS = ("title", "byline", "date", "segments", "comments")


class WinnowCleaner(PipelineStep):
    """Cleans `doc.text` with winnow. Metadata added: `language` (as DataTrove's language
    filter names it) and `winnow`: winnow's report (encoding, counts of removals and repairs)
    with `title`, `byline`, `date` and the reader `comments` when found, and the language
    `segments`."""

    name = "🧹 Winnow"
    type = "✂️ - FORMAT"

    def __init__(self, config=None, binary=None, keep_failed=False):
        super().__init__()
        self.config = config
        self.binary = binary
        self.keep_failed = keep_failed

    def run(self, data, rank=0, world_size=1):
        if data is None:
            return
        cleaner = Cleaner(self.config, binary=self.binary, jobs=1)
        waiting = collections.deque()

        def documents():
            for doc in data:
                waiting.append(doc)
                yield {"id": str(doc.id), "text": doc.text}

        try:
            for result in cleaner.clean_many(documents()):
                doc = waiting.popleft()
                with self.track_time():
                    if isinstance(result, Dropped):
                        self.stat_update("dropped", f"dropped_{result.reason}")
                        continue
                    if isinstance(result, Failed):
                        self.stat_update("failed", f"failed_{result.error}")
                        if self.keep_failed:
                            yield doc
                        continue
                    doc.text = result.text
                    report = dict(result.winnow)
                    for name in FOUND_FIELDS:
                        value = getattr(result, name)
                        if value is not None:
                            report[name] = value
                    doc.metadata["language"] = result.language
                    doc.metadata["winnow"] = report
                    self.stat_update("kept")
                    self.update_doc_stats(doc)
                yield doc
        finally:
            cleaner.close()
