import json

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from winnow.datatrove import WinnowCleaner  # noqa: E402

ARTICLE = (
    "The council voted on Tuesday to keep the old library open for another ten years, "
    "after a campaign by readers who filled the hall at every meeting since the spring."
)


def test_jsonl_reader_winnow_jsonl_writer(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    documents = [
        {"id": "kept", "text": ARTICLE + "\nShare on Twitter\nCookie settings"},
        {"id": "empty", "text": "  "},
        {
            "id": "zh",
            "text": "北京时间昨天晚上，国家统计局发布了最新的经济数据，显示工业生产继续稳定增长。",
        },
    ]
    with open(source / "part.jsonl", "w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")
    output = tmp_path / "out"
    step = WinnowCleaner()
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source)),
            step,
            JsonlWriter(str(output), output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    written = [json.loads(line) for line in open(output / "00000.jsonl", encoding="utf-8")]
    assert [d["id"] for d in written] == ["kept", "zh"]
    assert written[0]["text"] == ARTICLE
    assert written[0]["metadata"]["language"] == "en"
    assert written[0]["metadata"]["winnow"]["removed"]["social"] == 1
    assert written[1]["metadata"]["language"] == "zh"
    stats = json.load(open(tmp_path / "logs" / "stats.json"))
    winnow_stats = next(s for s in stats if "Winnow" in s["name"])
    assert winnow_stats["stats"]["dropped"] == 1
