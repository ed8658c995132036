"""Time expressions: find them in the article and normalize them to TIMEX3 values.

Spans come from spaCy's DATE and TIME entities plus a few phrases the NER misses
("now", "recently", "two days ago"). Each span is resolved against the publication
date: our own rules handle the relative and vague forms news is full of (bare weekdays,
"last week", "the third quarter", "a year ago", "the 1990s"); dateparser handles the
absolute dates that remain. Unresolvable expressions keep their text with value None.

"On Monday" in an article published Tuesday 2025-11-11 -> "2025-11-10" (the past is
preferred); "will meet on Monday" -> "2025-11-17"; "three days" -> "P3D", value None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract import doc_ents
from newsgraph.extract.numbers import CARDINALS
from newsgraph.pipeline import register_extensions

register_extensions()

Resolved = tuple[str | None, str | None, str | None]  # (timex, value, granularity)
UNRESOLVED: Resolved = (None, None, None)

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
NUMBERS = {
    **CARDINALS,
    "a": 1,
    "an": 1,
    "couple": 2,
    "a couple of": 2,
    "a couple": 2,
    "half a": 0.5,
}
# Counts with no number: "several weeks", "recent years", "the weeks" -> PXW, PXY.
VAGUE_NUMBERS = {"several", "few", "a few", "some", "many", "numerous", "recent", "the"}
PAST_BIAS_DAYS = 45  # how much nearer a future date must be to beat a past one
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}  # fmt: skip
# TIMEX3 duration letters; the time units go after "T" (PT2H).
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q",
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}  # fmt: skip
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}  # fmt: skip
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

INTENT_WORDS = {"plan", "schedule", "set", "expect", "due", "hope", "intend", "aim", "prepare", "ready", "likely", "want", "seek", "agree", "decide", "promise", "threaten", "vow", "pledge"}  # fmt: skip
PRESENT_WORDS = {"now", "currently", "at present", "presently", "nowadays", "these days", "at the moment", "right now", "the present", "present", "today's", "this time", "current"}  # fmt: skip
PAST_WORDS = {"recently", "lately", "the past", "previously", "formerly", "in the past", "earlier", "recent", "once", "the recent past", "before"}  # fmt: skip
FUTURE_WORDS = {"the future", "future", "soon", "the near future", "the coming", "later", "eventually", "the near term", "the short term", "the long term", "someday", "in the future"}  # fmt: skip

# Words around a time expression that TimeML leaves outside the span.
LEADING_TRIM = {"both", "about", "around", "approximately", "roughly", "just", "barely", "only", "its", "their", "his", "her", "our", "between", "and", "to", "on", "in", "at", "by", "during", "since", "until", "till", "from", "of", "for", "as", "over", "through", "throughout"}  # fmt: skip
TRAILING_TRIM = {"'s", "’s", "'", ",", "and", "or", "to", ".", ";", ":", "-", "—", "–", "(", ")", '"'}  # fmt: skip
# Phrases the NER tends to miss; only added where no DATE/TIME entity covers them.
# Times the NER misses: "now", "10:30 p.m.", "1400 GMT", "three weeks ago".
_NOW_WORDS = frozenset({"now", "currently", "recently", "nowadays", "presently", "lately"})
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_CLOCK_SUFFIX = frozenset({"utc", "gmt", "a.m.", "p.m.", "am", "pm"})
_UNITS = frozenset({"day", "week", "month", "year", "decade"})
_AGO = frozenset({"ago", "earlier"})
_AGO_COUNT = frozenset(NUMBERS) | {"several", "few"}


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    timex: str | None
    value: str | None
    granularity: str | None
    type: str


# ---------------------------------------------------------------- small date helpers


def _iso(day: date) -> str:
    return day.isoformat()


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _value_of(timex: str | None) -> str | None:
    """The first day of the period a TIMEX3 value names, as YYYY-MM-DD."""
    if not timex:
        return None
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", timex):
        return m.group(0)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", timex):
        return _iso(date.fromisocalendar(int(m[1]), int(m[2]), 1))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", timex):
        return f"{m[1]}-{3 * int(m[2]) - 2:02d}-01"
    if m := re.fullmatch(r"(\d{4})-H([12])", timex):
        return f"{m[1]}-{6 * int(m[2]) - 5:02d}-01"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", timex):
        return f"{m[1]}-{SEASON_MONTH[m[2]]:02d}-01"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", timex):
        return f"{m[1]}-{m[2]}-01"
    if m := re.fullmatch(r"(\d{4})", timex):
        return f"{m[1]}-01-01"
    if m := re.fullmatch(r"(\d{3})", timex):
        return f"{m[1]}0-01-01"
    return None


def _granularity_of(timex: str | None) -> str | None:
    patterns = (
        (r"\d{4}-\d{2}-\d{2}T.*|T.*", "time"),
        (r"\d{4}-\d{2}-\d{2}", "day"),
        (r"\d{4}-W\d{2}(-WE)?", "week"),
        (r"\d{4}-\d{2}", "month"),
        (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"),
        (r"\d{4}", "year"),
        (r"\d{3}", "decade"),
        (r"P[\dTX].*", "duration"),
    )
    for pattern, name in patterns:
        if timex and re.fullmatch(pattern, timex):
            return name
    return None


def _done(timex: str | None, published: date | None = None) -> Resolved:
    if timex is None:
        return UNRESOLVED
    value = published.isoformat() if timex == "PRESENT_REF" and published else _value_of(timex)
    return timex, value, _granularity_of(timex)


# ---------------------------------------------------------------- text normalization


def _clean(text: str) -> str:
    """Lowercase, no abbreviation dots, hyphens as spaces, single spaces."""
    text = text.lower().replace("’", "'").strip()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b(a|p)\.m\.?", r"\1m", text)
    text = re.sub(r"(?<=[a-z])\.(?=\s|,|$)", "", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"'()")
    words = text.split(" ")
    while len(words) > 1 and words[0] in LEADING_TRIM:
        words = words[1:]
    return " ".join(words)


def _number(text: str) -> float | str | None:
    """'twenty four' -> 24, '3' -> 3, 'several' -> 'X'; None when not a number."""
    text = text.strip()
    if text in VAGUE_NUMBERS:
        return "X"
    if re.fullmatch(r"\d+(\.\d+)?", text.replace(",", "")):
        return float(text.replace(",", ""))
    if text in NUMBERS:
        return NUMBERS[text]
    words = text.replace(" and ", " ").split()
    if words and all(w in NUMBERS for w in words):
        return sum(NUMBERS[w] for w in words) if len(words) <= 3 else None
    return None


def _fmt_number(n: float | str) -> str:
    if isinstance(n, str):
        return n
    return str(int(n)) if float(n).is_integer() else str(n)


# ---------------------------------------------------------------- the rules

_NUM = r"(?P<num>[\w,.]+(?: [\w]+){0,2}?)"
_UNIT = r"(?P<unit>second|minute|hour|day|night|week|month|year|decade|centur(?:y|ie)|quarter)s?"
_MODIFIERS = (
    r"(?:about|around|nearly|almost|more than|less than|fewer than|over|under|some|at least|"
    r"at most|up to|roughly|approximately|just|only|another|other|full|whole|entire|"
    r"a period of|a further|an additional|the|past|last|next|previous|first|final|coming|"
    r"following|recent|the past|the last|the next|the first|the previous|the coming|"
    r"the following|more|of)"
)


def _duration(text: str) -> str | None:
    """'three days' -> P3D, 'the past two years' -> P2Y, 'five-year' -> P5Y, 'weeks' -> PXW."""
    bare = re.sub(rf"^(?:{_MODIFIERS} )+", "", text)
    bare = re.sub(r" (?:long|old|or so|and a half)$", "", bare)
    m = re.fullmatch(rf"(?:{_NUM} )?{_UNIT}", bare)
    if not m:
        return None
    if not m["num"] and bare != text and not bare.endswith("s"):
        return None  # "the week", "last year": a period on the calendar, not a length
    unit = "century" if m["unit"].startswith("centur") else m["unit"]
    number = _number(m["num"]) if m["num"] else ("X" if bare.endswith("s") else 1)
    if number is None:
        return None
    if unit == "quarter":
        return f"P{_fmt_number(number * 3) if not isinstance(number, str) else 'X'}M"
    prefix = "PT" if unit in TIME_UNITS else "P"
    return f"{prefix}{_fmt_number(number)}{UNITS[unit]}"


def _shift(published: date, number: float, unit: str) -> str | None:
    """The period `number` units before the publication date, at that unit's granularity."""
    n = int(number)
    if unit in ("day", "night"):
        return _iso(published - timedelta(days=n))
    if unit == "week":
        return _week(published - timedelta(weeks=n))
    if unit == "month":
        return _add_months(published, -n).isoformat()[:7]
    if unit == "year":
        return str(published.year - n)
    if unit == "decade":
        return str(published.year - 10 * n)[:3]
    if unit == "quarter":
        year, q = _quarter(_add_months(published, -3 * n))
        return f"{year}-Q{q}"
    return None


def _ago(text: str, published: date | None) -> str | None:
    m = re.fullmatch(rf"(?:{_MODIFIERS} )*(?:{_NUM} )?{_UNIT} (?:ago|earlier|before|back)", text)
    if not m:
        return None
    number = _number(m["num"]) if m["num"] else 1
    if number is None or isinstance(number, str):
        # "a few years ago": some year of the decade, when the decade is known.
        if m["unit"] == "year" and published and number == "X":
            return str(published.year)[:3] + "X"
        return "PAST_REF"
    return _shift(published, number, m["unit"]) if published else None


_RELATIVE = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
    "coming": 1, "the coming": 1, "the current": 0, "the": 0, "earlier this": 0,
    "later this": 0, "early this": 0, "late this": 0, "the end of this": 0,
    "the end of the": 0, "the end of last": -1, "end of": 0, "the same": 0,
    "the latest": 0, "that": 0, "the past": -1, "the previous": -1, "the next": 1,
    "the following": 1, "the last": -1, "the end of next": 1, "the rest of the": 0,
    "the rest of this": 0, "the beginning of the": 0, "the start of the": 0,
    "the beginning of next": 1, "the middle of the": 0, "the middle of this": 0,
}  # fmt: skip


def _relative_unit(text: str, published: date, tense: str | None) -> str | None:
    """'last week' -> the week before; 'this month' -> the month; 'next year' -> year + 1."""
    keys = "|".join(sorted(map(re.escape, _RELATIVE), key=len, reverse=True))
    m = re.fullmatch(
        rf"(?P<rel>{keys})? ?(?P<fiscal>fiscal )?(?P<unit>week|weekend|month|year|quarter|decade|half)",
        text,
    )
    if not m or (m["rel"] is None and m["unit"] != "weekend"):
        return None
    step = _RELATIVE.get(m["rel"] or "the", 0)
    unit = m["unit"]
    if unit == "weekend":
        # Early in the week, "the weekend" is the one just past.
        if step == 0 and (tense == "past" or (tense != "future" and published.weekday() < 3)):
            step = -1
        return _week(published + timedelta(weeks=step)) + "-WE"
    if unit == "week":
        return _week(published + timedelta(weeks=step))
    if unit == "month":
        return _add_months(published, step).isoformat()[:7]
    if unit == "year":
        return str(published.year + step)
    if unit == "decade":
        return str(published.year + 10 * step)[:3]
    if unit == "half":
        index = published.year * 2 + (published.month - 1) // 6 + step
        return f"{index // 2}-H{index % 2 + 1}"
    if step == 0 and (m["rel"] or "the") in ("the", "the latest", "that") and tense != "future":
        # Early in a quarter, "the quarter" is the one just reported on.
        quarter_start = date(published.year, 3 * _quarter(published)[1] - 2, 1)
        step = -1 if (published - quarter_start).days < 45 else 0
    year, q = _quarter(_add_months(published, 3 * step))
    return f"{year}-Q{q}"


def _year_ago(text: str, published: date) -> str | None:
    """Financial-news idioms: 'year-earlier', 'the year-ago period' -> the previous year."""
    m = re.fullmatch(
        r"(?:the )?(?:comparable |corresponding )?year (?:ago|earlier)(?: (period|quarter|\w+ quarter))?",
        text,
    )
    if not m:
        return None
    if m[1] and "quarter" in m[1]:
        year, q = _quarter(published)
        if ordinal := ORDINALS.get(m[1].split()[0]):
            q = ordinal
        return f"{year - 1}-Q{q}"
    return str(published.year - 1)


def _day_word(text: str, published: date) -> str | None:
    """today / yesterday / tomorrow / tonight, with an optional part of the day."""
    if text in ("the day", "the same day"):
        return _iso(published)  # news: "shares fell 3% on the day"
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}
    m = re.fullmatch(
        r"(today|tonight|yesterday|tomorrow|this|last)(?: (morning|afternoon|evening|night))?", text
    )
    if not m or (m[1] in ("this", "last") and not m[2]):
        return None
    if m[1] == "last" and m[2] != "night":
        return None
    day = _iso(published + timedelta(days=offsets[m[1]]))
    part = PARTS_OF_DAY.get(m[2] or ("tonight" if m[1] == "tonight" else ""), "")
    return f"{day}T{part}" if part else day


def _weekday(text: str, published: date, tense: str | None) -> str | None:
    """'Monday' -> the most recent Monday (today included); future tense looks ahead."""
    names = "|".join(WEEKDAYS)
    m = re.fullmatch(
        rf"(?:(last|next|this|coming|past|previous|on|early|late) )?({names})(?: (morning|afternoon|evening|night))?",
        text,
    )
    if not m:
        return None
    target, rel = WEEKDAYS[m[2]], m[1]
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if rel in ("last", "previous"):
        delta = -(back or 7)
    elif rel in ("next", "coming"):
        delta = ahead or 7
    elif tense == "future" or (rel == "this" and tense != "past"):
        delta = ahead
    else:
        delta = -back
    day = _iso(published + timedelta(days=delta))
    return f"{day}T{PARTS_OF_DAY[m[3]]}" if m[3] else day


def _pick_year(month: int, day: int, published: date, tense: str | None) -> int:
    """The year that puts month/day nearest the publication date, leaning on tense."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, min(day, 28 if month == 2 else day)))
        except ValueError:
            continue
    if tense == "past":
        past = [c for c in candidates if c <= published]
        if past and (published - max(past)).days < 366:
            return max(past).year
    if tense == "future":
        future = [c for c in candidates if c >= published]
        if future and (min(future) - published).days < 366:
            return min(future).year
    # News looks back more than ahead: a past date wins unless the future one is much nearer.
    return min(
        candidates,
        key=lambda c: abs((c - published).days) - (PAST_BIAS_DAYS if c <= published else 0),
    ).year


def _year_of(text: str | None, published: date | None) -> int | None:
    if text is None:
        return None
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if m := re.fullmatch(r"'(\d{2})", text):
        century = (published.year // 100) * 100 if published else 2000
        year = century + int(m[1])
        return year - 100 if published and year > published.year + 10 else year
    if published and text in ("this year", "the year", "the current year"):
        return published.year
    if published and text in ("last year", "the previous year", "the past year"):
        return published.year - 1
    if published and text == "next year":
        return published.year + 1
    return None


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEARISH = r"\d{4}|'\d{2}|this year|last year|next year|the year|the previous year|the current year"


def _month_phrase(text: str, published: date | None, tense: str | None) -> str | None:
    """'May 14, 2009', '14 May', 'early June', 'October 1997', 'last October'."""
    text = re.sub(rf"^(?:{'|'.join(WEEKDAYS)}),? ", "", text)
    text = re.sub(
        r"^(?:early|mid|late|the end of|end of|the beginning of|the middle of|the start of|the first half of|the second half of) ",
        "",
        text,
    )
    m = re.fullmatch(
        rf"(?:(?P<rel>last|next|this|past|previous) )?(?P<month>{_MONTH})(?: (?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?,?(?: (?:of )?(?P<year>{_YEARISH}))?",
        text,
    )
    if not m:
        m = re.fullmatch(
            rf"(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{_MONTH}),?(?: (?P<year>{_YEARISH}))?",
            text,
        )
    if not m:
        return None
    month = MONTHS[m["month"]]
    day = int(m["day"]) if m["day"] else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = _year_of(m["year"], published)
    if year is None and m["year"] is not None:
        return None
    if year is None:
        if published is None:
            return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        rel = m.groupdict().get("rel") or ""
        if rel in ("last", "past", "previous", "next", "this"):
            return _month_relative(rel, month, published) + (f"-{day:02d}" if day else "")
        rel_tense = {"last": "past", "past": "past", "previous": "past", "next": "future"}.get(
            rel, tense
        )
        year = _pick_year(month, day or 1, published, rel_tense)
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")


def _month_relative(rel: str, month: int, published: date) -> str:
    """'last May' is the latest May before this month, 'next May' the first one after it."""
    if rel == "this":
        return f"{published.year}-{month:02d}"
    if rel == "next":
        return f"{published.year + (month <= published.month)}-{month:02d}"
    return f"{published.year - (month >= published.month)}-{month:02d}"


def _season(text: str, published: date | None, tense: str | None) -> str | None:
    m = re.fullmatch(
        rf"(?:(last|next|this|this past|early|late|the|the early|the late) )?(spring|summer|fall|autumn|winter)(?: (?:of )?({_YEARISH}))?",
        text,
    )
    if not m:
        return None
    code, month = SEASONS[m[2]]
    year = _year_of(m[3], published)
    if year is None and published is None:
        return None
    if year is None:
        rel_tense = {"last": "past", "this past": "past", "next": "future"}.get(m[1] or "", tense)
        year = _pick_year(month, 1, published, rel_tense)
        if m[1] == "last" and year == published.year and date(year, month, 1) <= published:
            year = year if (published - date(year, month, 1)).days > 90 else year - 1
    return f"{year}-{code}"


def _quarter_phrase(text: str, published: date | None, tense: str | None) -> str | None:
    """'the third quarter', 'third-quarter', 'the fiscal first quarter of 1990', 'Q3 2024'."""
    text = re.sub(r"\b(fiscal|calendar|latest|year's)\b ?", "", text).strip()
    m = re.fullmatch(
        rf"(?:the )?(?:(?P<y1>\d{{4}}|this year|last year|next year) )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final) (?P<unit>quarter|half)(?: (?:of |in )?(?P<y2>{_YEARISH}))?",
        text,
    )
    if not m:
        m = re.fullmatch(r"(?:the )?q(?P<ord>[1-4])(?: (?P<y2>\d{4}))?(?P<unit>)(?P<y1>)", text)
    if not m:
        return None
    unit = "half" if m["unit"] == "half" else "quarter"
    if m["ord"].isdigit():
        number = int(m["ord"])
    else:
        number = ORDINALS.get(m["ord"], 4 if unit == "quarter" else 2)
    year = _year_of(m["y1"] or m["y2"] or None, published)
    if year is None and published is None:
        return None
    letter = "Q" if unit == "quarter" else "H"
    if year is None:
        size = 3 if unit == "quarter" else 6
        start = date(published.year, size * number - size + 1, 1)
        year = published.year - 1 if start > published and tense == "past" else published.year
    return f"{year}-{letter}{number}"


def _decade(text: str, published: date | None) -> str | None:
    m = re.fullmatch(
        r"(?:the )?(?:(?:early|mid|late) )?(\d{3})0s|(?:the )?(?:(?:early|mid|late) )?'?(\d)0s",
        text,
    )
    if not m:
        return None
    if m[1]:
        return m[1]
    century = str(published.year)[:2] if published else "19"
    decade = century + m[2]
    return (
        decade
        if not published or int(decade + "0") <= published.year
        else str(int(century) - 1) + m[2]
    )


def _clock(text: str, published: date | None) -> str | None:
    """'2 p.m.', '14:30', 'noon' -> T14:00, on the publication date when there is one."""
    m = re.fullmatch(
        r"(?:about |around |at )?(\d{1,2})(?:(:)?(\d{2}))? ?(am|pm)?(?: (local time|gmt|utc|z|[a-z]st|[a-z]dt|et))?(?: (today|yesterday|tomorrow|tonight))?",
        text,
    )
    if m and m[3] and not m[2] and m[5] not in ("gmt", "utc", "z"):
        m = None  # "1998" is a year, "0800 GMT" a time
    if text in ("noon", "midday"):
        hour, minute = 12, 0
    elif text == "midnight":
        hour, minute = 24, 0
    elif m and (m[3] or m[4]):
        hour, minute = int(m[1]) % 12 + (12 if m[4] == "pm" else 0), int(m[3] or 0)
        if not m[4]:
            hour = int(m[1])
        if hour > 24 or minute > 59:
            return None
    else:
        return None
    clock = f"T{hour:02d}:{minute:02d}" + ("Z" if m and m[5] in ("gmt", "utc", "z") else "")
    if not published:
        return clock
    day = published + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m[6] if m else "", 0))
    return _iso(day) + clock


def _ref(text: str) -> str | None:
    if text in PRESENT_WORDS:
        return "PRESENT_REF"
    if text in PAST_WORDS or re.fullmatch(
        r"(?:the )?(?:recent|(?:last|past|previous)(?: few| several| many)?) (?:days|years|decades|months|weeks|times)|(?:years|decades) ago|(?:the )?old days",
        text,
    ):
        return "PAST_REF"
    if text in FUTURE_WORDS or re.fullmatch(
        r"(?:the )?(?:coming|next few|future|upcoming)(?: few| several)? (?:years|decades|months|weeks|days|quarters)|(?:the )?(?:near|distant) future",
        text,
    ):
        return "FUTURE_REF"
    return None


def _year(text: str) -> str | None:
    m = re.fullmatch(
        r"(?:the )?(?:(?:fiscal|calendar|the year|year|model|early|mid|late|the end of|end of) )*(\d{4})(?: (?:year|period|season))?",
        text,
    )
    if m and 1000 <= int(m[1]) <= 2200:
        return m[1]  # TimeML writes "fiscal 1989" as plain 1989
    return None


# ---------------------------------------------------------------- dateparser fallback

_PERIOD_FORMAT = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@lru_cache(maxsize=64)
def _parser(base: date | None, prefer: str) -> DateDataParser:
    settings = {
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, published: date | None, tense: str | None) -> str | None:
    if not re.search(rf"\d|\b(?:{_MONTH}|{'|'.join(WEEKDAYS)})\b", text):
        return None  # only dates with a number or a calendar name; vague phrases stay vague
    if published is None and not re.search(r"\d{4}", text):
        return None  # relative expressions need the publication date
    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    try:
        data = _parser(published, prefer).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data.date_obj is None:
        return None
    if data.period == "week":
        return _week(data.date_obj.date())
    if data.period == "time":
        return data.date_obj.strftime("%Y-%m-%dT%H:%M")
    return data.date_obj.strftime(_PERIOD_FORMAT.get(data.period or "day", "%Y-%m-%d"))


# ---------------------------------------------------------------- resolve


def _absolute_rules(text: str, published: date | None, tense: str | None) -> str | None:
    for rule in (_ref, _year, lambda t: _decade(t, published), lambda t: _clock(t, published),
                 lambda t: _month_phrase(t, published, tense), lambda t: _season(t, published, tense),
                 lambda t: _quarter_phrase(t, published, tense)):  # fmt: skip
        if timex := rule(text):
            return timex
    return None


def _relative_rules(text: str, published: date, tense: str | None) -> str | None:
    for rule in (_day_word, _year_ago):
        if timex := rule(text, published):
            return timex
    for rule3 in (_weekday, _relative_unit):
        if timex := rule3(text, published, tense):
            return timex
    return None


def _day_and_clock(text: str, published: date, tense: str | None) -> str | None:
    """'10 p.m. Wednesday', 'Thursday evening', 'noon Thursday' -> day + T-part."""
    words = text.split(" ")
    for cut in range(1, len(words)):
        for day_part, clock_part in ((words[:cut], words[cut:]), (words[cut:], words[:cut])):
            day_text = re.sub(r"^(?:on|at) ", "", " ".join(day_part))
            clock_text = re.sub(r"^(?:on|at|in the) ", "", " ".join(clock_part))
            day = _weekday(day_text, published, tense) or _day_word(day_text, published)
            day = day or _month_phrase(day_text, published, tense)
            if not day or "T" in day or len(day) != 10:
                continue
            if clock_text in PARTS_OF_DAY:
                return f"{day}T{PARTS_OF_DAY[clock_text]}"
            if (clock := _clock(clock_text, None)) and clock.startswith("T"):
                return day + clock
    return None


def _spoken_year(text: str) -> str:
    """Broadcast transcripts spell years out: 'nineteen ninety-six' -> '1996'."""
    tens = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
    units = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}  # fmt: skip

    def century(match: re.Match) -> str:
        low = tens.get(match[2], 0) + units.get(match[3] or "", 0) if match[2] else 0
        return f"{tens[match[1]]}{low:02d}"

    def millennium(match: re.Match) -> str:
        rest = match[1] or ""
        low = sum(tens.get(w, units.get(w, 0)) for w in rest.split())
        return str(2000 + low)

    tens_words = "|".join(tens)
    text = re.sub(
        rf"\b(nineteen|eighteen|twenty) (?:hundred|({tens_words})(?: ({'|'.join(units)}))?)\b",
        century,
        text,
    )
    return re.sub(
        rf"\btwo thousand(?: and)?((?: (?:{tens_words}|{'|'.join(units)})){{0,2}})\b",
        millennium,
        text,
    )


def _century(text: str) -> str | None:
    ordinals = {"nineteenth": 19, "twentieth": 20, "twenty first": 21, "eighteenth": 18}
    m = re.fullmatch(
        r"(?:the |a )?(?:(?:early|mid|late) )?(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?: first)?) century",
        text,
    )
    if not m:
        return None
    number = int(m[1][:-2]) if m[1][0].isdigit() else ordinals.get(m[1])
    return f"{number - 1:02d}" if number else None


def _rules(clean: str, published: date | None, tense: str | None) -> Resolved | None:
    # "the past three months" is a length of time; "last month" is a date.
    if timex := _ago(clean, published) or _ref(clean):
        return _done(timex, published)
    if timex := _duration(clean):
        return timex, None, "duration"
    if timex := _century(clean) or _absolute_rules(clean, published, tense):
        return _done(timex, published)
    if published is not None and (
        timex := _relative_rules(clean, published, tense) or _day_and_clock(clean, published, tense)
    ):
        return _done(timex, published)
    return None


# Words that shift a time within its period without changing which period it is.
_SOFT_PREFIX = re.compile(
    r"^(?:earlier|later|early|late|mid|just|barely|only|sometime|both)(?: in| on| during| of)?(?: |$)"
)


@lru_cache(maxsize=8192)
def _resolve(text: str, published: date | None, tense: str | None) -> Resolved:
    clean = _spoken_year(_clean(text))
    if not clean:
        return UNRESOLVED
    if found := _rules(clean, published, tense):
        return found
    softened = _SOFT_PREFIX.sub("", clean)
    if softened and softened != clean and (found := _rules(softened, published, tense)):
        return found
    if timex := _dateparser(clean, published, tense):
        return _done(timex, published)
    return UNRESOLVED


def resolve(text: str, published: date | None, tense: str | None = None) -> Resolved:
    """Normalize one time expression: (TIMEX3 value, first ISO day, granularity)."""
    return _resolve(text, published, tense)


# ---------------------------------------------------------------- spans in a doc


def _tense(span: Span) -> str | None:
    """'past', 'present' or 'future' from the verb the expression hangs off."""
    before = span.doc[max(span.start - 3, 0) : span.start].text.lower()
    if re.search(r"\b(?:until|till|as soon as|this coming|starting|beginning)$", before):
        return "future"
    token: Token = span.root
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll", "wo") for a in auxes):
        return "future"
    if token.head.lemma_ == "go" and token.dep_ == "xcomp" and token.head.tag_ == "VBG":
        return "future"
    if token.lemma_ in ("plan", "schedule", "expect", "due") and token.tag_ != "VBD":
        return "future"
    # "is scheduled to close Monday", "planned to leave on Thursday"
    if any(a.tag_ == "TO" for a in auxes) and token.head.lemma_ in INTENT_WORDS:
        return "future"
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) and token.tag_ == "VBN":
        return "past"
    return "present"


_ORDINAL = re.compile(r"(?i)\d+(st|nd|rd|th)|first|second|third|fourth|fifth|final|last")


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    def leading(i: int) -> bool:
        word, after = doc[i].lower_, doc[i + 1].lower_ if i + 1 < end else ""
        if word == "at" and after in ("least", "most"):
            return False
        if word == "the" and (after.rstrip(".") in MONTHS or re.fullmatch(r"\d{4}", after)):
            return True  # TimeML: "the Aug. 7 meeting", "the 1996 budget" keep "the" outside
        article = word in ("a", "an") and (_ORDINAL.fullmatch(after) or after.rstrip(".") in MONTHS)
        return word in LEADING_TRIM or doc[i].is_space or bool(article)

    while start < end and leading(start):
        start += 1
    while end > start and (doc[end - 1].lower_ in TRAILING_TRIM or doc[end - 1].is_space):
        end -= 1
    return start, end


def _candidate_spans(doc: Doc) -> list[Span]:
    spans = [ent for ent in doc_ents(doc) if ent.label_ in ("DATE", "TIME")]
    taken = {i for span in spans for i in range(span.start, span.end)}
    extra = [doc[s:e] for s, e in _extra_times(doc) if not taken & set(range(s, e))]
    for span in sorted(extra, key=len, reverse=True):
        if not taken & set(range(span.start, span.end)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    return _merge_adjacent(sorted(spans, key=lambda s: s.start))


def _extra_times(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of times the NER misses, each optional word giving a second, longer one.

    A plain scan over lowercase forms: a spaCy Matcher with regex predicates did the same
    at several times the cost."""
    strings = doc.vocab.strings
    words = [strings[low] for low in doc.to_array("LOWER").tolist()]  # no Token per word
    last = len(words) - 1
    for i, word in enumerate(words):
        if word in _NOW_WORDS:
            yield i, i + 1
        elif word[:1].isdigit() and _CLOCK.fullmatch(word):
            yield i, i + 1
            if i < last and words[i + 1] in _CLOCK_SUFFIX:
                yield i, i + 2
        elif len(word) == 4 and word.isdigit() and i < last and words[i + 1] in ("utc", "gmt"):
            yield i, i + 2
        elif i < last and words[i + 1] in _AGO and doc[i].lemma_ in _UNITS:
            yield i, i + 2
            if i > 0 and words[i - 1] in _AGO_COUNT:
                yield i - 1, i + 2


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    """'10 p.m.' + 'Wednesday' -> one TIME: the NER cuts clock and day apart."""
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.end == span.start
            and {last.label_, span.label_} == {"DATE", "TIME"}
        ):
            merged[-1] = Span(span.doc, last.start, span.end, label="TIME")
        else:
            merged.append(span)
    return merged


_EXTEND_LEFT = {"this", "last", "next", "past", "coming", "earlier", "later"}
_UNIT_WORDS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_EXTEND_RIGHT = {"morning", "afternoon", "evening", "night"}
_SPLIT_WORDS = {"and", "to", "through", "until", "till", "ended", "ending", "or", "-", "–", "—", ","}  # fmt: skip


def _extend(span: Span, taken: set[int]) -> Span:
    """Pull in the 'this' of 'this year' and the 'evening' of 'Thursday evening'."""
    doc, start, end = span.doc, span.start, span.end
    if start > 0 and doc[start - 1].lower_ in _EXTEND_LEFT and start - 1 not in taken:
        start -= 1
    # "16-hour": the NER often keeps only the unit
    if (
        start > 1
        and doc[start - 1].text == "-"
        and doc[start - 2].like_num
        and span[0].lower_ in _UNIT_WORDS
    ):
        start -= 2
    if end < len(doc) and doc[end].lower_ in _EXTEND_RIGHT and end not in taken:
        end += 1
    return Span(doc, start, end, label=span.label_)


def _is_cut(token: Token) -> bool:
    if token.is_space:
        return "\n" in token.text
    if token.text in ("-", "–", "—"):  # "1994 - 1997" splits, "fiscal-first" does not
        return bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.lower_ in _SPLIT_WORDS


def _split(span: Span, cuts: list[int]) -> list[Span]:
    doc, pieces = span.doc, []
    bounds = [span.start, *cuts, span.end]
    for left, right in zip(bounds, bounds[1:], strict=False):
        start, end = _trim(doc, left + 1 if left in cuts else left, right)
        if start < end:
            pieces.append(Span(doc, start, end, label=span.label_))
    return pieces


def _pieces(span: Span, published: date | None) -> list[Span]:
    """Split 'between 1994 and 1997' or 'the quarter ended Sept. 30' into its timexes.

    A line break always splits (a dateline is not part of the headline); a word or comma
    splits only when every piece is a time expression of its own, and never in
    "May 14, 2009" or "Thursday, April 6".
    """
    lines = [t.i for t in span if t.is_space and "\n" in t.text]
    if lines:
        return [piece for part in _split(span, lines) for piece in _pieces(part, published)]
    cuts = [t.i for t in span if _is_cut(t)]
    if not cuts:
        return [span]
    doc = span.doc
    comma_joins = any(
        doc[c].text == ","
        and (re.fullmatch(r"'?\d{2,4}", doc[c + 1].text) or doc[c - 1].lower_ in WEEKDAYS)
        for c in cuts
        if c + 1 < len(doc)
    )
    pieces = _split(span, cuts)
    if len(pieces) > 1 and not comma_joins and all(resolve(p.text, published)[0] for p in pieces):
        return pieces
    return [span]


def _type(text: str, timex: str | None, label: str) -> str:
    if re.match(r"(?i)(every|each|per|a) |(daily|weekly|monthly|annually|yearly)$", text):
        return "SET"
    if timex and re.match(r"P[\dTX]", timex):
        return "DURATION"
    if timex and "T" in timex and not timex.endswith("_REF"):
        return "TIME"
    return "TIME" if label == "TIME" and not timex else "DATE"


_AGE = re.compile(r"(?i)\d+[ -]years?[ -]old|\d+[ -]year[ -]old")
_TIME_WORD = re.compile(
    rf"(?i)\d|\b(?:{_MONTH}|{'|'.join(WEEKDAYS)}|second|minute|hour|day|week|month|year|decade|"
    r"centur|quarter|spring|summer|autumn|fall|winter|weekend|tonight|today|yesterday|tomorrow)"
)


def _not_a_time(text: str, timex: str | None) -> bool:
    """NER false alarms: ages, stray one- and two-digit numbers, words with no time in them."""
    if _AGE.search(text) or re.fullmatch(r"'?\d{1,2}", text.strip()):
        return True
    return timex is None and not _TIME_WORD.search(text)


def find_times(doc: Doc) -> list[TimeMention]:
    """Every time expression in the doc, resolved against ``doc._.ng_meta['published']``."""
    published = (doc._.ng_meta or {}).get("published")
    if isinstance(published, datetime):
        published = published.date()
    candidates = _candidate_spans(doc)
    taken = {i for span in candidates for i in range(span.start, span.end)}
    mentions = []
    for candidate in candidates:
        for piece in _pieces(candidate, published):
            start, end = _trim(doc, piece.start, piece.end)
            if start >= end:
                continue
            span = _extend(Span(doc, start, end, label=piece.label_), taken)
            if mention := _mention(span, published):
                mentions.append(mention)
    return _anchor_to_quarter(mentions)


# Earnings reports compare a quarter with "the year-ago quarter" or what it was "a year
# earlier": once a quarter is under discussion, those phrases mean that quarter, a year back.
_YEAR_BACK = re.compile(
    r"(?i)(?:the |a )?(?:comparable |corresponding |same )?(?:year[- ](?:ago|earlier)(?: \w+)?(?: quarter| period)?|"
    r"(?:quarter|period) a year (?:ago|earlier)|year[- ](?:ago|earlier)|same period (?:of )?(?:the )?last year|"
    r"(?:corresponding|comparable|same) (?:period|quarter) last year|last year's (?:\w+ )?quarter)"
)


def _anchor_to_quarter(mentions: list[TimeMention]) -> list[TimeMention]:
    quarter: tuple[int, int] | None = None
    for mention in mentions:
        if mention.timex and (m := re.fullmatch(r"(\d{4})-Q([1-4])", mention.timex)):
            if not _YEAR_BACK.fullmatch(mention.text):
                quarter = int(m[1]), int(m[2])
                continue
        if quarter and _YEAR_BACK.fullmatch(mention.text):
            timex = f"{quarter[0] - 1}-Q{quarter[1]}"
            mention.timex, mention.value, mention.granularity = timex, _value_of(timex), "quarter"
            mention.type = "DATE"
    return mentions


def _mention(span: Span, published: date | None) -> TimeMention | None:
    timex, value, granularity = resolve(span.text, published, _tense(span))
    if _not_a_time(span.text, timex):
        return None
    kind = _type(span.text, timex, span.label_ or "DATE")
    return TimeMention(span.start_char, span.end_char, span.text, timex, value, granularity, kind)


@Language.component("newsgraph_time")
def newsgraph_time(doc: Doc) -> Doc:
    doc._.ng_times = find_times(doc)
    return doc
