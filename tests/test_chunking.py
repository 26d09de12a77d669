import pytest

from ingest.chunking import chunk_sections, word_piece_counter
from ingest.embedding import model_path
from ingest.models import Page, ParsedDocument
from ingest.sentences import sentence_spans
from ingest.structure import split_sections


def count():
    return word_piece_counter(str(model_path() / "tokenizer.json"))


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "Inspectors found, e.g. in Leeds, many issues. The CRC was rated RI.\n1. A numbered point follows."
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["Inspectors found, e.g. in Leeds, many issues.", "The CRC was rated RI.",
                     "1. A numbered point follows."]


def test_headings_follow_markdown_and_pdf_layouts() -> None:
    doc = ParsedDocument(source="x", format="pdf", pages=[
        Page(number=1, text="Summary of findings\nThe service was well led. Staff were\nmotivated.\n"
                            "Case supervision\n12. Assessments were weak and plans were late."),
    ])
    sections = split_sections(doc)
    assert [(s.heading, s.text.split()[0]) for s in sections] == [
        ("Summary of findings", "The"), ("Case supervision", "12.")]


def test_chunks_fit_the_window_never_cut_sentences_and_keep_spans() -> None:
    sentence = "Unpaid work placements were not assessed for risk of harm before allocation. "
    text = "# Unpaid work\n\n" + sentence * 60 + "\n\n# Through the Gate\n\nResettlement planning was sufficient."
    doc = ParsedDocument(source="x", format="markdown", pages=[Page(number=1, text=text)])
    chunks = chunk_sections("r", {1: text}, split_sections(doc), count(), 200)
    assert len(chunks) >= 3
    assert all(n <= 200 for n in count()([c.text for c in chunks]))
    for c in chunks:
        assert text[c.start:c.end] == c.text
        assert c.text.endswith(".")
    assert {c.section for c in chunks} == {"Unpaid work", "Through the Gate"}


def test_one_huge_line_is_cut_to_fit() -> None:
    text = "word " * 5000
    doc = ParsedDocument(source="x", format="text", pages=[Page(number=1, text=text)])
    chunks = chunk_sections("r", {1: text}, split_sections(doc), count(), 200)
    assert len(chunks) > 10 and all(n <= 200 for n in count()([c.text for c in chunks]))


def test_a_giant_unbroken_token_is_hard_cut() -> None:
    text = "x" * 300_000
    doc = ParsedDocument(source="x", format="text", pages=[Page(number=1, text=text)])
    chunks = chunk_sections("r", {1: text}, split_sections(doc), count(), 200)
    assert len(chunks) > 100 and max(len(c.text) for c in chunks) <= 200 * 2 * 4
    assert "".join(c.text for c in chunks) == text


def test_markdown_label_lines_stay_in_the_text() -> None:
    text = "# An inspection of Riverside CRC\n\nOwner: Purple Futures\nOverall rating: Good\n\n## Summary\n\nFine."
    doc = ParsedDocument(source="x", format="markdown", pages=[Page(number=1, text=text)])
    sections = split_sections(doc)
    assert sections[0].heading == "An inspection of Riverside CRC"
    assert "Owner: Purple Futures" in sections[0].text and sections[-1].heading == "Summary"


def test_a_quote_starts_at_its_first_word_not_at_a_symbol_font_bullet() -> None:
    from ingest.sentences import quote_spans

    page = ("Key facts\n\uf06e The local authority operates nine children’s homes.\n"
            "\uf02d The director has been in post since October 2017.\n12. Leaders know their services well.")
    quotes = [page[start:end] for start, end in quote_spans(page)]
    assert "The local authority operates nine children’s homes." in quotes
    assert "The director has been in post since October 2017." in quotes
    assert "Leaders know their services well." in quotes


def test_a_bullet_after_a_full_stop_and_a_space_starts_a_new_sentence() -> None:
    from ingest.sentences import quote_spans

    page = ("\uf06e At 6 March 2017, 1,176 children and young people were the subject of a child \nprotection plan (a "
            "rate of 36 per 10,000 children). This is an increase from 1,049 \nchildren (32 per 10,000 children) at "
            "31 March 2016. \n\uf06e At 6 March 2017, 40 children lived in a privately arranged fostering placement. "
            "\nThis is an increase from 25 at 31 March 2015.")  # (Kent, 2017)
    quotes = [page[start:end] for start, end in quote_spans(page)]
    assert "At 6 March 2017, 40 children lived in a privately arranged fostering placement." in quotes


@pytest.mark.parametrize(("text", "kept"), [
    ("Leaders have created an environment for social work practice to flourish.\n"
     "As a result, workforce stability is good, with a relatively low turnover rate\n"
     "(14%) and limited use of temporary staff. Social workers are positive about working here.",
     "turnover rate\n(14%)"),  # (the next line goes on with the sentence)
    ("This includes an ambitious recruitment and retention strategy.\n"
     "Recruitment and retention have improved, overall, with turnover of staff at\n"
     "15.9% in the year to date. The use of agency staff has reduced significantly.",
     "turnover of staff at\n15.9%"),  # (no title ends with "at": Coventry, 2017, whose sentence had been dropped)
])
def test_a_wrapped_sentence_line_is_not_taken_for_a_heading_and_its_text_is_kept(text: str, kept: str) -> None:
    doc = ParsedDocument(source="x", format="pdf", pages=[Page(number=1, text=text)])
    chunks = chunk_sections("r", {1: text}, split_sections(doc), count(), 200)
    assert kept in " ".join(c.text for c in chunks)
    assert {c.section for c in chunks} == {None}
