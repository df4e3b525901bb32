"""Malformed, hostile and unreadable files: each gives one clear line naming the file and the problem.

Every case here is listed in docs/security.md ("Malformed files"). In a batch
the other files are still converted and the exit code is 1.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from fuzzing import assert_clean_error

import easyread
from easyread.cli import main
from easyread.errors import EasyreadError
from easyread.options import Limits

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LETTER = EXAMPLES / "workshop-letter.docx"


def read_error(path: Path, limits: Limits | None = None) -> str:
    """The one-line error reading `path` gives (the test fails if it reads)."""
    started = time.perf_counter()
    with pytest.raises(EasyreadError) as caught:
        easyread.readers.read(path, limits)
    assert time.perf_counter() - started < 10, "refusing must be quick"
    assert_clean_error(caught.value, str(path))
    return caught.value.reason


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def make_zip(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=method)
    return path


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + prolog +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def with_document(tmp_path: Path, name: str, xml: bytes, **extra: bytes) -> Path:
    parts = parts_of(LETTER)
    parts["word/document.xml"] = xml
    parts.update(extra)
    return make_zip(tmp_path / name, parts)


# -- damaged Word documents -------------------------------------------------------------


@pytest.mark.parametrize("keep", [0.0005, 0.1, 0.5, 0.9, 0.999])
def test_truncated_docx(tmp_path: Path, keep: float) -> None:
    data = LETTER.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: max(1, int(len(data) * keep))])
    assert "damaged or cut short" in read_error(path) or "not a valid .docx" in read_error(path)


def test_docx_with_a_damaged_compressed_part(tmp_path: Path) -> None:
    data = bytearray(LETTER.read_bytes())
    with zipfile.ZipFile(LETTER) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + 60):
        data[offset] ^= 0xFF
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    assert "damaged" in read_error(path)


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    path = with_document(tmp_path, "broken.docx", b"<w:document><w:body><w:p>")
    assert "not valid XML" in read_error(path)


def test_docx_without_its_main_part(tmp_path: Path) -> None:
    parts = parts_of(LETTER)
    del parts["word/document.xml"]
    assert "word/document.xml is missing" in read_error(make_zip(tmp_path / "hollow.docx", parts))


def test_docx_with_two_parts_of_one_name(tmp_path: Path) -> None:
    path = tmp_path / "twice.docx"
    shutil.copy(LETTER, path)
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/document.xml", document_xml("<w:p><w:r><w:t>Other</w:t></w:r></w:p>"))
    assert "two parts with one name" in read_error(path)


# -- zip bombs ----------------------------------------------------------------------


def test_docx_that_unpacks_beyond_the_limit_is_refused_before_unpacking(tmp_path: Path) -> None:
    padding = b" " * (120 * 2**20)
    xml = document_xml("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>").replace(b"<w:body>", b"<w:body>" + padding)
    path = with_document(tmp_path, "bomb.docx", xml)
    assert path.stat().st_size < 2**20
    assert "would unpack to" in read_error(path)


def test_docx_part_with_a_bomb_ratio_is_refused(tmp_path: Path) -> None:
    path = with_document(tmp_path, "ratio.docx", document_xml("<w:p/>"),
                         **{"word/media/filler.bin": b"\0" * (20 * 2**20)})
    assert "times larger than it is packed" in read_error(path)


def test_docx_with_too_many_entries_is_refused(tmp_path: Path) -> None:
    parts = parts_of(LETTER)
    parts.update({f"customXml/item{i}.xml": b"" for i in range(6000)})
    assert "holds 60" in read_error(make_zip(tmp_path / "crowd.docx", parts, zipfile.ZIP_STORED))


def test_docx_whose_directory_lies_about_sizes_fails_without_unpacking_the_lie(tmp_path: Path) -> None:
    padding = b" " * (60 * 2**20)
    xml = document_xml("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>").replace(b"<w:body>", b"<w:body>" + padding)
    path = with_document(tmp_path, "liar.docx", xml)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    # Rewrite the declared unpacked size (local header and central directory) to 4 KB.
    struct.pack_into("<I", data, info.header_offset + 22, 4096)
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        name_length = struct.unpack_from("<H", data, entry + 28)[0]
        if bytes(data[entry + 46 : entry + 46 + name_length]) == b"word/document.xml":
            struct.pack_into("<I", data, entry + 24, 4096)
        entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))
    assert "damaged" in read_error(path)


def test_docx_holding_a_zip_bomb_as_an_attachment_still_reads(tmp_path: Path) -> None:
    """An embedded archive is never opened, so a bomb inside one cannot go off."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("zeros.bin", b"\0" * (30 * 2**20))
    path = with_document(tmp_path, "carrier.docx", LETTER_XML(), **{"word/embeddings/data.zip": inner.getvalue()})
    document = easyread.readers.read(path)
    assert document.blocks


def LETTER_XML() -> bytes:  # noqa: N802 (reads like the constant it stands for)
    return parts_of(LETTER)["word/document.xml"]


def test_docx_with_entity_expansion_is_not_expanded(tmp_path: Path) -> None:
    laughs = '<!DOCTYPE w:document [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    ) + "]>"
    xml = document_xml("<w:p><w:r><w:t>Start &j; end</w:t></w:r></w:p>", prolog=laughs)
    path = with_document(tmp_path, "laughs.docx", xml)
    started = time.perf_counter()
    try:
        document = easyread.readers.read(path)
    except EasyreadError as error:
        assert_clean_error(error, str(path))
    else:
        assert "lollollol" not in " ".join(b.text for b in document.blocks)
    assert time.perf_counter() - started < 5


def test_docx_with_an_external_entity_does_not_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    xml = document_xml("<w:p><w:r><w:t>Start &xxe; end</w:t></w:r></w:p>", prolog=prolog)
    path = with_document(tmp_path, "xxe.docx", xml)
    try:
        document = easyread.readers.read(path)
    except EasyreadError as error:
        assert_clean_error(error, str(path))
    else:
        assert "TOP-SECRET" not in str(easyread.model.to_dict(document))


def test_encrypted_word_document_is_explained(tmp_path: Path) -> None:
    # Word saves a password-protected file as an OLE compound file, not a zip.
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "old Word .doc" in read_error(path)


# -- wrong names, encodings and sizes --------------------------------------------------


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("binary.txt", bytes(range(256)) * 8, "binary file"),
        ("random.txt", os.urandom(4096), "binary file"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "a picture (PNG)"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("letter.md", LETTER.read_bytes(), "rename it to end in .docx"),
        ("notes.docx", b"Just some notes.\nNothing more.\n", "not a valid .docx"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "old Word .doc"),
        ("memo.rtf.txt", b"{\\rtf1\\ansi Hello}", "Rich Text"),
        ("slides.pptx", b"PK\x03\x04", "unsupported format .pptx"),
        ("README", b"Hello", "unsupported format (no extension)"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.md", b"  \n\t\r\n ", "the file is empty"),
        ("empty.docx", b"", "the file is empty"),
        ("tags.html", b"<html><body><script>x()</script></body></html>", "no text found"),
    ],
)
def test_wrong_content_for_the_name(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert expected in read_error(path)


def test_web_page_named_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><body><h1>News</h1><p>The bus is late.</p></body></html>")
    document = easyread.read(path)
    assert document.title == "News" and document.blocks[0].text == "The bus is late."
    assert document.diagnostics[0].code == "ER100"


TEXT = "Café menu: £5 – “soup” and crème brûlée. Naïve résumé."


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("cp1252", TEXT.encode("cp1252")),
        ("utf-8", TEXT.encode("utf-8-sig")),
        ("utf-16", TEXT.encode("utf-16")),
        ("utf-16", TEXT.encode("utf-16-le")),
        ("utf-16", TEXT.encode("utf-16-be")),
        ("utf-32", TEXT.encode("utf-32")),
    ],
    ids=["cp1252", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "utf-32-bom"],
)
def test_text_encodings(tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "menu.txt"
    path.write_bytes(data)
    document = easyread.read(path)
    assert TEXT in " ".join([document.title] + [b.text for b in document.blocks])
    assert document.metadata.get("encoding", "utf-8") == encoding
    assert not document.diagnostics


def test_utf8_with_a_stray_byte_keeps_the_good_text(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_bytes("Title\n\nCafé “menu” – soup.".encode() + b" It\x92s hot.")
    document = easyread.read(path)
    assert document.blocks[0].text == "Café “menu” – soup. It\ufffds hot."
    assert [d.code for d in document.diagnostics] == ["ER105"]


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)
    assert "more than the limit of 1 MB (limits.max_input_bytes)" in read_error(path, Limits(max_input_bytes=2**20))


# -- things that are not readable files --------------------------------------------------


def test_folder_given_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "minutes.txt"
    folder.mkdir()
    assert read_error(folder) == "this is a folder, not a file"
    assert read_error(tmp_path) == "this is a folder, not a file"


def test_missing_file_and_dangling_link(tmp_path: Path) -> None:
    assert read_error(tmp_path / "nowhere.txt") == "file not found"
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert read_error(link) == "the link points to a file that does not exist"
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert "link loop" in read_error(loop)


def test_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in read_error(fifo)


def test_device_is_refused(tmp_path: Path) -> None:
    endless = tmp_path / "zero.txt"
    endless.symlink_to("/dev/zero")
    assert "not a regular file" in read_error(endless)


UNREADABLE_SCRIPT = """
import os, sys
from easyread.errors import EasyreadError
from easyread.readers import read
os.setgroups([])
os.setgid(65534)
os.setuid(65534)  # from here on this process is the unprivileged user "nobody"
try:
    read(sys.argv[1])
except EasyreadError as error:
    print(error)
else:
    print("READ")
"""


def test_file_without_read_permission(request: pytest.FixtureRequest) -> None:
    """chmod 000 stops everyone but root; as root the check runs as an unprivileged user.

    Root reads any file, so a test run as root starts a child process that
    loads easyread and then gives up root for the ``nobody`` user before
    reading: the same code meets a real permission error from the kernel.
    """
    folder = Path(tempfile.mkdtemp(prefix="easyread-"))  # in /tmp, which every user can reach
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    folder.chmod(0o755)
    path = folder / "private.txt"
    path.write_text("Title\n\nSecret family details.")
    path.chmod(0o000)
    if os.geteuid() != 0:
        assert read_error(path) == "cannot read file: permission denied"
        return
    result = subprocess.run(
        [sys.executable, "-c", UNREADABLE_SCRIPT, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"{path}: cannot read file: permission denied"


# -- a batch carries on ---------------------------------------------------------------


def test_batch_converts_the_good_files_and_reports_each_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.md"
    good.write_text("# Bus times\n\nThe bus comes at 2pm.\n")
    bad = {
        "cut.docx": LETTER.read_bytes()[:2000],
        "binary.txt": bytes(range(256)) * 4,
        "empty.txt": b"",
        "report.txt": b"%PDF-1.7\n",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    other = tmp_path / "other.txt"
    other.write_text("Notes\n\nWe meet on Tuesday.\n")
    names = [str(good), *(str(tmp_path / n) for n in bad), str(folder), str(tmp_path / "missing.txt"), str(other)]
    out = tmp_path / "out"
    code = main(["convert", *names, "-o", str(out), "--format", "html"])
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["good.html", "other.html"]
    assert len(errors) == len(bad) + 2
    for line in errors:
        assert line.startswith(f"easyread: error: {tmp_path}"), line
        assert "internal error" not in line
