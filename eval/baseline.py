"""The LangChain RAG tutorial pipeline, as a yardstick for the project.

PyPDFLoader for PDFs, BSHTMLLoader for HTML, TextLoader for Markdown and text;
RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200); the project's embedding model;
langchain_chroma.Chroma in a temporary folder; top-4 similarity search. The "answer" is the four passages
concatenated; each passage is a citation (quote = its first 300 characters; page = PDF page + 1, else 1;
body = the file name stem); it never abstains. Each passage's report id is the project's id for the same file
(from the index's files table), so its citations are re-read and its organisations named like the project's.
"""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from eval.citations import report_ids_by_path
from ingest.discover import discover
from service.schemas import Answer, Citation

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings

TOP_K = 4
QUOTE_CHARS = 300


def load_file(path: Path) -> list[Document]:
    """The tutorial's loaders: one Document per PDF page, one per other file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from langchain_community.document_loaders import BSHTMLLoader, PyPDFLoader, TextLoader
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return PyPDFLoader(str(path)).load()
    if suffix in (".html", ".htm"):
        return BSHTMLLoader(str(path), open_encoding="utf-8").load()
    return TextLoader(str(path), encoding="utf-8", autodetect_encoding=True).load()


def load_corpus(corpus: Path) -> list[Document]:
    """Every report file the project's ingest would find under ``corpus`` (same discovery rules)."""
    files, _ = discover([corpus])
    return [doc for f in files for doc in load_file(f.path)]


def split(docs: list[Document]) -> list[Document]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)


def build_store(chunks: list[Document], embeddings: Embeddings, folder: Path) -> Chroma:
    from langchain_chroma import Chroma

    return Chroma.from_documents(chunks, embedding=embeddings, collection_name="baseline",
                                 persist_directory=str(folder))


def to_citation(n: int, doc: Document, report_ids: dict[str, str]) -> Citation:
    path = Path(str(doc.metadata.get("source", "")))
    is_pdf = path.suffix.lower() == ".pdf"
    page = int(doc.metadata.get("page", 0)) + 1 if is_pdf else 1
    return Citation(n=n, report_id=report_ids.get(str(path.resolve()), path.stem), body=path.stem,
                    title=path.stem, published=None, page=page, section=None, source=path.name,
                    quote=doc.page_content[:QUOTE_CHARS])


class BaselineAsker:
    """Answers with the top-4 passages; no sessions, so follow-ups are asked on their own."""

    label = "baseline"

    def __init__(self, store: Chroma, report_ids: dict[str, str]) -> None:
        self.store = store
        self.report_ids = report_ids

    def ask(self, question: str, session_id: str | None) -> Answer:
        docs = self.store.similarity_search(question, k=TOP_K)
        citations = [to_citation(n, doc, self.report_ids) for n, doc in enumerate(docs, start=1)]
        return Answer(answer="\n\n".join(doc.page_content for doc in docs), abstained=False,
                      session_id=session_id or "baseline", citations=citations)


@contextmanager
def baseline_asker(corpus: Path, index_dir: Path, embeddings: Embeddings | None = None) -> Iterator[BaselineAsker]:
    """Build the tutorial pipeline over ``corpus`` in a temporary Chroma folder, removed afterwards."""
    if embeddings is None:
        from ingest.embedding import MiniLMEmbeddings

        embeddings = MiniLMEmbeddings(backend="torch")
    chunks = split(load_corpus(corpus))
    with tempfile.TemporaryDirectory(prefix="eval-baseline-") as folder:
        store = build_store(chunks, embeddings, Path(folder))
        yield BaselineAsker(store, report_ids_by_path(index_dir))
