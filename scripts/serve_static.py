"""Serve a built site on 127.0.0.1 the way a static host such as GitHub Pages does.

Text is gzipped when the browser accepts it (plain `python -m http.server` never
compresses, which makes every page look several times heavier than it is published),
folders redirect to their trailing slash and serve index.html, missing pages get 404.html
with status 404, and responses carry Cache-Control: max-age=600, ETag and Last-Modified.
Python's standard library only.

    python scripts/serve_static.py site/ --port 8000
"""
from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import hashlib
import mimetypes
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                    "image/svg+xml", "application/manifest+json")
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends


@functools.lru_cache(maxsize=4096)
def _read(path: Path, mtime_ns: int, size: int) -> tuple[bytes, bytes, str]:
    """A file's bytes, their gzip (level 6, as common static hosts use) and an ETag; cached."""
    data = path.read_bytes()
    return data, gzip.compress(data, 6, mtime=0), '"' + hashlib.sha1(data).hexdigest()[:16] + '"'


class StaticHandler(BaseHTTPRequestHandler):
    """GET and HEAD for the files below `root`; nothing else."""

    root: Path
    quiet = True
    server_version = "static"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def log_message(self, format: str, *args) -> None:
        if not self.quiet:
            super().log_message(format, *args)

    def _serve(self, send_body: bool) -> None:
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        target = (self.root / path.lstrip("/")).resolve()
        if target != self.root and self.root not in target.parents:
            return self._missing(send_body)
        if target.is_dir():
            if not path.endswith("/"):
                location = urllib.parse.quote(path + "/") + (f"?{url.query}" if url.query else "")
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            return self._missing(send_body)
        self._send_file(target, HTTPStatus.OK, send_body)

    def _missing(self, send_body: bool) -> None:
        page = self.root / "404.html"
        if page.is_file():
            return self._send_file(page, HTTPStatus.NOT_FOUND, send_body)
        body = b"404 Not Found\n"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_file(self, path: Path, status: HTTPStatus, send_body: bool) -> None:
        stat = path.stat()
        data, zipped, etag = _read(path, stat.st_mtime_ns, stat.st_size)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        compressible = kind.startswith(COMPRESSED_TYPES)
        if status == HTTPStatus.OK and etag in self.headers.get("If-None-Match", ""):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return
        use_gzip = compressible and "gzip" in self.headers.get("Accept-Encoding", "")
        body = zipped if use_gzip else data
        self.send_response(status)
        textual = kind.startswith("text/") or kind.endswith(("javascript", "json", "xml"))
        self.send_header("Content-Type", kind + ("; charset=utf-8" if textual else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("ETag", etag)
        if compressible:
            self.send_header("Vary", "Accept-Encoding")
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class StaticServer:
    """A threaded server for one folder; use as a context manager or call start()/stop()."""

    def __init__(self, directory: Path, port: int = 0, host: str = "127.0.0.1", quiet: bool = True):
        handler = type("Handler", (StaticHandler,), {"root": Path(directory).resolve(), "quiet": quiet})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.url = f"http://{host}:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> "StaticServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "StaticServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a built site with gzip, like a static host.")
    parser.add_argument("directory", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        parser.error(f"{args.directory} is not a folder: build the site first (make build)")
    server = StaticServer(args.directory, args.port, args.host, quiet=False)
    print(f"Serving {args.directory}/ on {server.url} (gzip on); Ctrl-C stops.", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
