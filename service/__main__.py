"""``python -m service --index DIR [--host H] [--port P]``: serve the API and the widget."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.settings import IndexSettings

EXAMPLES = """examples:
  python -m service                               # .data/index on http://127.0.0.1:8000
  python -m service --index .data/ofsted --port 8080
  INSPECT_CORS_ORIGINS='["https://intranet.example"]' python -m service   # let another site embed the widget
  INSPECT_CHROMA_URL=http://127.0.0.1:8001 python -m service             # vectors on a `chroma run` server
  python -m service --catalog-url postgresql://inspect@db/inspect --chroma-url http://chroma:8001 --index /srv/r1
                                                  # a replica: catalog and conversations shared in PostgreSQL"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service", description="Serve search, cited answers and "
                                     "the chat widget over an index.", epilog=EXAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=None, help="index folder (default: .data/index)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine "
                        "only; 0.0.0.0 for every interface)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--chroma-url", default=None, help="use a Chroma server instead of the embedded store")
    parser.add_argument("--catalog-url", default=None, help="postgresql://... : keep the catalog (and "
                        "conversations) in PostgreSQL instead of SQLite files in the index folder")
    args = parser.parse_args(argv)

    import uvicorn

    from ingest.settings import IndexSettings
    from service.app import create_app
    from service.memory import limit_arenas
    from service.settings import ServiceSettings

    overrides = {k: v for k, v in {"index_dir": args.index, "chroma_url": args.chroma_url,
                                   "catalog_url": args.catalog_url}.items() if v}
    settings = ServiceSettings(index=IndexSettings(**overrides))
    limit_arenas(settings.heap_arenas)
    if problem := missing_index(settings.index):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    print(f"loading the index at {settings.index.catalog_url and 'the catalog server' or settings.index.index_dir}"
          " ...", file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host=args.host, port=args.port, log_level="warning"))
    example = first_example(settings.index.catalog_location)
    threading.Thread(target=announce_when_ready, args=(server, args.host, args.port, example), daemon=True).start()
    server.run()
    return 0


def missing_index(index: IndexSettings) -> str | None:
    """Why there is nothing to serve (a mistyped folder, an unreachable catalog server), or None."""
    if not index.catalog_url:
        if index.catalog_path.exists():
            return built_otherwise(index)
        return (f"no index at {index.index_dir} (is the path right?): build one with `python -m ingest PATH "
                f"--index {index.index_dir}`, then start the service again")
    from ingest.catalog import Catalog

    try:
        Catalog(index.catalog_url).counts()
    except Exception as exc:  # psycopg's errors: the server is down, the database or the password is wrong
        return f"cannot use the catalog at {index.catalog_url.split('@')[-1]}: {str(exc).strip()}"
    return None


def built_otherwise(index: IndexSettings) -> str | None:
    """Why an index folder built by another version cannot be served (its chunker or model), or None."""
    from ingest.catalog import Catalog, IndexMismatch

    try:
        Catalog(index.catalog_path).ensure_fingerprint(index.fingerprint())
    except IndexMismatch as exc:
        return str(exc)
    return None


def first_example(catalog: Path | str) -> str:
    """A question about the served index's own reports, for the ready message."""
    from ingest.catalog import Catalog
    from service.about import examples

    found = examples(Catalog(catalog).reports())
    return found[0] if found else "Which reports raise concerns about staffing?"


def announce_when_ready(server, host: str, port: int, example: str) -> None:  # type: ignore[no-untyped-def]
    """Once the server accepts requests: the address to open and a first question to try."""
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.1)
    url = f"http://{host}:{port}"
    payload = json.dumps({"question": example}).replace("'", "'\\''")  # inside a single-quoted shell word
    print(f"""
ready: open {url} for the chat (API docs at {url}/docs), or try:
  curl -s {url}/ask -H 'content-type: application/json' \\
       -d '{payload}'
""", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
