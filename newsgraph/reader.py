"""Reading inputs into `Article` objects: files, folders, feeds and URLs.

One input (a path or an ``http(s)://`` URL) gives one or more articles:

=================== ==========================================================
input               articles
=================== ==========================================================
``.txt``            the whole file; UTF-8, else detected (Latin-1/cp1252 …)
``.html``/``.htm``  the main text, title, date and site name (trafilatura)
``.json``           an object or a list of objects with ``text`` (+ metadata)
``.jsonl``          one object per line
``.csv``            one row each; column names set by `CsvColumns`
``.rss``/``.atom``  one per feed entry (``.xml`` is sniffed for a feed)
``http(s)://…``     fetched with httpx, then read by its content type
=================== ==========================================================

Metadata fields are ``text``, ``title``, ``published``, ``outlet`` and ``url``;
`Overrides` (the CLI's ``--published``/``--outlet``/…) win over the file's own.

Every problem is an `InputError` whose message is one line, ``"<input>: <reason>"``:
missing file, unknown extension, empty text, binary file, a file over `MAX_BYTES`,
malformed HTML/JSON/CSV/feed, a bad date, or a text that is not English.

The English check is deliberately cheap (no model): among the words of a text of at
least `MIN_WORDS_FOR_LANGUAGE` words, at least `MIN_ENGLISH_SHARE` must be common
English function words. Running English prose scores around 0.4–0.5; French, German or
Spanish score under 0.1, because their function words differ.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from newsgraph.model import Article

MAX_BYTES = 20 * 1024 * 1024  # bigger inputs are refused: no real article is 20 MB
FETCH_TIMEOUT = 20.0  # seconds, for each URL
MIN_WORDS_FOR_LANGUAGE = 20  # shorter texts are too noisy to judge
MIN_ENGLISH_SHARE = 0.2

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".json", ".jsonl", ".csv"}

# Our own list of frequent English function words, used only by the language check.
ENGLISH_WORDS = frozenset(
    """
    the of and to a in that is was he for it with as his on be at by i this had not are
    but from or have an they which one you were her all she there would their we him been
    has when who will more no if out so said what up its about into than them can only
    other new some could time these two may then do first any my now such like our over
    man me even most made after also did many before must through back years where much
    your way well down should because each just those people how too little state good
    very make world still own see men work long get here between both life being under
    never day same another know while last might us great old year off come since against
    go came right used take three says told
    """.split()
)


class InputError(ValueError):
    """An input cannot be read; the message is one line, ``"<input>: <reason>"``."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{source}: {reason}")


@dataclass
class Overrides:
    """Metadata given on the command line; each set field wins over the file's own."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class CsvColumns:
    """Which CSV columns hold each field (the CLI's ``--text-column`` and friends)."""

    text: str = "text"
    title: str = "title"
    published: str = "published"
    outlet: str = "outlet"
    url: str = "url"


# --------------------------------------------------------------------------- walking


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def iter_inputs(paths: Iterable[str], recursive: bool = True) -> Iterator[str]:
    """Expand folders into their readable files (sorted); keep files and URLs as given.

    Inside a folder, hidden files and files with an unknown extension are skipped, so a
    README next to the articles is not an error; a file named explicitly is always kept
    (and `read_path` says why it cannot be read).
    """
    for raw in paths:
        path = Path(raw)
        if is_url(raw) or not path.is_dir():
            yield raw
            continue
        found = path.rglob("*") if recursive else path.iterdir()
        for child in sorted(found):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.is_file() and not hidden and child.suffix.lower() in KNOWN_SUFFIXES:
                yield str(child)


# --------------------------------------------------------------------------- reading


def read_path(
    path: str | Path,
    overrides: Overrides | None = None,
    csv_columns: CsvColumns | None = None,
) -> list[Article]:
    """Read one input into its articles; raise InputError for the first problem."""
    items = read_items(path, overrides, csv_columns)
    for item in items:
        if isinstance(item, InputError):
            raise item
    return items  # type: ignore[return-value]


def read_items(
    path: str | Path,
    overrides: Overrides | None = None,
    csv_columns: CsvColumns | None = None,
) -> list[Article | InputError]:
    """Read one input; a bad record in a multi-record file becomes an InputError item.

    A problem with the whole input (missing, binary, malformed…) still raises, so a
    caller that stores what it can uses this and reports each error item.
    """
    source = str(path)
    overrides = overrides or Overrides()
    columns = csv_columns or CsvColumns()
    if is_url(source):
        records, kind = _fetch(source)
    else:
        records, kind = _read_file(Path(path), columns)
    many = len(records) > 1 or kind in {"feed", "list"}
    items: list[Article | InputError] = []
    for index, record in enumerate(records, start=1):
        label = f"{source}#{index}" if many else source
        try:
            items.append(_article(record, overrides, label))
        except InputError as error:
            if not many:
                raise
            items.append(error)
    return items


Record = dict[str, Any]


def _read_file(path: Path, columns: CsvColumns) -> tuple[list[Record], str]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if path.is_dir():
        raise InputError(path, "is a folder (pass it to iter_inputs first)")
    if suffix not in KNOWN_SUFFIXES:
        known = ", ".join(sorted(KNOWN_SUFFIXES))
        raise InputError(path, f"unknown file type {suffix or '(none)'!r}; expected one of {known}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            path, f"file is {size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB"
        )
    return parse_bytes(path.read_bytes(), suffix, str(path), columns)


def parse_bytes(
    data: bytes, suffix: str, source: str, columns: CsvColumns | None = None
) -> tuple[list[Record], str]:
    """Parse raw input by its type; return the records and a kind label."""
    if not data.strip():
        raise InputError(source, "empty file")
    if suffix in HTML_SUFFIXES:
        return [_parse_html(decode(data, source), source)], "html"
    if suffix in FEED_SUFFIXES:
        return _parse_feed(data, source), "feed"
    text = decode(data, source)
    if suffix == ".json":
        return _parse_json(text, source)
    if suffix == ".jsonl":
        return _parse_jsonl(text, source), "list"
    if suffix == ".csv":
        return _parse_csv(text, source, columns or CsvColumns()), "list"
    return [{"text": text}], "text"


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8, else by detection; refuse binary data.

    Legacy Western encodings are common in news archives: when detection is unsure,
    cp1252 (a superset of Latin-1's printable range) is the best guess.
    """
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text):
            return text
    raise InputError(source, "binary or undecodable file, not text")


def _mostly_printable(text: str) -> bool:
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return printable >= 0.95 * max(len(text), 1)


# ----------------------------------------------------------------------------- formats


def _parse_html(html: str, source: str) -> Record:
    if not re.search(r"<\s*(html|body|p|div|article|h1|title)\b", html, re.IGNORECASE):
        raise InputError(source, "malformed HTML: no HTML tags found")
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # noqa: BLE001 - trafilatura raises many lxml types
        raise InputError(source, f"malformed HTML: {_one_line(error)}") from error
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, "malformed HTML: no article text found")
    return {
        "text": doc.text,
        "title": doc.title,
        "published": doc.date,
        "outlet": doc.sitename,
        "url": doc.url,
    }


def _parse_json(text: str, source: str) -> tuple[list[Record], str]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"malformed JSON: {error.msg} at line {error.lineno}") from error
    if isinstance(value, dict):
        return [value], "object"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return value, "list"
    raise InputError(source, "malformed JSON: expected an object or a list of objects")


def _parse_jsonl(text: str, source: str) -> list[Record]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(source, f"malformed JSON on line {number}: {error.msg}") from error
        if not isinstance(value, dict):
            raise InputError(source, f"malformed JSON on line {number}: expected an object")
        records.append(value)
    return records


def _parse_csv(text: str, source: str, columns: CsvColumns) -> list[Record]:
    csv.field_size_limit(MAX_BYTES)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        if columns.text not in header:
            found = ", ".join(header) or "none"
            raise InputError(
                source, f"no {columns.text!r} column (found: {found}); name it with --text-column"
            )
        rows = list(reader)
    except csv.Error as error:
        raise InputError(source, f"malformed CSV: {error}") from error
    fields = {
        "text": columns.text,
        "title": columns.title,
        "published": columns.published,
        "outlet": columns.outlet,
        "url": columns.url,
    }
    return [{key: row.get(column) for key, column in fields.items()} for row in rows]


def _parse_feed(data: bytes, source: str) -> list[Record]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(source, f"malformed XML feed: {_one_line(error)}") from error
    name = etree.QName(root).localname.lower()
    if name == "rss" or name == "rdf":
        records = _rss_entries(root)
    elif name == "feed":
        records = _atom_entries(root)
    else:
        raise InputError(source, f"not an RSS or Atom feed (root element <{name}>)")
    if not records:
        raise InputError(source, "feed has no entries")
    return records


def _child(node: Any, *names: str) -> Any:
    """The first child whose local name is one of `names`, in that order of preference."""
    for name in names:
        for child in node:
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == name:
                return child
    return None


def _text_of(node: Any) -> str | None:
    if node is None or not (node.text or "").strip():
        return None
    return _strip_tags(node.text)


def _strip_tags(markup: str) -> str:
    """Feed bodies are often HTML-escaped; keep their text only."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html

    try:
        return lxml.html.fromstring(markup).text_content().strip()
    except Exception:  # noqa: BLE001 - unparseable markup: keep it as text
        return markup.strip()


def _rss_entries(root: Any) -> list[Record]:
    channel = _child(root, "channel")
    outlet = _text_of(_child(channel, "title")) if channel is not None else None
    items = [
        n for n in root.iter() if isinstance(n.tag, str) and n.tag.rsplit("}", 1)[-1] == "item"
    ]
    return [
        {
            "title": _text_of(_child(item, "title")),
            "text": _join(
                _text_of(_child(item, "title")), _text_of(_child(item, "encoded", "description"))
            ),
            "published": _text_of(_child(item, "pubDate", "date")),
            "url": _text_of(_child(item, "link")),
            "outlet": outlet,
        }
        for item in items
    ]


def _atom_entries(root: Any) -> list[Record]:
    outlet = _text_of(_child(root, "title"))
    records = []
    for entry in (n for n in root if isinstance(n.tag, str) and n.tag.endswith("entry")):
        link = _child(entry, "link")
        title = _text_of(_child(entry, "title"))
        records.append(
            {
                "title": title,
                "text": _join(title, _text_of(_child(entry, "content", "summary"))),
                "published": _text_of(_child(entry, "published", "updated")),
                "url": link.get("href") if link is not None else None,
                "outlet": outlet,
            }
        )
    return records


def _join(title: str | None, body: str | None) -> str:
    """An entry's text is its title then its body, as a reader sees them."""
    return "\n\n".join(part for part in (title, body) if part)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


# ------------------------------------------------------------------------------- URLs


def _fetch(url: str) -> tuple[list[Record], str]:
    import httpx

    try:
        with httpx.Client(follow_redirects=True, timeout=FETCH_TIMEOUT) as client:
            with client.stream("GET", url, headers={"User-Agent": "newsgraph"}) as response:
                if response.status_code >= 400:
                    raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                data = _read_capped(response, url)
                final_url = str(response.url)
                content_type = response.headers.get("content-type", "").lower()
    except httpx.HTTPError as error:
        raise InputError(url, f"could not fetch: {_one_line(error)}") from error
    records, kind = parse_bytes(data, _suffix_for(content_type, data), url)
    if kind in {"html", "text"}:
        for record in records:
            record["url"] = final_url
    return records, kind


def _read_capped(response: Any, url: str) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BYTES:
        raise InputError(
            url, f"response is {int(declared) / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB"
        )
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise InputError(url, f"response is over the {MAX_BYTES // 2**20} MB limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _suffix_for(content_type: str, data: bytes) -> str:
    if "json" in content_type:
        return ".json"
    if any(kind in content_type for kind in ("rss", "atom", "xml")):
        return ".xml"
    if "text/plain" in content_type:
        return ".txt"
    if "csv" in content_type:
        return ".csv"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<?xml") and (b"<rss" in data[:2048] or b"<feed" in data[:2048]):
        return ".xml"
    return ".html"


# ---------------------------------------------------------------------------- records


def _article(record: Record, overrides: Overrides, source: str) -> Article:
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(source, "'text' is not a string")
    if not text or not text.strip():
        raise InputError(source, "empty text")
    check_english(text, source)
    fields = {key: _clean(record.get(key)) for key in ("title", "outlet", "url", "published")}
    for key in fields:
        if getattr(overrides, key) is not None:
            fields[key] = getattr(overrides, key)
    published = fields.pop("published")
    return Article(text=text, published=normalize_date(published, source), **fields)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def normalize_date(value: str | None, source: str = "date") -> str | None:
    """A date as YYYY-MM-DD: ISO, RFC 822 (feeds) or a full date in words; else InputError."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    parsed = _iso_or_rfc822(value)
    # A published date names its year; relative words ("yesterday") are not metadata.
    if parsed is None and re.search(r"\d{4}", value):
        import dateparser

        # Strict: day, month and year must all be present; "soon" or "xyz" are not dates.
        found = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
        parsed = found.date() if found else None
    if parsed is None:
        raise InputError(source, f"bad date {value!r}; use YYYY-MM-DD")
    return parsed.isoformat()


def _iso_or_rfc822(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def english_share(text: str) -> float:
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())
    return sum(word in ENGLISH_WORDS for word in words) / max(len(words), 1)


def check_english(text: str, source: str) -> None:
    """Refuse a text that is clearly not English (see the module docstring)."""
    words = len(text.split())
    if words < MIN_WORDS_FOR_LANGUAGE:
        return
    share = english_share(text)
    if share < MIN_ENGLISH_SHARE:
        raise InputError(
            source,
            f"text does not look English ({share:.0%} common English words, need "
            f"{MIN_ENGLISH_SHARE:.0%}); only English is supported",
        )
