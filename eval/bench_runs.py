"""The measured workloads of ``eval.bench``, each run in its own process so that its peak memory is its own.

``python -m eval.bench_runs KIND --corpus DIR --index DIR --result FILE`` with KIND one of
``project`` (the project's ingest), ``reingest`` (the same over an unchanged corpus), ``ceiling`` (embedding only:
exactly the texts the project embedded, read back from the index) and ``anchor`` (the LangChain tutorial pipeline).
Each writes a JSON object with ``wall_s``, ``cpu_s`` (user + system, this process and its children), ``peak_rss_mb``
(this process) and ``children_peak_rss_mb`` (e.g. the parse worker), beside figures of its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ingest  # noqa: F401  (offline switches before any model or Chroma import)
from ingest.settings import catalog_path

Result = dict[str, Any]


def cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def memory() -> Result:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"peak_rss_mb": round(own.ru_maxrss / 1024, 1), "children_peak_rss_mb": round(kids.ru_maxrss / 1024, 1)}


def project(corpus: Path, index: Path, **_: Any) -> Result:
    from ingest.pipeline import Ingestor
    from ingest.settings import IndexSettings

    ingestor = Ingestor(IndexSettings(index_dir=index))
    started = time.perf_counter()

    def progress(outcome: Any) -> None:
        progress.done += 1  # type: ignore[attr-defined]
        if progress.done % 25 == 0:  # type: ignore[attr-defined]
            print(f"  {progress.done} files, {time.perf_counter() - started:.0f} s",  # type: ignore[attr-defined]
                  file=sys.stderr, flush=True)

    progress.done = 0  # type: ignore[attr-defined]
    summary = ingestor.run([corpus], on_outcome=progress)
    return {"files": len(summary.outcomes), "ingested": summary.count("ingested"),
            "unchanged": summary.count("unchanged"), "failed": summary.count("failed"),
            "failures": [f"{o.path}: {o.reason}" for o in summary.outcomes if o.status == "failed"][:20],
            "pages": summary.pages, "chunks": summary.chunks,
            "timings": {k: round(v, 2) for k, v in summary.timings.items()},
            "model_loaded": ingestor._embeddings is not None, "torch_imported": "torch" in sys.modules}


def embedded_texts(index: Path) -> list[str]:
    """What the project's ingest gave the model, rebuilt from the index: same reports, chunks and context."""
    from ingest.catalog import Catalog
    from ingest.prepare import embedding_text

    catalog = Catalog(catalog_path(index))
    return [embedding_text(meta, chunk) for meta in catalog.reports() for chunk in catalog.report_chunks(meta.report_id)]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return round(time.perf_counter() - started, 2)


def sweep(model: Any, texts: list[str]) -> Result:
    """Our encode against sentence-transformers' default call in fp32 (what LangChain's HuggingFaceEmbeddings
    runs), and other batch sizes, on one sample."""
    from ingest.embedding import TorchEncoder

    reference = TorchEncoder().model
    out: Result = {"texts": len(texts), "backend": model.backend}
    model.encode(texts[:32])  # warm
    out["st_default_s"] = timed(lambda: reference.encode(texts))  # batch 32, fp32
    out["project_encode_s"] = timed(lambda: model.encode(texts))
    chosen = model.batch_size
    for size in (16, 32, 128):
        model.batch_size = size
        out[f"batch_{size}_s"] = timed(lambda: model.encode(texts))
    model.batch_size = chosen
    return out


def ceiling(index: Path, sweep_texts: int = 0, **_: Any) -> Result:
    from ingest.embedding import MiniLMEmbeddings
    from ingest.settings import IndexSettings

    texts = embedded_texts(index)
    started = time.perf_counter()
    model = MiniLMEmbeddings.from_settings(IndexSettings(index_dir=index))
    loaded = time.perf_counter() - started
    result: Result = {"chunks": len(texts), "model_s": round(loaded, 2)}
    cpu = cpu_seconds()
    result["embed_s"] = timed(lambda: model.encode(texts))
    result["embed_cpu_s"] = round(cpu_seconds() - cpu, 2)
    if sweep_texts:
        result["sweep"] = sweep(model, texts[:: max(1, len(texts) // sweep_texts)][:sweep_texts])
    return result


class TimedEmbeddings:
    """The project's model behind LangChain's interface, counting the seconds spent embedding."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.seconds = inner, 0.0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        started = time.perf_counter()
        try:
            return self.inner.embed_documents(texts)
        finally:
            self.seconds += time.perf_counter() - started

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def tutorial_load(path: Path) -> list[Any]:
    from langchain_community.document_loaders import PyPDFLoader, TextLoader

    if path.suffix.lower() == ".pdf":
        return PyPDFLoader(str(path)).load()
    return TextLoader(str(path), encoding="utf-8", autodetect_encoding=True).load()


def tutorial_embeddings(model: Path) -> Any:
    from langchain_community.embeddings import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(model_name=str(model), model_kwargs={"device": "cpu", "local_files_only": True})


def anchor(corpus: Path, **_: Any) -> Result:
    """The LangChain RAG tutorial: PyPDFLoader per file, RecursiveCharacterTextSplitter(1000, 200),
    Chroma.from_documents in a temporary folder, with LangChain's HuggingFaceEmbeddings over the same model
    (sentence-transformers' default call in fp32)."""
    import warnings

    warnings.simplefilter("ignore")
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from ingest.discover import discover
    from ingest.embedding import model_path

    files, _ = discover([corpus])
    t: Result = {}
    started = time.perf_counter()
    docs, failed = [], []
    for f in files:  # a file the loader cannot read is skipped, as a tutorial user would
        try:
            docs += tutorial_load(f.path)
        except Exception as exc:
            failed.append(f"{f.path}: {type(exc).__name__}: {exc}")
    t["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
    t["chunk"] = time.perf_counter() - started
    started = time.perf_counter()
    embeddings = TimedEmbeddings(tutorial_embeddings(model_path()))
    t["model"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="bench-anchor-") as folder:
        started = time.perf_counter()
        store = Chroma.from_documents(chunks, embedding=embeddings, collection_name="tutorial",  # type: ignore[arg-type]
                                      persist_directory=folder)
        total = time.perf_counter() - started
        stored = store._collection.count()
    t["embed"], t["store"] = embeddings.seconds, total - embeddings.seconds
    return {"files": len(files), "failed": len(failed), "failures": failed[:20], "pages": len(docs),
            "chunks": len(chunks), "stored": stored,
            "timings": {k: round(v, 2) for k, v in t.items()}}


KINDS: dict[str, Callable[..., Result]] = {"project": project, "reingest": project, "ceiling": ceiling,
                                           "anchor": anchor}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_runs")
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--sweep-texts", type=int, default=0)
    args = parser.parse_args(argv)
    started, cpu = time.perf_counter(), cpu_seconds()
    result = KINDS[args.kind](corpus=args.corpus, index=args.index, sweep_texts=args.sweep_texts)
    result.update(kind=args.kind, wall_s=round(time.perf_counter() - started, 2),
                  cpu_s=round(cpu_seconds() - cpu, 2), **memory())
    args.result.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
