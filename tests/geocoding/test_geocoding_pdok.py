"""PdokGeocoder against a fake urlopen and a local HTTP server on 127.0.0.1, never the real host."""

import contextlib
import io
import json
import threading
import time
import urllib.error
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from naober.geocoding import (
    PDOK_FREE_URL,
    Geocoder,
    PdokGeocoder,
    parse_pdok_response,
    parse_point,
)

# Shaped like a real Locatieserver v3.1 answer (trimmed): one address document.
RECORDED = {
    "response": {
        "numFound": 1,
        "start": 0,
        "maxScore": 14.2,
        "numFoundExact": True,
        "docs": [
            {
                "type": "adres",
                "weergavenaam": "Hoofdstraat 1, 7901JV Hoogeveen",
                "id": "adr-0123456789abcdef",
                "centroide_ll": "POINT(6.47651 52.72247)",
                "centroide_rd": "POINT(234567.123 528765.456)",
                "score": 14.2,
            }
        ],
    }
}
EMPTY = {"response": {"numFound": 0, "start": 0, "maxScore": 0.0, "docs": []}}


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def fake_urlopen(body, seen=None):
    def urlopen(request, timeout):
        if seen is not None:
            seen.append((request.full_url, timeout))
        if isinstance(body, BaseException):
            raise body
        return FakeResponse(body if isinstance(body, bytes) else json.dumps(body).encode())

    return urlopen


def test_parses_centroide_rd_and_builds_the_free_url():
    seen = []
    geocoder = PdokGeocoder(urlopen=fake_urlopen(RECORDED, seen), timeout=2.5)
    assert geocoder.geocode("Hoofdstraat 1, Hoogeveen") == (234567.123, 528765.456)
    url, timeout = seen[0]
    assert url.startswith(PDOK_FREE_URL + "?")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query) == {
        "q": ["Hoofdstraat 1, Hoogeveen"],
        "rows": ["1"],
    }
    assert timeout == 2.5
    assert isinstance(geocoder, Geocoder)


@pytest.mark.parametrize(
    "body",
    [
        EMPTY,
        b"{not json",
        b"\xff\xfe",
        {"response": {"docs": [{"weergavenaam": "no centroid"}]}},
        {"response": {"docs": [{"centroide_rd": "POINT(nan nan)"}]}},
        [],
        urllib.error.URLError("no route to host"),
        TimeoutError("timed out"),
        urllib.error.HTTPError(PDOK_FREE_URL, 503, "busy", {}, None),
    ],
)
def test_no_result_and_every_failure_answer_none(body):
    assert PdokGeocoder(urlopen=fake_urlopen(body)).geocode("Nergensweg 1") is None


def test_blank_address_does_not_call_out():
    seen = []
    assert PdokGeocoder(urlopen=fake_urlopen(RECORDED, seen)).geocode("  ") is None
    assert seen == []


def test_only_http_urls():
    with pytest.raises(ValueError):
        PdokGeocoder(base_url="file:///etc/passwd")


def test_parse_point_and_response():
    assert parse_point("POINT(1.5 -2e3)") == (1.5, -2000.0)
    assert parse_point("point ( 3 4 )") == (3.0, 4.0)
    for bad in (None, 12, "POINT(1 2 3)", "LINESTRING(1 2, 3 4)", ""):
        assert parse_point(bad) is None
    assert parse_pdok_response(RECORDED) == (234567.123, 528765.456)
    assert parse_pdok_response({"response": {"docs": "x"}}) is None


class Handler(BaseHTTPRequestHandler):
    """Serves the recorded answer for /free?q=hoofdstraat..., nothing for others, and can stall."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        q = query.get("q", [""])[0].lower()
        if q.startswith("slow"):
            time.sleep(1.0)
        if q.startswith("broken"):
            self.send_response(500)
            self.end_headers()
            return
        body = json.dumps(RECORDED if q.startswith("hoofdstraat") else EMPTY).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client may have given up (timeout test)
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_pdok():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bzk/locatieserver/search/v3_1/free"
    finally:
        server.shutdown()
        server.server_close()


def test_against_a_local_server(local_pdok):
    geocoder = PdokGeocoder(base_url=local_pdok, timeout=2.0)
    assert geocoder.geocode("Hoofdstraat 1, Hoogeveen") == (234567.123, 528765.456)
    assert geocoder.geocode("Nergensweg 99") is None
    assert geocoder.geocode("broken 1") is None


def test_timeout_against_a_local_server(local_pdok):
    assert PdokGeocoder(base_url=local_pdok, timeout=0.2).geocode("slow street 1") is None


def test_refused_connection_is_none():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    server.server_close()  # nothing listens on this port any more
    assert PdokGeocoder(base_url=f"http://127.0.0.1:{port}/free", timeout=1).geocode("x") is None
