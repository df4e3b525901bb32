"""Shared fixtures: one spaCy pipeline for the whole test session, and example paths."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from easyread import nlp as nlp_loader
from easyread.options import Options
from easyread.stages import Context

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline, loaded once for every test that needs it."""
    return nlp_loader.load()


@pytest.fixture
def context(nlp) -> Context:  # type: ignore[no-untyped-def]
    """A fresh pipeline context sharing the session's spaCy pipeline."""
    return Context(Options(), nlp=nlp)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_weasyprint_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail any test during which WeasyPrint logs a warning or an error.

    WeasyPrint still writes a PDF when an image is missing or alt text is
    absent; it only logs. Tests that expect refusals (security tests) opt out
    with ``@pytest.mark.weasyprint_warnings``.
    """
    collector = _Collector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        yield
    finally:
        logger.removeHandler(collector)
    if collector.records and request.node.get_closest_marker("weasyprint_warnings") is None:
        messages = "; ".join(r.getMessage()[:200] for r in collector.records[:5])
        pytest.fail(f"WeasyPrint logged {len(collector.records)} warning(s): {messages}")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files in tests/golden/ from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))
