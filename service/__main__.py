"""``python -m service --index DIR [--host H] [--port P]``: serve the API and the widget."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLES = """examples:
  python -m service                               # .data/index on http://127.0.0.1:8000
  python -m service --index .data/ofsted --port 8080
  INSPECT_CORS_ORIGINS='["https://intranet.example"]' python -m service   # let another site embed the widget
  INSPECT_CHROMA_URL=http://127.0.0.1:8001 python -m service             # vectors on a `chroma run` server"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service", description="Serve search, cited answers and "
                                     "the chat widget over an index.", epilog=EXAMPLES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=None, help="index folder (default: .data/index)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--chroma-url", default=None, help="use a Chroma server instead of the embedded store")
    args = parser.parse_args(argv)

    import uvicorn

    from ingest.settings import IndexSettings
    from service.app import create_app
    from service.settings import ServiceSettings

    overrides = {k: v for k, v in {"index_dir": args.index, "chroma_url": args.chroma_url}.items() if v}
    settings = ServiceSettings(index=IndexSettings(**overrides))
    if not settings.index.catalog_path.exists() and not settings.index.chroma_url:
        print(f"note: no index at {settings.index.index_dir} yet; run `python -m ingest PATH --index "
              f"{settings.index.index_dir}` to add reports", file=sys.stderr)
    print(f"serving on http://{args.host}:{args.port}  (widget demo at /, API docs at /docs)", file=sys.stderr)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
