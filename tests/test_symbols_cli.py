"""``easyread symbols match|search|sets`` and the symbol options of ``easyread convert``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from easyread import nlp as nlp_loader
from easyread.cli import main


@pytest.fixture(autouse=True)
def shared_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    """The CLI loads the pipeline by name; hand it the session's instead of loading another."""
    nlp_loader.use(nlp)


def lines(output: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_match_prints_one_json_object_per_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "symbols",
                "match",
                "bus",
                "the minutes of the meeting",
                "20 minutes",
                "Sam Patel",
                "qwxz",
            ]
        )
        == 0
    )
    bus, minutes, duration, name, nothing = lines(capsys.readouterr().out)
    assert list(bus) == ["query", "id", "label", "set", "path", "score"]
    assert bus["query"] == "bus" and bus["id"] == "1F68C" and bus["set"] == "openmoji"
    assert bus["path"].endswith("1F68C.svg") and Path(bus["path"]).is_file() and bus["score"] == 1.0
    assert minutes["id"] == "1F4DD" and duration["id"] == "23F1"
    assert name["id"] == "1F9D1" and name["label"] == "a person"
    assert nothing == {
        "query": "qwxz",
        "id": None,
        "label": None,
        "set": None,
        "path": None,
        "score": 0.0,
    }


def test_match_reads_standard_input_when_given_no_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("chair of the forum\n\nsit on a chair by the table\n")
    )
    assert main(["symbols", "match"]) == 0
    person, seat = lines(capsys.readouterr().out)
    assert person["id"] == "1F9D1-200D-1F3EB" and seat["id"] == "1FA91"


def test_search_lists_candidates_with_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["symbols", "search", "chair"]) == 0
    out = capsys.readouterr().out
    assert "1FA91" in out and "1F9D1-200D-1F3EB" in out and "the person who leads a meeting" in out
    assert "not used: the vocabulary knows this word" in out and "threshold: 0.60" in out
    assert main(["symbols", "search", "giraffe", "--json"]) == 0
    (giraffe, *_) = lines(capsys.readouterr().out)
    assert giraffe["id"] == "1F992" and giraffe["score"] == 0.7 and giraffe["how"] == "cldr-name"


def test_sets_lists_the_active_sets_in_priority_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my-pictures"
    folder.mkdir()
    Image.new("RGB", (32, 32), "red").save(folder / "bus.png")
    assert main(["symbols", "sets", "--symbols", str(folder), "--json"]) == 0
    mine, openmoji = lines(capsys.readouterr().out)
    assert mine["set"] == "my-pictures" and mine["pictures"] == 1
    assert (
        openmoji["set"] == "openmoji"
        and openmoji["pictures"] == 4495
        and openmoji["licence"] == "CC BY-SA 4.0"
    )
    assert main(["symbols", "sets"]) == 0
    out = capsys.readouterr().out
    assert "OpenMoji" in out and "4495" in out and "vocabulary:" in out


def test_match_with_overrides_and_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = tmp_path / "o.csv"
    overrides.write_text("word,symbol\nbus,1F68D\n", encoding="utf-8")
    assert main(["symbols", "match", "bus", "--symbol-overrides", str(overrides)]) == 0
    assert lines(capsys.readouterr().out)[0]["id"] == "1F68D"
    assert main(["symbols", "match", "bus", "--symbols", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and err.count("\n") == 1


def test_convert_with_a_folder_set_overrides_and_inline_pictures(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    Image.new("RGB", (40, 40), "blue").save(folder / "meeting.png")
    overrides = tmp_path / "o.toml"
    overrides.write_text('bus = "1F68D"\n', encoding="utf-8")
    source = tmp_path / "notes.txt"
    source.write_text("Notes\n\nThe meeting is on Monday.\n\nThe bus is late.\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(
        [
            "convert",
            str(source),
            "-o",
            str(out),
            "--format",
            "html",
            "--symbols",
            str(folder),
            "--symbol-overrides",
            str(overrides),
            "--inline-symbols",
        ]
    )
    assert code == 0
    html = (out / "notes.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html, "the user's meeting picture"
    assert 'alt="bus"' in html and "photos" in html, (
        "the override's picture, the set in the colophon"
    )
