"""End-to-end smoke test: a small document goes through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import easyread
from easyread.stages import Context


def test_convert_string_document(tmp_path: Path, context: Context) -> None:
    document = easyread.read_string(
        "Bus times\n\nThe bus leaves at 2pm; it stops at the school.", name="bus"
    )
    result = easyread.Converter(context.options)
    result.context = context
    outcome = result.convert(document, tmp_path)
    assert outcome.outputs["html"].read_text(encoding="utf-8").count('class="row"') >= 2
    assert outcome.outputs["pdf"].read_bytes().startswith(b"%PDF-")
    texts = [s.text for s in outcome.document.sentences()]
    assert "The bus leaves at 2pm." in texts
