"""The user's choice: folder sets, overrides, image checks, and paths that stay in their folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

import easyread
from easyread.errors import EasyreadError
from easyread.options import Options, SymbolOptions
from easyread.stages import Context
from easyread.symbols import folder
from easyread.symbols.concepts import key_concept
from easyread.symbols.library import Library

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<rect width="10" height="10" fill="#36c"/></svg>'
)


def png(path: Path, size: tuple[int, int] = (64, 64), colour: str = "red") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "PNG" if path.suffix == ".png" else "JPEG")
    return path


def svg(path: Path, text: str = SVG) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Smaller copies of large pictures go to a folder of the test's own."""
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def pictures(tmp_path: Path) -> Path:
    """A Mulberry-style folder: pictures named by word, a sub-folder, a file that is no picture."""
    root = tmp_path / "our-pictures"
    png(root / "meeting.png")
    svg(root / "bake_,_to.svg")
    png(root / "young_people.jpg")
    png(root / "chair.png")
    png(root / "Amira.jpg")
    svg(root / "places" / "youth_centre_2.svg")
    (root / "README.txt").write_text("not a picture", encoding="utf-8")
    return root


def parse(nlp, library: Library, text: str):  # type: ignore[no-untyped-def]
    return key_concept(nlp(text)[:], library)


# --- folder sets -------------------------------------------------------------------------


def test_a_folder_of_pictures_named_by_word_is_a_set(pictures: Path) -> None:
    symbol_set = folder.load(pictures)
    labels = {entry.label: entry for entry in symbol_set.entries.values()}
    assert set(labels) == {"meeting", "bake", "young people", "chair", "Amira", "youth centre"}
    assert labels["bake"].pos == "VERB", "Mulberry's ', to' marks a verb"
    assert symbol_set.id == "our-pictures" and symbol_set.licence.startswith("not stated")
    assert "places/youth_centre_2.svg" in symbol_set.entries


@pytest.mark.parametrize(
    ("name", "label", "pos"),
    [
        ("bake_,_to.svg", "bake", "VERB"),
        ("young_people.png", "young people", ""),
        ("bus_2a.svg", "bus", ""),
        ("social worker (1).jpg", "social worker", ""),
        ("go_to_school.png", "go to school", ""),
    ],
)
def test_labels_from_file_names(name: str, label: str, pos: str) -> None:
    assert folder.label_from_name(name) == (label, pos)


def test_user_sets_come_before_the_default_set(nlp, pictures: Path) -> None:  # type: ignore[no-untyped-def]
    library = Library.from_options(SymbolOptions(sets=(str(pictures),)))
    symbol = parse(nlp, library, "The meeting starts at 6pm.")
    assert symbol is not None and symbol.set_id == "our-pictures" and symbol.id == "meeting.png"
    assert Path(symbol.path).read_bytes()[:4] == b"\x89PNG"
    verb = parse(nlp, library, "We will bake together.")
    assert verb is not None and verb.id == "bake_,_to.svg"
    assert library.lookup("youth centres").id == "places/youth_centre_2.svg"
    assert [s.id for s in library.sets] == ["our-pictures", "openmoji"]


def test_a_users_picture_named_after_an_ambiguous_word_is_used_only_for_its_everyday_sense(
    nlp,
    pictures: Path,  # type: ignore[no-untyped-def]
) -> None:
    library = Library.from_options(SymbolOptions(sets=(str(pictures),)))
    seat = parse(nlp, library, "The chair by the table is for you.")
    assert seat is not None and seat.id == "chair.png"
    person = parse(nlp, library, "The chair of the forum will welcome everyone.")
    assert person is not None and person.id != "chair.png" and person.set_id == "openmoji"


def test_a_photo_named_after_a_person_is_used_for_that_name(nlp, pictures: Path) -> None:  # type: ignore[no-untyped-def]
    library = Library.from_options(SymbolOptions(sets=(str(pictures),)))
    symbol = parse(nlp, library, "Amira will lead the meeting.")
    assert symbol is not None and symbol.id == "Amira.jpg" and symbol.label == "Amira"


def test_symbols_csv_lists_files_labels_keywords_and_set_toml_names_the_licence(
    nlp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "council-set"
    png(root / "img" / "001.png")
    png(root / "img" / "002.png", colour="blue")
    png(root / "img" / "unlisted.png")
    (root / "symbols.csv").write_text(
        "file,label,keywords,pos,decorative\n"
        "img/001.png,town hall,civic centre;council offices,NOUN,\n"
        "img/002.png,divider,,,yes\n"
        "img/missing.png,ghost,,,\n",
        encoding="utf-8",
    )
    (root / "set.toml").write_text(
        'name = "Our council pictures"\nlicence = "Used with permission"\n'
        'attribution = "Pictures by our staff."\n',
        encoding="utf-8",
    )
    library = Library.from_options(SymbolOptions(sets=(str(root),)))
    user = library.sets[0]
    assert sorted(user.entries) == ["img/001.png", "img/002.png"], (
        "only listed files, only existing ones"
    )
    assert any("missing.png" in problem for problem in library.problems)
    assert user.entries["img/002.png"].decorative
    assert library.lookup("council offices").id == "img/001.png"
    assert (
        user.credit().licence == "Used with permission"
        and user.credit().name == "Our council pictures"
    )


def test_a_folder_that_does_not_exist_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(EasyreadError, match="symbol set folder not found"):
        Library.from_options(SymbolOptions(sets=(str(tmp_path / "nowhere"),)))


def test_set_toml_with_unknown_keys_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "set"
    png(root / "bus.png")
    (root / "set.toml").write_text('name = "x"\ncolour = "red"\n', encoding="utf-8")
    with pytest.raises(EasyreadError, match="unknown key 'colour'"):
        folder.load(root)


# --- pictures: PNG, JPEG and SVG, checked with Pillow ------------------------------------------


def test_png_jpeg_and_svg_all_work_and_large_photos_are_shrunk(
    nlp, tmp_path: Path, cache: Path
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "photos"
    png(root / "bus.png")
    png(root / "train.jpg", size=(2400, 1600), colour="green")
    svg(root / "taxi.svg")
    library = Library.from_options(SymbolOptions(sets=(str(root),)))
    for word, suffix in (("bus", ".png"), ("train", ".jpg"), ("taxi", ".svg")):
        symbol = library.lookup(word)
        assert symbol is not None and symbol.set_id == "photos" and symbol.path.endswith(suffix), (
            word
        )
    big = library.lookup("train")
    assert Path(big.path).parent == cache / "pictures", "a 2400-pixel photo gets a smaller copy"
    with Image.open(big.path) as image:
        assert max(image.size) == 600 and image.format == "JPEG"
    assert library.lookup("bus").path == str((root / "bus.png").resolve()), (
        "small pictures are used as they are"
    )


def test_files_that_are_not_the_picture_they_claim_are_skipped_with_a_reason(
    tmp_path: Path,
) -> None:
    root = tmp_path / "broken"
    root.mkdir()
    (root / "bus.png").write_bytes(b"not a png at all")
    svg(root / "taxi.svg", "<html><body>hello</body></html>")
    svg(
        root / "train.svg", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    )
    library = Library.from_options(SymbolOptions(sets=(str(root),)))
    assert library.lookup("bus").set_id == "openmoji", (
        "the broken picture is skipped, the default set answers"
    )
    assert library.lookup("taxi").set_id == "openmoji"
    assert library.lookup("train").set_id == "openmoji"
    problems = " | ".join(library.problems)
    assert "bus.png: not a readable PNG image" in problems
    assert "taxi.svg: not an SVG image" in problems and "entity" in problems


# --- overrides ---------------------------------------------------------------------------


def test_overrides_choose_an_id_an_image_or_no_picture(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "project"
    png(project / "photos" / "amira.jpg")
    (project / "pictures.csv").write_text(
        "word,symbol,label\n"
        "chair,1F5E3,the chair of the meeting\n"
        "Amira,photos/amira.jpg,Amira\n"
        "minutes,none,\n"
        "giraffe,openmoji:1F993,\n",
        encoding="utf-8",
    )
    library = Library.from_options(SymbolOptions(overrides=(str(project / "pictures.csv"),)))
    chair = library.lookup("chair")
    assert (
        chair is not None
        and chair.id == "1F5E3"
        and chair.label == "the chair of the meeting"
        and chair.score == 1.0
    )
    amira = parse(nlp, library, "Amira will chair the meeting.")
    assert amira is not None and amira.set_id == "overrides" and amira.path.endswith("amira.jpg")
    assert (
        parse(nlp, library, "Send us the minutes.") is None
        or parse(nlp, library, "Send us the minutes.").id != "1F4DD"
    )
    assert library.lookup("giraffe").id == "1F993", "set:id names the set"


def test_a_document_overrides_file_wins_over_the_projects(tmp_path: Path) -> None:
    project = tmp_path / "project.toml"
    project.write_text('bus = "1F68D"\ntaxi = "1F695"\n', encoding="utf-8")
    document = tmp_path / "agenda-pictures.tsv"
    document.write_text("word\tsymbol\nbus\t1F690\n", encoding="utf-8")
    library = Library.from_options(SymbolOptions(overrides=(str(project), str(document))))
    assert library.lookup("bus").id == "1F690" and library.lookup("taxi").id == "1F695"


def test_an_override_naming_an_unknown_symbol_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text("word,symbol\nbus,NOPE\n", encoding="utf-8")
    library = Library.from_options(SymbolOptions(overrides=(str(path),)))
    assert any("no symbol 'NOPE'" in problem for problem in library.problems)
    assert library.lookup("bus").id == "1F68C"


@pytest.mark.parametrize(
    ("content", "message"),
    [("bus,1F68C\n", "header line: word,symbol,label"), ("", None)],
)
def test_overrides_need_a_header(tmp_path: Path, content: str, message: str | None) -> None:
    path = tmp_path / "o.csv"
    path.write_text(content, encoding="utf-8")
    if message:
        with pytest.raises(EasyreadError, match=message):
            Library.from_options(SymbolOptions(overrides=(str(path),)))
    else:
        assert Library.from_options(SymbolOptions(overrides=(str(path),))).overrides == {}


def test_overrides_file_types_and_missing_files_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(EasyreadError, match="overrides file not found"):
        Library.from_options(SymbolOptions(overrides=(str(tmp_path / "none.csv"),)))
    (tmp_path / "o.json").write_text("{}", encoding="utf-8")
    with pytest.raises(EasyreadError, match=r"must be a \.csv, \.tsv or \.toml file"):
        Library.from_options(SymbolOptions(overrides=(str(tmp_path / "o.json"),)))


# --- paths the user's files name must stay inside their folder ----------------------------------


def test_overrides_cannot_reach_outside_their_folder(tmp_path: Path) -> None:
    secret = png(tmp_path / "secret.png")
    inner = tmp_path / "project"
    inner.mkdir()
    os.symlink(secret, inner / "link.png")
    (inner / "o.csv").write_text(
        "word,symbol\n"
        "bus,../secret.png\n"
        f"taxi,{secret}\n"
        "train,link.png\n"
        "tram,photos\\..\\..\\secret.png\n",
        encoding="utf-8",
    )
    library = Library.from_options(SymbolOptions(overrides=(str(inner / "o.csv"),)))
    for word in ("bus", "taxi", "train", "tram"):
        symbol = library.lookup(word)
        assert symbol is None or "secret" not in symbol.path, word
    problems = " | ".join(library.problems)
    assert problems.count("paths must stay inside project/") == 3
    assert "link.png: a link that leads outside project/ is refused" in problems


def test_a_sets_files_cannot_reach_outside_its_folder(tmp_path: Path) -> None:
    outside = png(tmp_path / "private" / "passport.png")
    root = tmp_path / "set"
    png(root / "bus.png")
    os.symlink(outside, root / "taxi.png")
    os.symlink(tmp_path / "private", root / "linked-folder")
    (tmp_path / "csv-set").mkdir()
    (tmp_path / "csv-set" / "symbols.csv").write_text(
        "file,label,keywords\n../private/passport.png,passport,\n/etc/hostname,host,\n",
        encoding="utf-8",
    )
    named = folder.load(root)
    assert sorted(named.entries) == ["bus.png"], (
        "the link to a file outside and the linked folder are refused"
    )
    assert any("taxi.png: a link that leads outside set/" in p for p in named.problems)
    listed = folder.load(tmp_path / "csv-set")
    assert listed.entries == {}
    assert len(listed.problems) == 2 and all(
        "inside csv-set/" in p or "PNG" in p for p in listed.problems
    )


def test_a_symbols_csv_that_is_a_link_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.csv").write_text("file,label\n", encoding="utf-8")
    root = tmp_path / "set"
    root.mkdir()
    os.symlink(tmp_path / "elsewhere.csv", root / "symbols.csv")
    with pytest.raises(EasyreadError, match="leads outside set/"):
        folder.load(root)


# --- from the API, into the outputs ----------------------------------------------------------


def test_the_api_uses_a_folder_set_and_overrides_and_credits_the_set(
    nlp, tmp_path: Path, pictures: Path
) -> None:  # type: ignore[no-untyped-def]
    (pictures / "set.toml").write_text(
        'name = "Our pictures"\nlicence = "CC BY 4.0"\n', encoding="utf-8"
    )
    overrides = tmp_path / "o.toml"
    overrides.write_text('minutes = "none"\n', encoding="utf-8")
    options = Options(
        formats=("html",), symbols=SymbolOptions(sets=(str(pictures),), overrides=(str(overrides),))
    )
    document = easyread.read_string(
        "Agenda\n\nThe meeting starts at 6pm.\n\nThe bus stops here.", name="agenda"
    )
    context = Context(options, nlp=nlp)
    result = easyread.Converter(options)
    result.context = context
    outcome = result.convert(document, tmp_path / "out")
    first, second = [s for s in outcome.document.sentences() if s.symbols][:2]
    assert first.symbols[0].set_id == "our-pictures" and second.symbols[0].set_id == "openmoji"
    names = [c.name for c in outcome.document.credits]
    assert names == ["Our pictures", "OpenMoji"]
    html = outcome.outputs["html"].read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "Our pictures" in html and "CC BY 4.0" in html
