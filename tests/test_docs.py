"""The reference docs stay complete as options and diagnostics are added."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from easyread.options import Options

DOCS = Path(__file__).resolve().parent.parent / "docs"
PACKAGE = Path(__file__).resolve().parent.parent / "easyread"


def _fields(cls: type, prefix: str = "") -> list[str]:
    names = []
    for item in dataclasses.fields(cls):
        if dataclasses.is_dataclass(item.type) or item.name in ("simplify", "symbols", "layout", "limits"):
            sub = type(getattr(Options(), item.name))
            names += _fields(sub, f"{item.name}.")
        else:
            names.append(prefix + item.name)
    return names


def test_every_option_is_in_the_options_reference() -> None:
    text = (DOCS / "options.md").read_text(encoding="utf-8")
    sections: dict[str, str] = {}
    current = ""
    for line in text.split("```toml", 1)[1].split("```", 1)[0].splitlines():
        if line.startswith("["):
            current = line.strip("[]") + "."
        elif "=" in line:
            key = line.lstrip("# ").split("=")[0].strip()
            sections[current + key] = line
    missing = [name for name in _fields(Options) if name not in sections]
    assert not missing, f"options missing from docs/options.md: {missing}"


def test_every_diagnostic_code_is_documented() -> None:
    documented = set(re.findall(r"\| (ER\d{3}) \|", (DOCS / "diagnostics.md").read_text(encoding="utf-8")))
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"\bER\d{3}\b", path.read_text(encoding="utf-8")))
    used.discard("ER201")  # the example code in the model's docstring
    assert used <= documented, f"undocumented diagnostic codes: {sorted(used - documented)}"


def test_the_documented_defaults_are_the_real_defaults() -> None:
    import tomllib

    text = (DOCS / "options.md").read_text(encoding="utf-8")
    documented = Options.from_dict(tomllib.loads(text.split("```toml", 1)[1].split("```", 1)[0]))
    assert documented == Options(language_model="")
