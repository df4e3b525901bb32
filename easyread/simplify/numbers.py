"""Numbers and dates the easy-read way: digits, whole dates, simple times.

- number words to digits: "eight" -> "8", "twenty-five" -> "25" ("one" is
  left alone: it is too often a pronoun, "no one", "one of them");
- "ten (10)" -> "10";
- simple percentages to words: "50%" -> "half", "25 per cent" -> "1 in 4";
- dates written out with the day of the week computed: "3/3/26", "2026-03-03",
  "3rd March 2026" and "March 3, 2026" -> "Tuesday 3 March 2026" (UK order:
  day before month);
- times: "5.15pm" -> "5:15pm", "5:00 pm" -> "5pm", "17:30" -> "5:30pm";
- big numbers: "2,500,000" -> "2.5 million".
"""

from __future__ import annotations

import re
from datetime import date

from .words import Part, Word

RULE = "numbers-dates"

UNITS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAY_FROM = 1900
"""Dates from this year on get their day of the week (earlier ones may be in the old calendar)."""
_MONTH_NUMBER = (
    {m.lower(): i for i, m in enumerate(MONTHS, 1)}
    | {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)}
    | {"sept": 9}
)
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PERCENT_WORDS = {
    "100": "all",
    "50": "half",
    "25": "1 in 4",
    "75": "3 in 4",
    "10": "1 in 10",
    "20": "1 in 5",
    "33": "1 in 3",
    "66": "2 in 3",
    "67": "2 in 3",
    "90": "9 in 10",
    "80": "4 in 5",
    "40": "2 in 5",
    "60": "3 in 5",
    "5": "1 in 20",
}

_MONTH_NAMES = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?<=\b[Oo]n )the\s+)?"
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DAY_MONTH_YEAR = re.compile(
    rf"\b{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b"
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_WEEKDAY}({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
)
_TIME_12 = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])(?:\.\s?m\.|m\b)", re.IGNORECASE)
_TIME_24 = re.compile(
    r"\b(at|from|until|till|to|by|before|after|between|and) ([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?!\s*[ap]\.?m)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\b(\d{1,3})(?:\s*%|\s+per\s*cent\b|\s+percent\b)")
_WORD_AND_DIGITS = re.compile(r"\b([A-Za-z-]+) \((\d+)\)")
_FIRST_FIGURE = r"(?<![\d.,:/-])(?<!\d - )"  # not the middle of "2009 - 02 - 12" or "1.5"
_RANGE = re.compile(
    rf"{_FIRST_FIGURE}(\d[\d,]*(?:\.\d+)?(?:am|pm)?) ?[–—] ?([£$€]?\d[\d,]*(?:\.\d+)?)(?! ?[–—-] ?\d)"
    rf"|{_FIRST_FIGURE}([12]\d{{3}}) ?- ?(\d{{2}}|[12]\d{{3}})(?![\d-]| - ?\d)"
    rf"|{_FIRST_FIGURE}(\d{{1,3}}) - (\d{{1,3}})(?![\d-]| - ?\d)"
)
"""A dash between figures ("11–19", "1985 - 88", "£5–£10") is read "to"; a plain hyphen only
between years or with spaces, so phone numbers and codes keep theirs."""
_BIG = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3}){2,3})(?![\d,]|\.\d)")


def number_words(part: Part) -> None:
    """Number words to digits, on the parse so "one" and "a hundred" stay words."""
    words = part.words
    out: list[Word] = []
    index = 0
    changed = False
    while index < len(words):
        word = words[index]
        lower = word.text.lower()
        if word.tag == "CD" and (lower in UNITS or lower in TENS):
            value = UNITS.get(lower) or TENS[lower]
            ahead = words[index + 1 : index + 3]
            if (
                lower in TENS
                and len(ahead) == 2
                and ahead[0].text == "-"
                and ahead[1].text.lower() in UNITS
            ):
                unit = UNITS[ahead[1].text.lower()]
                if unit < 10:
                    value += unit
                    index += 2
                    word = Word(word.text, ahead[1].space, word.token)
            scale = _scale(words, index)
            if scale is None:  # "two hundred and fifty": left in words rather than half done
                while index < len(words) and words[index].text.lower() in _NUMBER_RUN:
                    out.append(words[index])
                    index += 1
                continue
            if scale > 1:
                value *= scale
                index += 1
                word = Word(word.text, words[index].space, word.token)
            out.append(Word(f"{value:,}", word.space, word.token))
            changed = True
        else:
            out.append(word)
        index += 1
    if changed:
        part.words = out
        part.changed(RULE)


_NUMBER_RUN = frozenset({*UNITS, *TENS, "hundred", "thousand", "and", "-"})


def _scale(words: list[Word], index: int) -> int | None:
    """What "hundred" or "thousand" after the number word at `index` multiplies it by (1: none);
    None when more number words follow, which this rule does not add up."""
    texts = [w.text.lower() for w in words[index + 1 : index + 3]]
    if not texts or texts[0] not in ("hundred", "thousand"):
        return 1
    after = texts[1] if len(texts) > 1 else ""
    if after in ("and", "thousand") or after in UNITS or after in TENS:
        return None
    return 100 if texts[0] == "hundred" else 1000


def _full_date(day: int, month: int, year: int) -> str | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    if year < WEEKDAY_FROM:
        return f"{day} {MONTHS[month - 1]} {year}"
    return f"{_DAYS[when.weekday()]} {day} {MONTHS[month - 1]} {year}"


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _time(hour: int, minute: int, half: str) -> str:
    return f"{hour}{f':{minute:02d}' if minute else ''}{half}"


def rewrite(text: str) -> str:
    """Dates, times, percentages and big numbers in a sentence, easy-read style."""
    text = _WORD_AND_DIGITS.sub(
        lambda m: m[2] if m[1].lower() in UNITS or m[1].lower() in TENS else m[0], text
    )

    def numeric(m: re.Match[str]) -> str:
        return _full_date(int(m[1]), int(m[2]), _year(m[3])) or m[0]

    def iso(m: re.Match[str]) -> str:
        return _full_date(int(m[3]), int(m[2]), int(m[1])) or m[0]

    def day_month(m: re.Match[str]) -> str:
        return _full_date(int(m[1]), _MONTH_NUMBER[m[2].lower()], int(m[3])) or m[0]

    def month_day(m: re.Match[str]) -> str:
        return _full_date(int(m[2]), _MONTH_NUMBER[m[1].lower()], int(m[3])) or m[0]

    text = _NUMERIC_DATE.sub(numeric, text)
    text = _ISO_DATE.sub(iso, text)
    text = _DAY_MONTH_YEAR.sub(day_month, text)
    text = _MONTH_DAY_YEAR.sub(month_day, text)

    def twelve(m: re.Match[str]) -> str:
        hour, minute = int(m[1]), int(m[2] or 0)
        if not 1 <= hour <= 12:
            return m[0]
        return _time(hour, minute, f"{m[3].lower()}m")

    def twenty_four(m: re.Match[str]) -> str:
        hour, minute = int(m[2]), int(m[3])
        if hour == 0 and minute == 0:
            return f"{m[1]} midnight"
        half = "am" if hour < 12 else "pm"
        return f"{m[1]} {_time(hour % 12 or 12, minute, half)}"

    text = _TIME_12.sub(twelve, text)
    text = _TIME_24.sub(twenty_four, text)

    def percent(m: re.Match[str]) -> str:
        return PERCENT_WORDS.get(m[1], m[0])

    text = _PERCENT.sub(percent, text)

    def big(m: re.Match[str]) -> str:
        groups = m[2].count(",")
        name = "million" if groups == 2 else "billion"
        digits = m[1] + m[2].replace(",", "")
        value = int(digits) / (1_000_000 if groups == 2 else 1_000_000_000)
        shown = f"{value:.1f}".rstrip("0").rstrip(".")
        if abs(float(shown) - value) > 1e-9:
            return m[0]  # rounding would change the figure
        return f"{shown} {name}"

    text = _BIG.sub(big, text)

    def span(m: re.Match[str]) -> str:
        start, end = (g for g in m.groups() if g)
        if len(start) == 4 and len(end) == 2:
            end = start[:2] + end  # "1985 - 88": "1985 to 1988"
        return f"{start} to {end}"

    return _RANGE.sub(span, text)
