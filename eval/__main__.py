"""``python -m eval COMMAND ...``: evaluation commands.

Commands:
    run       questions through POST /ask (or the LangChain baseline), scored   (python -m eval run --help)
    compare   two runs' metrics side by side with deltas: compare A.json B.json (also: --compare A.json B.json)
    report    Markdown report and bar chart of a run beside other runs: report RUN.json [OTHER.json ...]
    beir      BEIR-format retrieval benchmark: beir DIR --out OUT.json
    bench     benchmarks (eval.bench, when present)
    scale     a synthetic index N times larger than a built one, for benchmarks (scale --help)
    retrieval recall@k of expected reports for lexical, dense, RRF and z-score fusion: retrieval --questions F
    phrasings the same grades and lead inspectors asked in many wordings, scored by wording (phrasings --help)

Examples:
    python -m eval run --questions eval/questions/corpus.jsonl --index .data/index --out eval/out/corpus.json
    python -m eval run --baseline --corpus corpus/ --questions eval/questions/corpus.jsonl \\
        --index .data/index --out eval/out/baseline.json
    python -m eval compare eval/out/baseline.json eval/out/corpus.json
    python -m eval beir /work/shared/benchmarks/scifact --out scifact.json
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Sequence

import ingest  # noqa: F401  (offline switches before any model or Chroma import)

Main = Callable[[Sequence[str]], int]

COMMANDS = {"run": ("eval.run", "main"), "compare": ("eval.report", "compare_main"),
            "report": ("eval.report", "report_main"), "beir": ("eval.beir", "main"), "bench": ("eval.bench", "main"),
            "scale": ("eval.scale", "main"),
            "retrieval": ("eval.retrieval", "main"), "phrasings": ("eval.phrasings", "main")}


def command(name: str) -> Main | None:
    """The ``main`` of a command, imported only when used; None when its module is absent."""
    module_name, attr = COMMANDS[name]
    if importlib.util.find_spec(module_name) is None:
        return None
    return getattr(importlib.import_module(module_name), attr)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args else 2
    name = "compare" if args[0] == "--compare" else args[0]
    if name not in COMMANDS:
        print(f"unknown command {args[0]!r}\n{__doc__}", file=sys.stderr)
        return 2
    entry = command(name)
    if entry is None:
        print(f"`{name}` is not available yet ({COMMANDS[name][0]} is missing)", file=sys.stderr)
        return 2
    return int(entry(args[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
