#!/usr/bin/env python3
"""Build examples/workshop-letter.docx, the Word example, with python-docx.

The letter is kept as code so it can be rebuilt and reviewed in a diff:
headings, bullet and numbered lists, a table and a link, as a participation
officer would write them in Word.

    python scripts/make_example_docx.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

OUTPUT = Path(__file__).resolve().parent.parent / "examples" / "workshop-letter.docx"


def add_link(paragraph: Paragraph, text: str, url: str) -> None:
    """Append a hyperlink run (python-docx has no public call for this)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def build(path: Path = OUTPUT) -> Path:
    """Write the example letter and return its path."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = "Invitation to a co-production workshop"
    properties.author = "Participation Team, Example Council"
    properties.language = "en-GB"
    fixed = dt.datetime(2026, 1, 12, 9, 0, 0)
    properties.created = properties.modified = fixed
    properties.last_modified_by = "Participation Team"
    properties.revision = 1

    document.add_heading("Invitation to a co-production workshop", level=1)
    document.add_paragraph("Dear young person, parent or carer,")
    document.add_paragraph(
        "We are writing to invite you to a co-production workshop about the new short breaks "
        "service for disabled children and young people. The workshop has been organised by "
        "the council in partnership with the Parent Carer Forum, and it will be facilitated by "
        "two members of the youth forum."
    )
    document.add_paragraph(
        "The purpose of the workshop is to design the service together; your experience is "
        "essential in order to make sure that the service meets the needs of families."
    )

    document.add_heading("When and where", level=2)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = "What"
    header[1].text = "Details"
    for what, details in (
        ("Date", "Saturday 14 March 2026"),
        ("Time", "10am to 1pm, with a break for lunch"),
        ("Place", "Community Hall, 12 Station Road"),
    ):
        cells = table.add_row().cells
        cells[0].text = what
        cells[1].text = details

    document.add_heading("What will happen at the workshop", level=2)
    for step in (
        "We will explain how short breaks work at the moment.",
        "You will work in small groups to share what is good and what needs to change.",
        "Each group will present its ideas to everyone.",
        "We will agree the next steps together.",
    ):
        document.add_paragraph(step, style="List Number")

    document.add_heading("Support we can offer", level=2)
    for offer in (
        "Lunch and drinks will be provided, and there is a quiet room if you need a break.",
        "We can reimburse travel expenses, including taxi fares where public transport is not suitable.",
        "A British Sign Language interpreter can be booked if you let us know by 28 February 2026.",
    ):
        document.add_paragraph(offer, style="List Bullet")

    document.add_heading("How to book a place", level=2)
    booking = document.add_paragraph(
        "Places are limited, so please book by 6 March 2026. You can book online at "
    )
    add_link(booking, "www.example.org.uk/workshop", "https://www.example.org.uk/workshop")
    booking.add_run(", by email at participation@example.org.uk or by phoning 01632 960 123.")
    document.add_paragraph(
        "If you are unable to attend but would like to contribute, we would be grateful if you "
        "could complete the short questionnaire which is enclosed with this letter."
    )
    document.add_paragraph("We look forward to seeing you.")
    document.add_paragraph("Yours sincerely,")
    document.add_paragraph("Sam Patel, Participation Officer")

    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
