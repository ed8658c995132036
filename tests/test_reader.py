"""Reading inputs: every format gives Articles, every bad input one clear reason."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import reader
from newsgraph.reader import CsvColumns, InputError, Overrides, iter_inputs, read_items, read_path

STORY = (
    "The foreign minister of Norland said on Tuesday that the government would send "
    "food and medicine to the flooded northern provinces, and that the army was ready "
    "to help with the evacuation of the villages along the river."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- formats


def test_text_file_is_one_article_in_english(tmp_path: Path) -> None:
    [article] = read_path(write(tmp_path, "a.txt", STORY))
    assert article.text == STORY
    assert article.language == "en"
    assert len(article.id) == 16


def test_overrides_win_over_file_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"text": STORY, "outlet": "Old Gazette"}))
    [article] = read_path(path, Overrides(published="March 5, 2024", outlet="New Herald"))
    assert (article.outlet, article.published) == ("New Herald", "2024-03-05")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = STORY + " The café owner in Zürich said the naïve plan was “déjà vu”."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    [article] = read_path(write(tmp_path, "legacy.txt", text.encode(encoding)))
    assert "café" in article.text and "Zürich" in article.text


def test_html_gives_text_title_date_and_outlet(tmp_path: Path) -> None:
    html = f"""<html><head><title>Aid for the north</title>
    <meta property="og:site_name" content="Example Daily">
    <meta name="date" content="2024-03-05"></head>
    <body><nav>Home | World</nav><article><h1>Aid for the north</h1><p>{STORY}</p></article>
    </body></html>"""
    [article] = read_path(write(tmp_path, "a.html", html))
    assert "flooded northern provinces" in article.text
    assert (article.title, article.published, article.outlet) == (
        "Aid for the north", "2024-03-05", "Example Daily")


def test_json_list_and_jsonl_give_one_article_per_object(tmp_path: Path) -> None:
    objects = [{"text": STORY, "url": "https://example.org/1"},
               {"text": STORY + " More later.", "published": "2024-01-02"}]
    from_list = read_path(write(tmp_path, "a.json", json.dumps(objects)))
    lines = "\n".join(json.dumps(o) for o in objects) + "\n\n"
    from_lines = read_path(write(tmp_path, "b.jsonl", lines))
    assert [a.id for a in from_list] == [a.id for a in from_lines]
    assert from_list[0].url == "https://example.org/1"
    assert from_list[1].published == "2024-01-02"


def test_csv_columns_are_configurable(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", f'body,headline,day\n"{STORY}",Floods,2024-02-01\n')
    [article] = read_path(path, csv_columns=CsvColumns(text="body", title="headline",
                                                       published="day"))
    assert (article.title, article.published) == ("Floods", "2024-02-01")
    with pytest.raises(InputError, match="no 'text' column.*--text-column"):
        read_path(path)


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Norland Wire</title>
<item><title>Floods in the north</title><link>https://wire.example/1</link>
<description>&lt;p&gt;The army was sent to the north.&lt;/p&gt;</description>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Talks in the capital</title><link>https://wire.example/2</link>
<description>The two ministers met to discuss trade.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Ceasefire holds</title><link href="https://atom.example/a"/>
<updated>2024-04-01T08:00:00Z</updated><summary>Both sides kept the truce.</summary></entry>
</feed>"""


def test_rss_feed_gives_one_article_per_item(tmp_path: Path) -> None:
    first, second = read_path(write(tmp_path, "wire.rss", RSS))
    assert first.text == "Floods in the north\n\nThe army was sent to the north."
    assert (first.outlet, first.url, first.published) == (
        "Norland Wire", "https://wire.example/1", "2024-03-05")
    assert second.published is None


def test_xml_file_is_sniffed_as_atom(tmp_path: Path) -> None:
    [entry] = read_path(write(tmp_path, "desk.xml", ATOM))
    assert (entry.title, entry.outlet, entry.published) == (
        "Ceasefire holds", "Atom Desk", "2024-04-01")


# ------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "  \n", "empty file"),
        ("blob.txt", b"\x89PNG\x00\x00\x01binary", "binary file"),
        ("page.html", "just some words, no markup at all", "malformed HTML"),
        ("bad.json", '{"text": "unterminated', "malformed JSON"),
        ("notes.pdf", "whatever", "unknown file type '.pdf'"),
        ("date.json", json.dumps({"text": STORY, "published": "someday soon"}), "bad date"),
        ("french.txt", "Le gouvernement a annoncé mardi qu'il enverrait une aide humanitaire "
         "dans la région touchée par les inondations, selon le ministre de la santé et les "
         "responsables locaux.", "does not look English"),
        ("broken.rss", "<rss><channel><item>", "malformed XML feed"),
    ],
)
def test_bad_inputs_get_one_line_reason(tmp_path: Path, name: str, content: str | bytes,
                                        reason: str) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as caught:
        read_path(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message
    assert "\n" not in message


def test_missing_and_oversized_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    monkeypatch.setattr(reader, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="the limit is"):
        read_path(write(tmp_path, "big.txt", STORY))


def test_bad_override_date_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="bad date 'yesterday'"):
        read_path(write(tmp_path, "a.txt", STORY), Overrides(published="yesterday"))


def test_one_bad_record_does_not_spoil_its_file(tmp_path: Path) -> None:
    path = write(tmp_path, "mixed.jsonl", "\n".join(
        json.dumps(o) for o in [{"text": STORY}, {"text": ""}, {"text": STORY, "url": "u"}]))
    items = read_items(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert str(items[1]) == f"{path}#2: empty text"
    with pytest.raises(InputError, match="#2: empty text"):
        read_path(path)


def test_folders_expand_sorted_and_skip_unknown_and_hidden_files(tmp_path: Path) -> None:
    for name in ["b.txt", "sub/a.html", "README.md", ".hidden/c.txt", "sub/d.json"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = list(iter_inputs([str(tmp_path), "https://example.org/x", "missing.txt"]))
    names = [str(Path(p).relative_to(tmp_path)) for p in found[:3]]
    assert names == ["b.txt", "sub/a.html", "sub/d.json"]
    assert found[3:] == ["https://example.org/x", "missing.txt"]


# -------------------------------------------------------------------------------- URLs


@pytest.fixture
def server() -> Iterator[str]:
    pages = {
        "/story": ("text/html; charset=utf-8",
                   f"<html><head><title>Relief</title></head><body><article><p>{STORY}</p>"
                   "</article></body></html>".encode()),
        "/feed": ("application/rss+xml", RSS.encode()),
        "/big": ("text/plain", b"word " * 400),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/story")
                self.end_headers()
                return
            if self.path not in pages:
                self.send_error(404)
                return
            kind, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_fetched_following_redirects(server: str) -> None:
    [article] = read_path(f"{server}/moved")
    assert "flooded northern provinces" in article.text
    assert article.url == f"{server}/story"
    assert len(read_path(f"{server}/feed")) == 2


def test_url_errors_are_one_line(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="HTTP 404"):
        read_path(f"{server}/gone")
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match="limit"):
        read_path(f"{server}/big")
