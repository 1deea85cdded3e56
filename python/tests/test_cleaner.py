import json
import os
import stat
import sys
import textwrap

import pytest
import winnow

ARTICLE = (
    "The river rose overnight after three days of rain, and by morning the lower streets "
    "of the town stood under a foot of water. Volunteers filled sandbags at the school."
)


def test_clean_text_gives_a_record_with_language_and_segments():
    record = winnow.clean(ARTICLE + "\nShare on Facebook\n")
    assert isinstance(record, winnow.Record)
    assert record.text == ARTICLE
    assert record.language == "en"
    assert record.segments[0]["start"] == 0 and record.segments[-1]["end"] == len(record.text)
    assert record.winnow["removed"]["social"] == 1


def test_clean_bytes_in_a_legacy_charset_is_detected():
    text = "Москва — столица России, крупнейший по численности населения город страны. " * 3
    record = winnow.clean(text.encode("windows-1251"), id="ru-page")
    assert record.id == "ru-page"
    assert record.winnow["encoding"] == "windows-1251"
    assert record.text == text.strip()


def test_empty_document_is_dropped_not_an_error():
    result = winnow.clean("   \n\n")
    assert isinstance(result, winnow.Dropped) and result.reason == "empty"


def test_unreadable_document_raises_with_its_error_record():
    with pytest.raises(winnow.DocumentError) as caught:
        winnow.clean(bytes(range(256)) * 64)
    assert caught.value.failure.error == "binary"


def test_clean_many_streams_ten_thousand_documents_in_order_with_every_field():
    documents = (
        {"id": f"doc-{n}-é中", "text": f"{ARTICLE} Number {n}.", "n": n, "big": 10**30}
        for n in range(10_000)
    )
    count = 0
    for n, record in enumerate(winnow.Cleaner().clean_many(documents)):
        assert isinstance(record, winnow.Record)
        assert record.id == f"doc-{n}-é中"
        assert record.fields["n"] == n and record.fields["big"] == 10**30
        assert record.text.endswith(f"Number {n}.")
        count += 1
    assert count == 10_000


def test_clean_many_pairs_drops_and_failures_with_their_inputs():
    documents = [
        {"id": "a", "text": ARTICLE},
        {"id": "b", "text": ""},
        {"id": "c", "text": 5},
        "A plain string document that is long enough to stay as the text of its page.",
    ]
    results = list(winnow.Cleaner().clean_many(documents))
    assert [type(r) for r in results] == [
        winnow.Record,
        winnow.Dropped,
        winnow.Failed,
        winnow.Record,
    ]
    assert results[1].id == "b" and results[1].reason == "empty"
    assert results[2].id == "c" and results[2].error == "missing-text"


def test_clean_many_with_another_text_field():
    results = list(winnow.Cleaner().clean_many([{"body": ARTICLE}], text_field="body"))
    assert results[0].text == ARTICLE and results[0].fields["body"] == ARTICLE


def test_config_dict_is_laid_over_the_default():
    cleaner = winnow.Cleaner({"boilerplate": {"enabled": False}})
    record = cleaner.clean(ARTICLE + "\nShare on Facebook\n")
    assert record.text == ARTICLE + "\nShare on Facebook"
    cleaner.close()


def test_reader_comments_are_a_field_beside_the_text():
    comment = (
        "I walked past the school this morning and the water was already going down, "
        "but the basements on our street are still flooded."
    )
    page = f"{ARTICLE}\nComments\nAnna Berg\n{comment}\nReply\n"
    record = winnow.clean(page)
    assert record.text == ARTICLE
    assert record.comments == [comment]
    assert winnow.clean(ARTICLE).comments is None
    cleaner = winnow.Cleaner({"boilerplate": {"comments": "keep"}})
    kept = cleaner.clean(page)
    cleaner.close()
    assert kept.text == ARTICLE + "\n" + comment and kept.comments is None


def test_bad_config_raises_and_names_the_key():
    with pytest.raises(winnow.WinnowError) as caught:
        winnow.Cleaner({"boilerplate": {"enabeld": False}})
    assert "enabeld" in str(caught.value) and "enabled" in str(caught.value)


def test_a_killed_child_raises_with_its_stderr(tmp_path):
    # A stand-in binary that answers one document and is then killed.
    fake = tmp_path / "winnow"
    fake.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import os, signal, sys
            sys.stdin.readline()
            print('{{"id":"x","text":"t","language":"en","winnow":{{}}}}', flush=True)
            sys.stderr.write("dying on purpose\\n"); sys.stderr.flush()
            os.kill(os.getpid(), signal.SIGKILL)
            """
        )
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    cleaner = winnow.Cleaner(binary=str(fake))
    results = []
    with pytest.raises(winnow.WinnowError) as caught:
        for result in cleaner.clean_many({"text": ARTICLE} for _ in range(1000)):
            results.append(result)
    assert len(results) == 1
    assert "status -9" in str(caught.value) and "dying on purpose" in str(caught.value)


def test_stopping_early_ends_the_process():
    stream = winnow.Cleaner().clean_many({"text": ARTICLE} for _ in range(100_000))
    assert isinstance(next(stream), winnow.Record)
    stream.close()  # must not hang or leave the child running


def test_langid_gives_one_code_per_line():
    lines = ["This is an English sentence.", "", "Ceci est une phrase française.", "a\nb"]
    assert winnow.langid(lines)[:3] == ["en", "und", "fr"]
    assert len(winnow.langid(lines)) == 4


def test_binary_not_found_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("WINNOW_BINARY", "/nonexistent/winnow")
    with pytest.raises(winnow.BinaryNotFound):
        winnow.Cleaner()


def test_records_serialize_back_to_json():
    record = winnow.clean(ARTICLE)
    assert json.loads(json.dumps(record.fields))["text"] == ARTICLE
    assert os.path.basename(winnow.find_binary()) == "winnow"


def test_each_record_comes_while_the_caller_still_holds_the_next_document():
    # An interactive caller: it sends a document only after it got the previous record.
    import queue
    import threading

    inbox = queue.Queue()

    def documents():
        for n in range(3):
            yield {"id": f"i{n}", "text": f"{ARTICLE} Part {n}."}
            inbox.get(timeout=20)  # wait for the record before sending the next one

    stream = winnow.Cleaner().clean_many(documents())
    for n in range(3):
        result = next(stream)
        assert result.id == f"i{n}"
        inbox.put(True)
    assert list(stream) == []
    assert threading.active_count() < 20


def test_a_failing_iterable_raises_its_own_error_on_the_callers_thread():
    def documents():
        yield {"text": ARTICLE}
        raise ValueError("the source broke")

    with pytest.raises(ValueError, match="the source broke"):
        list(winnow.Cleaner().clean_many(documents()))


def test_an_endless_iterable_is_read_only_as_far_as_winnow_needs():
    pulled = 0

    def documents():
        nonlocal pulled
        while True:
            pulled += 1
            yield {"text": ARTICLE}

    stream = winnow.Cleaner().clean_many(documents())
    for _ in range(10):
        next(stream)
    stream.close()
    # Back-pressure: the hand-over and the pipes hold a bounded number, not the stream.
    assert pulled < 20_000
