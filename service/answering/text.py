"""Words and the small text tests every answering stage shares (stems come from ``service.terms``)."""

from __future__ import annotations

import re

from ingest.metadata_text import squash
from service.terms import STOPWORDS, stem

WORD = re.compile(r"[A-Za-z0-9]+&[A-Za-z0-9]+|[A-Za-z0-9][A-Za-z0-9'’-]*")  # ("B&Bs" is one word)
NOT_COMPOUND = r"(?!-(?!(?:one|two|three|four|five|six|seven|eight|nine|thirds?)\b)\w)"  # (not "a four-point scale":
# a kind of scale, no quantity)
NUMBER_WORDS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                          r"half|halves|third|thirds|quarter|quarters|fifth|fifths|two-thirds|one in \w+|dozen|"
                          rf"hundreds?|thousands?|per cent|percent|majority|minority)\b{NOT_COMPOUND}", re.I)
SENTENCE_END = (".", "!", "?", ";", '"', "”", "’", ")")
HEADING_WORDS = 12
FINITE = re.compile(r"\b(is|are|was|were|has|have|had|does|do|did|can|could|will|would|should|must|may|might)\b", re.I)
PAST_TENSE = re.compile(r"\b\w+ed\b", re.I)  # (a heading has neither: "Unpaid work and Through the Gate")
SOURCE_LINE = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(com|co\.uk|org|org\.uk|gov\.uk|net)\b|^sources?\b", re.I)
PAGE_THEN_HEADING = re.compile(r"[a-z)]\s+\d{1,3}\s+[A-Z][a-z]")  # (in a contents line: "Board 35 Information")
PAGE_AT_END = re.compile(r"[a-z)]\s+\d{1,3}$")
NUMBER = re.compile(r"(?<![\w./])(?<![A-Za-z]-)\d(?:[\d,]*\d)?(\.\d+)?(\s?%)?")  # not "COVID-19"
YEAR = re.compile(r"^(19|20)\d\d$")
A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a year anywhere in a text
LABEL_BEFORE = re.compile(r"\b(stage|year|section|level|tier|phase|paragraph|para|page|part|schedule|article|chapter|"
                          r"step|regulation|standard|annex|appendix|table|figure|ks)\s*$|\b(stage|section|paragraph|"
                          r"chapter|table|figure)s\s*(?:\d+\s*(?:and|to|or|-|–)\s*)?$", re.I)  # "key stage 4", "Key
# Stages 2 to 4" (each a label)
YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s*[-–/]\s*$")  # (the end of a span of years: "2014-15")
LOOK_BACK = 32         # characters before a figure that can make it a label, a year's end or money
CURRENCY_BEFORE = re.compile(r"[£$€]\s?$")
SCALE_AFTER = re.compile(r"\s?(?:m|bn|k|million|billion)\b", re.I)
MONEY_AFTER = re.compile(r"\s?(?:pounds|pence)\b", re.I)
RATE = re.compile(r"\s*per\s+[\d,]*\d", re.I)
PER_CENT = re.compile(r"\s*(?:per ?cent|percent)\b", re.I)
AGE_BEFORE = re.compile(r"\b(?:aged?|ages|age of|turns?|turned|turning)\s+(?:(?:over|under|above|below|at least|up to|"
                        r"between|from)\s+)?(?:\d+\s*(?:and|to|or|-|–)\s*)?$", re.I)  # ("aged over 21")
AGE_AFTER = re.compile(r"(?:\s*-?\s*(?:and|to|or)\s+\d+)?\s*-\s*years?[- ]olds?\b|\s+years?[- ]olds?\b|\s+years? of age\b",
                       re.I)
IS_BEFORE = re.compile(r"\b(?:they|he|she|leavers|people|children|child|adults|youngsters)\s+(?:are|is|were|was|be|become|"
                       r"becomes|became|reach|reaches|reached)\s+(?:\d+\s*(?:and|to|or)\s*)?$", re.I)  # (said of people)
NOTHING_AFTER = re.compile(r"\s*(?:[.,;:)]|$|(?:and|or)\s+(?:over|older|\d+)\b)")  # (no noun counted: "are 18.")
AT_AGE = re.compile(r"(?:^|[.;:]\s+)at\s+$", re.I)  # a clause opening "At 16, ..." (not "the number stood at 16")
AGE_LISTED = re.compile(r"\s*(?:,|(?:and|or|to)\s+\d)")
TIME_UNIT = re.compile(r"\s*(?:-\s*)?(?:hours?|days?|weeks?|months?|years?)\b(?!\s+old)", re.I)  # (an age counts)
KIND_WORDS = {  # a quantity of each kind in words ("two-thirds", "four people", "six weeks")
    "money": re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:pounds|pence)\b|\b(?:one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|twenty|fifty|a hundred|hundreds of|a half|half a)\s+(?:million|billion|thousand)\s+"
                        r"pounds\b", re.I),  # ("an additional four million pounds")
    "share": re.compile(r"\b(half|halves|third|thirds|quarter|quarters|fifth|fifths|two-thirds|one in \w+|per cent|"
                        r"percent|majority|minority)\b", re.I),
    "count": re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                        r"dozen|hundreds?|thousands?)\b(?!\s*-?\s*(hours?|days?|weeks?|months?|years?)\b)"
                        rf"{NOT_COMPOUND}", re.I),
    "rate": re.compile(r"\bper (?:ten|a hundred|one hundred) thousand\b", re.I),
    "duration": re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|"
                           r"a|an)\s*-?\s*(hours?|days?|weeks?|months?|years?)\b(?!\s+old)|"
                           r"\b(?:been|in post|in (?:the |their |her |his )?(?:role|post|job|position))\s+(?:\w+\s+){0,2}?"
                           r"since\s+(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?(?:19|20)\d\d\b", re.I),  # ("has been in post
    # since June 2010": how long)
}
ENTITY = re.compile(r"[A-Z][\w'’&-]+(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’&-]+)*")  # a name: "Working Links"
MONTH = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
                   r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b", re.I)  # (a question may abbreviate one)
DAY_OF = re.compile(rf"(?:st|nd|rd|th)?(?:\s*(?:to|-|–|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{MONTH.pattern}",
                    re.I)  # (after a number: the day of a date, "10 January", "2 to 13 December")
COUNTED_ON = re.compile(rf"\b(?:at|as at|as of)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH.pattern}\s+(?:19|20)\d\d\s*,?"
                        r"(?=\s+(?:there\s+(?:were|was)\s+)?(?:about\s+|around\s+|over\s+)?\d)", re.I)  # "At 16
# January 2017, 224 children ...": when a figure was counted

__all__ = ["A_YEAR", "MONTH", "NUMBER", "YEAR", "content_words", "has_date", "has_number",
           "quantities", "squash", "stem", "stems", "within", "words"]


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` in order (apostrophes and hyphens kept inside words)."""
    return [w.strip("'’-") for w in WORD.findall(text.lower().replace("’", "'"))]


def content_words(text: str) -> list[str]:
    """Words of ``text`` that carry meaning: no stopwords, no one-letter words; repeats dropped."""
    seen: dict[str, None] = {}
    for word in words(text):
        word = word[:-2] if word.endswith("'s") else word
        if len(word) > 1 and word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)


def stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def within(quote: str, other: str) -> bool:
    """True when every content word of ``quote`` is in ``other``, however inflected ("X had strong leaders." in
    "X had strong leaders, and its facilities were rated Outstanding.")."""
    return stems(quote) <= stems(other)


AGED = re.compile(r"[- ]years?[- ]olds?\b", re.I)  # ("16-year-old children": an age, no quantity of them)
AGE_BAND = re.compile(r"\+")  # ... and "18+" after an age's figure ("a dedicated 18+ virtual school officer")
AGE_LIKE = re.compile(r"1[0-9]|2[0-5]")
COUNT_IN_WORDS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?!of\b|"
                            r"per\b|in\b|out\b|or\b|and\b|to\b|(?:years?|months?|weeks?|days?|hours?|times?)\b)"
                            r"(?=[a-z])")  # ("five serious case reviews were completed": a count, in words)


def counts_in_words(text: str) -> set[str]:
    """The counts ``text`` writes in words before what they count ("five serious case reviews")."""
    return {m.group(1) for m in COUNT_IN_WORDS.finditer(text)}


def quantities(text: str, kind: str | None = None) -> list[str]:
    """The figures ``text`` states as quantities: not bare years, nor labels ("key stage 4", "section 20"), nor
    ages ("16-year-old"), nor days of a month ("10 January 2018", "on 3 July"), nor the end of a span of years
    ("2014-15"); with ``kind``, only those of that kind (``kind_of``: what ``asks.figure_asked`` asks for)."""
    found = []
    for m in NUMBER.finditer(text):
        before = text[max(0, m.start() - LOOK_BACK):m.start()]  # (what precedes a figure is read near it only)
        if (YEAR.match(m.group(0).replace(",", "")) and not m.group(2)) or LABEL_BEFORE.search(before) \
                or DAY_OF.match(text, m.end()) or YEAR_BEFORE.search(before) or AGED.match(text, m.end()) \
                or AGE_BAND.match(text, m.end()) and AGE_LIKE.fullmatch(m.group(0)):
            continue
        if (said := kind_of(text, m)) != "age" and kind in (None, said):  # ("16- and 17-year-olds": how old)
            found.append(_as_written(text, m))
    return found


def _as_written(text: str, figure: re.Match) -> str:
    """The figure with its currency and scale, when it is a sum of money ("£24m", "£3.2 million")."""
    currency = _currency(text, figure)
    if not currency:
        return figure.group(0)
    return text[currency.start():(SCALE_AFTER.match(text, figure.end()) or figure).end()]


def _currency(text: str, figure: re.Match) -> re.Match | None:
    """The currency sign just before a figure ("£24m"), if any."""
    return CURRENCY_BEFORE.search(text, max(0, figure.start() - 2), figure.start())


def kind_of(text: str, figure: re.Match) -> str:
    """What a figure in ``text`` measures: "share" (a percentage), "money" ("£3.2 million"), "rate" ("88 per
    10,000"), "age" ("aged 16"), "duration" (days to years) or "count"."""
    if figure.group(2) or PER_CENT.match(text, figure.end()):
        return "share"
    if _currency(text, figure) or MONEY_AFTER.match(text, figure.end()):
        return "money"
    if RATE.match(text, figure.end()) or text.endswith("per ", 0, figure.start()):
        return "rate"  # ("88 per 10,000": neither figure is a count)
    if AGE_BEFORE.search(text, max(0, figure.start() - LOOK_BACK), figure.start()) or AGE_AFTER.match(text, figure.end()) \
            or AT_AGE.search(text, 0, figure.start()) and AGE_LISTED.match(text, figure.end()) \
            or _age_said(text, figure):
        return "age"  # ("when they turn 18", "17-year-olds", "At 16, the proportion ...": how old, not how many)
    return "duration" if TIME_UNIT.match(text, figure.end()) else "count"


def _age_said(text: str, figure: re.Match) -> bool:
    """True for 16 to 25 said of people with no noun after it ("after the care leavers are 18.", "until they
    reach 21 or 25"): an age."""
    return figure.group(0).isdigit() and 16 <= int(figure.group(0)) <= 25 and bool(
        IS_BEFORE.search(text, max(0, figure.start() - LOOK_BACK), figure.start())) and bool(
        NOTHING_AFTER.match(text, figure.end()))


def contents_line(text: str) -> bool:
    """True for a line of a table of contents run together ("... Children Board 35 Information about this
    inspection 40"): headings each followed by a page number, no sentence. It states nothing."""
    text = text.rstrip()
    return bool(PAGE_THEN_HEADING.search(text) and PAGE_AT_END.search(text))


def no_finding(text: str) -> bool:
    """True for a line that states no finding: a heading ("Unpaid work and Through the Gate": a few words, no
    verb, no full stop, no "label: value"), a source ("Shropshire Star (shropshirestar.com), 17 July 2019: ...")
    or a line of a table of contents."""
    text = text.strip()
    heading = not text.endswith(SENTENCE_END) and ":" not in text and len(words(text)) <= HEADING_WORDS \
        and not FINITE.search(text) and not PAST_TENSE.search(text)
    return heading or bool(SOURCE_LINE.search(text)) or contents_line(text)


def has_number(text: str, kind: str | None = None) -> bool:
    """True when ``text`` states a quantity (of ``kind``, when given): a figure that is not a bare year or a
    label, or a word such as 'a quarter'."""
    return bool(quantities(text, kind)) or bool((NUMBER_WORDS if kind is None else KIND_WORDS[kind]).search(text))


def has_date(text: str) -> bool:
    """True when the text gives a date, other than the day a figure was counted ("At 16 January 2017, 224
    children were ...": a statistic's date, not when anything happened)."""
    text = COUNTED_ON.sub(" ", text)
    return bool(MONTH.search(text)) or bool(A_YEAR.search(text))


NONE_OF = re.compile(r"\b(?:operates|operated|runs|ran|has|had|have|owns|owned|uses|used)\s+no\s+\w",
                     re.I)  # a count of none ("The local authority operates no children's homes.")
FREQUENCY = re.compile(r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|bi-?monthly|bi-?weekly|"
                       r"six-monthly|every\s+(?:day|week|fortnight|month|quarter|year|(?:\w+\s+)?(?:days|weeks|months|"
                       r"years))|(?:once|twice|three times|four times|\w+ times)\s+(?:a|per|each|every)\s+(?:day|week|"
                       r"fortnight|month|quarter|year))\b", re.I)  # how often: "monthly", "every six weeks"
WHEN_WHERE = {"in", "on", "at", "during", "since", "by", "from", "over", "across", "within", "between", "per", "each"}
UNIT_WORDS = 4  # the words after a figure (else before it, at a clause's end) that say what it counts
CLAUSE_WORDS = 10  # the words after a figure among which the reports' term for what is counted may be
TIMES_TOLD_BY = 3  # "how many times": the words after it that tell of what (the times counted)
COUNTED = re.compile(r"\b(?:how many(?:\s+more)?|number of|average(?!\s+number\s+of\b))\s+"
                     rf"((?:[\w'’-]+\s+){{0,{UNIT_WORDS - 1}}}[\w'’-]+)", re.I)  # (as many words as a figure's unit)


def counted_asked(question: str) -> str:
    """What a count question counts: its words after "how many", "number of" or "average" up to the next
    function word ("how many children in care did X have": "children"; "number of care leavers over 21": "care
    leavers")."""
    match = COUNTED.search(question)
    said, after = [], words(match.group(1)) if match else []
    for word in after:
        if word.lower() in STOPWORDS | {"per", "each", "every"} or NUMBER.fullmatch(word):
            break
        said.append(word)
    if [w.lower() for w in said] == ["times"]:  # ("how many times had Ofsted visited to monitor them": the visits)
        said += [w for w in after[1:] if w.lower() not in STOPWORDS][:TIMES_TOLD_BY]
    return " ".join(said)


DESCRIBED = re.compile(r"\s+(?:who|that|which)\s+((?:(?!(?:was|were|did|does|do|has|have|had|is|are)\b)"
                       r"[\w'’-]+\s*){1,8})", re.I)  # ("kids who arrived in the UK alone": which kids)


def counted_described(question: str) -> str:
    """What a count question counts with the relative clause that tells which ("how many kids who arrived in the
    UK alone without parents was X looking after?": "kids who arrived in the UK alone without parents")."""
    counted = counted_asked(question)
    at = question.lower().find(counted.lower()) if counted else -1
    told = DESCRIBED.match(question, at + len(counted)) if at >= 0 else None
    return f"{counted} {told.group(0).strip()}" if told else counted


IN_BRACKETS_AFTER = re.compile(rf"((?:[A-Za-z][\w'’-]*\s+){{0,{UNIT_WORDS - 1}}}[A-Za-z][\w'’-]*)\s*\(\s*$")
# (a figure in brackets after the words it counts: "children (137)")
SHARE_AFTER = re.compile(r"^\s*\(\s*\d[\d.]*\s*%\s*\)")  # (a figure's share, in brackets after it)
OF_ALL = re.compile(r"^\s*of\s+(?:all\s+)?(?:the\s+)?"
                    r"(?:(?:(?-i:[A-Z])[\w&-]*\s+){0,6}?(?-i:[A-Z])[\w&-]*['’]s\s+)?(?=[a-z])", re.I)
# ("398 of all looked after children": children; "three of Essex CRC's standards": standards)
OF_WHICH = re.compile(r"\s+of\s+(?:which|whom|these|them|those)\b", re.I)  # ("family hubs, three of which ...")


LISTED_BEFORE = re.compile(r"^(\s*[\w-]+)(?:,\s*[\w-]+)*,?\s+(?:and|or)\s+")  # "vocal, inclusive and ...": what
# the things counted are like, listed before what they are


def unit_of(quote: str, figure: str, limit: int = 0) -> str:
    """The words a figure in ``quote`` counts: those after it up to the clause's end, or by default up to
    ``UNIT_WORDS`` and a word that starts saying when or where ("8,136 people in July 2018": "people"); else those
    before it ("... at the age of 25"); a noun's, when the figure is in brackets after it ("children (137)"); at
    most ``limit``; the noun before "three of which"."""
    at = quote.find(figure)
    if at < 0:
        return ""
    if not limit and (noun := IN_BRACKETS_AFTER.search(quote[:at])):  # ("a number of children (137)": children)
        said = words(noun.group(1))
        return " ".join(said[max((i + 1 for i, w in enumerate(said) if w.lower() in STOPWORDS), default=0):])
    if OF_WHICH.match(quote, at + len(figure)):  # (of the noun before it: "hubs, three of which ...")
        return " ".join(words(re.split(r"[;:()\[\]]", quote[:at].rstrip(" ,–-"))[-1])[-(limit or UNIT_WORDS):])
    rest = OF_ALL.sub(" ", SHARE_AFTER.sub("", quote[at + len(figure):], count=1), count=1)  # ("398 (38%) of all
    rest = LISTED_BEFORE.sub(r"\1 ", rest, count=1)  # looked after children"; "4% (12)"; "two vocal, inclusive and
    after = words(re.split(r"[,;:.()\[\]]", rest.lstrip(")] "), maxsplit=1)[0])  # influential groups": groups)
    if after and limit:
        return " ".join(after[:limit])
    if after:
        ends = (i for i, w in enumerate(after[:UNIT_WORDS]) if i and (w.lower() in WHEN_WHERE or NUMBER.fullmatch(w)))
        return " ".join(after[:next(ends, UNIT_WORDS)])
    return " ".join(words(re.split(r"[,;:()\[\]]", quote[:at])[-1])[-(limit or UNIT_WORDS):])


def without_possessives(unit: str) -> str:
    """A figure's unit without the words that say whose ("directors of children's services": "directors of
    services"): a possessive is never what a figure counts."""
    return " ".join(w for w in unit.split() if not w.lower().endswith(("'s", "’s", "s'", "s’")))


FRAMEWORK = re.compile(r"\s*\(?\s*\b(?:(?:under|in|of|from|using)\s+)?(?:the\s+)?(?:single inspection framework|"
                       r"\bsif\b|\bilacs\b|inspections? of local authority children['’]?s services)"
                       r"(?:\s+(?:framework|regime))?\s*\)?", re.I)  # (which framework: every report is one)


def without_framework(question: str) -> str:
    """``question`` less the inspection framework it names ("... in 2016 (single inspection framework)")."""
    return re.sub(r"\s+([?.!])", r"\1", re.sub(r"\s{2,}", " ", FRAMEWORK.sub(" ", question))).strip()


CONTRACTED = {w.replace("'", ""): w for w in """don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't
    couldn't wouldn't shouldn't can't won't""".split()}  # typed without the apostrophe ("werent doing proper checks")
CONTRACTED_WORD = re.compile(rf"\b({'|'.join(CONTRACTED)})\b", re.I)


def with_apostrophes(question: str) -> str:
    """``question`` with its negations typed without an apostrophe written with one ("werent": "weren't")."""
    return CONTRACTED_WORD.sub(lambda m: m.group(0)[0] + CONTRACTED[m.group(0).lower()][1:], question)
