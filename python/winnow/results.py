"""What cleaning one document gives: a Record, a Dropped document, or a Failed one."""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


@dataclass
class Record:
    """A kept document: the record `winnow clean` writes, as fields and as the whole dict
    (`fields`, which also holds every field of the input object, exactly as given)."""

    id: str
    text: str
    language: str
    title: Optional[str] = None
    byline: Optional[str] = None
    date: Optional[str] = None
    segments: List[Dict[str, Any]] = field(default_factory=list)
    # The reader comments under the article, one string per comment, when the page has some
    # (config `boilerplate.comments: field`, the default); they are not part of `text`.
    comments: Optional[List[str]] = None
    winnow: Dict[str, Any] = field(default_factory=dict)
    fields: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, obj):
        get = obj.get  # positional, bound once: this runs for every record of a stream
        return cls(
            get("id", ""),
            get("text", ""),
            get("language", "und"),
            get("title"),
            get("byline"),
            get("date"),
            get("segments") or [],
            get("comments"),
            get("winnow") or {},
            obj,
        )


@dataclass
class Dropped:
    """A document with nothing left to keep: `reason` is `empty` or `rule` (a user rule with
    action drop-document)."""

    id: str
    source: str
    reason: str


@dataclass
class Failed:
    """A document winnow could not read: `error` is the code of the error record
    (`invalid-json`, `binary`, `too-large`, ...), `message` says why."""

    id: Optional[str]
    source: str
    error: str
    message: str
    line: Optional[int] = None


def result_from_json(obj):
    """The result an output line of `winnow clean --errors inline --drops inline` stands for.
    Only records carry `winnow` (an input's own `error` or `dropped` field stays a field)."""
    if "winnow" in obj:
        return Record.from_json(obj)
    if "dropped" in obj:
        return Dropped(id=obj.get("id", ""), source=obj.get("source", ""), reason=obj["dropped"])
    return Failed(
        id=obj.get("id"),
        source=obj.get("source", ""),
        error=obj.get("error", "unknown"),
        message=obj.get("message", ""),
        line=obj.get("line"),
    )
