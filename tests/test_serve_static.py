"""scripts/serve_static.py serves a folder as GitHub Pages does: gzip for text, folder redirects, 404.html."""
import gzip
import http.client

import pytest

from serve_static import StaticServer


@pytest.fixture()
def server(tmp_path):
    (tmp_path / "topics" / "a").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<!doctype html><title>home</title>" + "text " * 500, encoding="utf-8")
    (tmp_path / "topics" / "a" / "index.html").write_text("<p>topic a</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>not here</p>", encoding="utf-8")
    (tmp_path / "app.js").write_text("console.log(1);" * 50, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with StaticServer(tmp_path) as running:
        yield running


def get(server, path, **headers):
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_text_is_gzipped_when_accepted(server):
    response, body = get(server, "/", **{"Accept-Encoding": "gzip, deflate, br"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert gzip.decompress(body).startswith(b"<!doctype html>")
    assert len(body) < 200
    response, body = get(server, "/app.js", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert "javascript" in response.getheader("Content-Type")


def test_plain_when_gzip_not_accepted_and_for_images(server):
    response, body = get(server, "/")
    assert response.getheader("Content-Encoding") is None and body.startswith(b"<!doctype html>")
    response, body = get(server, "/logo.png", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") is None and body.startswith(b"\x89PNG")


def test_folders_redirect_to_their_slash_and_serve_index(server):
    response, _ = get(server, "/topics/a")
    assert response.status == 301 and response.getheader("Location") == "/topics/a/"
    response, body = get(server, "/topics/a/")
    assert response.status == 200 and body == b"<p>topic a</p>"


def test_missing_pages_get_404_html_and_nothing_outside_is_served(server):
    response, body = get(server, "/nowhere/")
    assert response.status == 404 and body == b"<p>not here</p>"
    response, body = get(server, "/../../etc/passwd")
    assert response.status == 404


def test_revalidation_with_etag(server):
    response, _ = get(server, "/")
    etag = response.getheader("ETag")
    assert response.getheader("Cache-Control") == "max-age=600" and etag
    response, body = get(server, "/", **{"If-None-Match": etag})
    assert response.status == 304 and body == b""
