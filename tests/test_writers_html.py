"""The HTML page as markup: what each part of the plan becomes, self-contained or with
an assets folder, and the choice of template (by name or the user's own folder).
"""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from writers_support import line, long_document, options, rich_document, symbol

import easyread
from easyread.cli import main
from easyread.errors import UsageError
from easyread.model import Sentence, Symbol
from easyread.resources import templates_dir
from easyread.writers import html


def soup_of(document=None, template: str = "document", **layout: object) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    page = html.render(document or rich_document(), options(template, **layout))
    return BeautifulSoup(page, "html.parser")


def test_landmarks_headings_language_and_title() -> None:
    soup = soup_of()
    assert soup.html["lang"] == "en-GB"
    assert soup.title.string == "Our <b>bus</b> & you"  # text, never markup
    assert soup.find("header") and soup.find("main") and soup.find("footer")
    levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    assert all(img.has_attr("alt") for img in soup.find_all("img"))


def test_cover_has_title_picture_about_line_and_written_date() -> None:
    cover = soup_of().find("header", class_="cover")
    assert cover.h1.get_text() == "Our <b>bus</b> & you"
    assert cover.find("img", alt="bus")
    assert "This is an easy read version of the document called" in cover.get_text()
    assert cover.time["datetime"] == "2026-03-01"
    assert cover.time.get_text() == "Sunday 1 March 2026"


def test_rows_put_the_picture_before_the_words() -> None:
    rows = soup_of().select("main .row")
    assert len(rows) > 10
    for row in rows:
        children = [c for c in row.children if getattr(c, "name", None)]
        assert [c["class"][0] for c in children] == ["picture", "words"]


def test_marked_words_are_bold_and_hard_words_explained_once() -> None:
    soup = soup_of()
    sentence = soup.find(string=lambda s: s and "will talk about the" in s).parent
    assert [s.get_text() for s in sentence.find_all("strong")] == ["forum", "charter"]
    explanations = soup.select("main .explain")
    assert [e.get_text(" ", strip=True) for e in explanations] == ["charter means a list of promises"]
    hard = soup.find("section", class_="hard-words")
    assert hard.h2.get_text(strip=True) == "Hard words"
    assert "consultation means (an editor needs to explain this word)" in hard.get_text(" ", strip=True)


def test_inline_mode_puts_small_decorative_pictures_above_words() -> None:
    soup = soup_of()
    words = soup.select(".ws-word")
    assert [w.get_text() for w in words] == ["bus", "2pm"]
    assert all(w.img["alt"] == "" for w in words)
    text = words[0].find_parent("p")
    assert text.get_text() == "The bus comes at 2pm."
    printed = BeautifulSoup(html.render(rich_document(), options(), embed=False), "html.parser")
    assert not printed.select(".ws-word img")  # the PDF gets a background, never an <img alt="">
    assert len(printed.select(".ws-word .ws-picture[style]")) == 2


def test_decorative_row_pictures() -> None:
    screen = soup_of()
    assert screen.find("img", alt="", class_="picture-img")
    printed = BeautifulSoup(html.render(rich_document(), options(), embed=False), "html.parser")
    assert not printed.find("img", alt="")
    assert printed.select(".picture .decorative[style]")


def test_contacts_close_the_document() -> None:
    section = soup_of().find("section", class_="contact")
    assert section.h2.get_text(strip=True) == "Who to contact"
    text = section.get_text(" ", strip=True)
    assert "You can contact Sam Patel" in text and "Phone: 01632 960 123" in text
    assert {a["href"] for a in section.find_all("a")} == {
        "mailto:sam@example.org", "tel:01632960123", "https://www.example.org"
    }
    assert soup_of().find("main").find_all("section")[-1]["class"] == ["contact"]


def test_page_is_self_contained_with_a_strict_content_security_policy() -> None:
    page = html.render(rich_document(), options())
    soup = BeautifulSoup(page, "html.parser")
    for tag, attribute in (("img", "src"), ("link", "href"), ("script", "src")):
        for element in soup.find_all(tag):
            assert not element.has_attr(attribute) or element[attribute].startswith("data:")
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    script = soup.find("script").string
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert "font/ttf;base64" in soup.style.string


def test_print_version_has_no_script_and_no_policy() -> None:
    page = html.render(rich_document(), options(), embed=False)
    assert "<script" not in page and "Content-Security-Policy" not in page


def test_assets_folder_option(tmp_path: Path) -> None:
    opts = options()
    opts.layout.html_assets = True
    written = easyread.write(rich_document(), tmp_path, ("html",), opts)
    folder = tmp_path / "rich-files"
    names = {p.name for p in folder.iterdir()}
    assert {"easyread.css", "read-aloud.js", "AtkinsonHyperlegible-Regular.ttf", "1F68C.svg"} <= names
    page = written["html"].read_text(encoding="utf-8")
    assert "data:" not in page
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("link", rel="stylesheet")["href"] == "rich-files/easyread.css"
    assert all((tmp_path / img["src"]).is_file() for img in soup.find_all("img"))
    assert 'url("AtkinsonHyperlegible-Regular.ttf")' in (folder / "easyread.css").read_text()


def test_contents_list_for_long_documents_only() -> None:
    long = soup_of(long_document())
    nav = long.find("nav", class_="contents")
    assert nav is not None and nav.h2.get_text() == "What is in this document"
    targets = [a["href"][1:] for a in nav.find_all("a")]
    assert targets and all(long.find(id=t) for t in targets)
    assert soup_of().find("nav") is None


def test_meeting_template_shows_number_time_and_who() -> None:
    soup = soup_of(template="meeting")
    item = soup.find("div", class_="agenda-item")
    assert item.find("span", class_="item-number").get_text() == "1"
    assert item.h2.get_text(" ", strip=True) == "1 Welcome"
    details = [d.get_text(" ", strip=True) for d in item.select(".detail .text")]
    assert details == ["Time: 5pm", "Who: Amira"]
    assert "Time: 5pm." not in item.get_text()  # the line is not repeated as a row


def test_letter_template_keeps_greeting_and_sign_off() -> None:
    soup = soup_of(template="letter")
    assert soup.find("header", class_="letterhead")
    assert soup.select_one(".greeting .text").get_text() == "Dear young person,"
    assert soup.find("div", class_="sign-off").get_text(" ", strip=True) == "Yours sincerely, Sam Patel"
    assert "the letter called" in soup.find("p", class_="about").get_text()


@pytest.mark.parametrize("template", ["document", "meeting", "letter"])
def test_template_choice_on_the_command_line(template: str, tmp_path: Path) -> None:
    source = tmp_path / "agenda.md"
    source.write_text("# Forum\n\n## 1. Welcome\n\nTime: 5pm. Led by: Amira.\n\nWe say hello.\n", encoding="utf-8")
    code = main(["convert", str(source), "-o", str(tmp_path / "out"), "-f", "html", "--template", template])
    assert code == 0
    page = (tmp_path / "out" / "agenda.html").read_text(encoding="utf-8")
    assert f'class="template-{template}"' in page
    assert ('class="item-number"' in page) == (template == "meeting")


def test_unknown_template_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Hello there.", encoding="utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path), "-f", "html", "--template", "poster"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "unknown template 'poster'" in error and "meeting" in error
    with pytest.raises(UsageError):
        html.render(rich_document(), options("poster"))


def test_users_own_template_folder(tmp_path: Path) -> None:
    mine = tmp_path / "our-council"
    shutil.copytree(templates_dir() / "meeting", mine)
    page = (mine / "page.html.j2").read_text(encoding="utf-8")
    (mine / "page.html.j2").write_text(page.replace("{% block content %}", "{% block content %}<p>Our council</p>"))
    (mine / "easyread.css.j2").write_text(
        (templates_dir() / "common" / "easyread.css.j2").read_text(encoding="utf-8") + "\nh1 { color: #000000; }\n"
    )
    soup = soup_of(template=str(mine))
    assert soup.find("p", string="Our council")
    assert soup.find("div", class_="agenda-item")  # the kind file says it is a meeting
    assert "h1 { color: #000000; }" in soup.style.string
    missing = tmp_path / "empty"
    missing.mkdir()
    with pytest.raises(UsageError, match="page.html.j2 is missing"):
        soup_of(template=str(missing))


def test_nothing_from_the_text_becomes_markup() -> None:
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)> "quotes" & more'
    document = rich_document()
    document.blocks[3].sentences = [Sentence(evil, symbols=[Symbol("x", "s", '"><script>', str(symbol("1F68C", "x").path))])]
    page = html.render(document, options())
    soup = BeautifulSoup(page, "html.parser")
    assert len(soup.find_all("script")) == 1
    assert not soup.find_all(attrs={"onerror": True})
    assert evil in soup.get_text()


def test_font_size_and_page_size_reach_the_css() -> None:
    css = soup_of(font_size=20, page_size="A5").style.string
    assert "font-size: 20pt" in css and "size: A5 portrait" in css


def test_sentence_html_ignores_bad_offsets() -> None:
    resources = html.Resources(lambda p: p, False)
    sentence = line("Go home.", marks=[])
    sentence.marks = [easyread.model.Mark(3, 99), easyread.model.Mark(0, 2)]
    assert str(html.sentence_html(sentence, resources)) == '<strong class="key">Go</strong> home.'


def test_a_missing_picture_file_is_left_out(tmp_path: Path) -> None:
    document = rich_document()
    document.blocks[3].sentences[0].symbols = [Symbol("gone", "mine", "gone", str(tmp_path / "gone.png"))]
    soup = BeautifulSoup(html.render(document, options()), "html.parser")
    assert not soup.find("img", alt="gone")


def test_template_copy_command_makes_a_working_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "list"]) == 0
    assert "meeting" in capsys.readouterr().out
    mine = tmp_path / "mine"
    assert main(["template", "copy", "letter", str(mine)]) == 0
    assert {"page.html.j2", "base.html.j2", "rows.html.j2", "easyread.css.j2", "read-aloud.js", "kind"} <= {
        p.name for p in mine.iterdir()
    }
    assert soup_of(template=str(mine)).find("header", class_="letterhead")
    assert main(["template", "copy", "letter", str(mine)]) == 2  # never overwrites
    assert main(["template", "copy", "poster", str(tmp_path / "x")]) == 2


@pytest.mark.parametrize(("where", "box", "listed"), [("both", True, True), ("page", True, False), ("list", False, True)])
def test_where_hard_words_are_explained(where: str, box: bool, listed: bool) -> None:
    soup = soup_of(hard_words=where)
    assert bool(soup.select("main .explain")) is box
    assert bool(soup.find("section", class_="hard-words")) is listed


def test_picture_size_option(tmp_path: Path) -> None:
    soup = soup_of(picture_size=4.0)
    assert ".picture .picture-img { display: block; width: 4.0cm; height: 4.0cm; }" in soup.style.string
    assert soup.select_one(".picture img")["width"] == "151"
    written = easyread.write(rich_document(), tmp_path, ("docx",), options(picture_size=4.0))
    import docx

    shapes = docx.Document(str(written["docx"])).inline_shapes
    assert any(round(shape.width.cm, 1) == 4.0 for shape in shapes)
    for wrong in ({"picture_size": 2.0}, {"hard_words": "nowhere"}):
        with pytest.raises(UsageError):
            options(**wrong)


def test_a_sentence_that_explains_its_hard_word_gets_no_box() -> None:
    from easyread.model import Block, BlockKind, Document, HardWord, Mark, Sentence
    from easyread.writers.plan import _explanations

    own = Sentence("Co-production means we plan things together.", marks=[Mark(0, 13, "hard")])
    later = Sentence("We believe in co-production.", marks=[Mark(14, 27, "hard")])
    other = Sentence("The charter matters.", marks=[Mark(4, 11, "hard")])
    document = Document(
        title="t",
        blocks=[Block(BlockKind.PARAGRAPH, "x", sentences=[own, later, other])],
        hard_words=[HardWord("co-production", "When people work together."), HardWord("charter", "A list of promises.")],
    )
    assert _explanations(document) == {id(other): [("charter", "a list of promises.")]}


def test_explanations_read_on_after_means() -> None:
    from easyread.writers.plan import means

    assert means("A group that meets to talk about things.") == "a group that meets to talk about things."
    assert means("When people work together as equals.") == "when people work together as equals."
    assert means("Ofsted checks schools.") == "Ofsted checks schools."
    assert means("NHS stands for National Health Service.") == "NHS stands for National Health Service."
