"""When a question dates its reports: the years it names ("2019", "between 2019 and 2025", "2018 or later",
"before 2016"), a month ("inspected in March 2023"), "the latest", and which years a report counts for."""

from __future__ import annotations

import re

from ingest.models import ReportMeta
from service.answering.grades import NUMBERS, asks_for_grade
from service.answering.graded_when import graded_as_said
from service.answering.organisations import latest_per_body
from service.answering.text import A_YEAR, MONTH

YEAR = A_YEAR
YEAR_PHRASE = re.compile(rf"\b(?:pre|post)[\s-]+{YEAR.pattern}(?:[-–][\w-]+)?|"  # ("pre-2018-ratings": when)
                         rf"(?:\b(?:since|from|after|before|until|during)\s+)?{YEAR.pattern}", re.I)  # "since 2020"
SPAN_YEARS = re.compile(r"\b(?:between|from)?\s*((?:19|20)\d\d)\s*(?:and|to|-|–|until)\s*((?:19|20)\d\d)\b", re.I)
SHORT_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b(?![-–/]?\d)")  # a school or financial year
NOW_THAN = (r"\b(?:now|today|these days|nowadays|currently)\s+(?:than|compared\s+(?:with|to))\s+(?:in\s+)?"
            r"((?:19|20)\d\d)\b")  # ("more now than in 2018": since 2018)
OPEN_AFTER = re.compile(r"\b((?:19|20)\d\d)\s+(?:or|and)\s+(?:later|after|since)|"
                        r"\b(?:since|after|post)[\s-]+(?:" + MONTH.pattern.replace("(", "(?:", 1) + r"\s+)?"
                        r"((?:19|20)\d\d)(?![-–][A-Za-z])"
                        r"(?:\s+onwards?)?|"  # "post-2018", "since jan 2015"
                        r"\bsince\s+(?:the|its|their)\s+((?:19|20)\d\d)\s+(?:inspection|report|visit|one)\b|"  # (what
                        # has happened "since the 2019 inspection": the reports after it tell)
                        r"\bsince\s+(?:it|they|he|she)\s+(?:was|were|got|had\s+been)\s+(?:[\w-]+\s+){1,3}?(?:in|at)\s+"
                        r"((?:19|20)\d\d)\b|"  # ("since it was failed in 2019", "since they were rated inadequate in 2019")
                        r"\bfrom\s+((?:19|20)\d\d)\s+(?:on|onwards?|forwards?)\b|"
                        r"\b((?:19|20)\d\d)\s+(?:onwards?\b|and beyond\b|on(?=\s*(?:[),;.?]|$)))|" + NOW_THAN, re.I)  # "reports from
# 2023": of 2023
DATED_BY = re.compile(r"\b(publish\w*|inspected|inspections?|visited|fieldwork|reports?)\b", re.I)  # a month dates them
MONTH_YEAR = re.compile(rf"{MONTH.pattern}\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
YEAR_AFTER = (r"[\s-]+(?:(?:the|its|their)\s+)?(?:(?:january|february|march|april|may|june|july|august|september|"
              r"october|november|december)\s+)?((?:19|20)\d\d)\b(?![-–][A-Za-z])")  # ("the March 2020 one"; not
# "2018-ratings inspections": of a kind)
BEFORE = re.compile(r"\b(?:before|prior\s+to|pre)" + YEAR_AFTER, re.I)  # ("before the 2019 one", "pre-2020")
EVENT_BEFORE = re.compile(r"(?<!inspection )(?<!one )(?<!report )(?<!visit )(?<!time )(?<!rated )(?<!graded )"
                          r"(?<!judged )(?<!rating )(?<!grade )(?:before|prior\s+to)" + YEAR_AFTER, re.I)
# (something that happened "before the 2017 inspection", which that report tells; not "the inspection before it")
REPORT_YEAR = re.compile(r"\b(?:19|20)\d\d(?:['’]s)?\s+(?:[\w'’]+\s+){0,3}(?:inspection|report|review|visit|rating|"
                         r"grade)s?\b|\b(?:inspect\w*|report\w*|review\w*|visit\w*|publish\w*|rat\w+|grade\w*|"
                         r"judged)\b[^.?!]{0,40}\b(?:19|20)\d\d\b", re.I)  # a year that dates the report itself
BESIDE_NAME = re.compile(r"\s*(?:[(,]\s*|['’]s\s+)?(?:in\s+)?(?:19|20)\d\d\b")  # "A (2018 inspection) vs B": A's


def dates_every_body(question: str, ends: list[int]) -> bool:
    """True when a year dates the reports asked about ("A vs B, 2019 reports"), not one body's own beside its
    name, which ends at one of ``ends`` ("merseyside (2018 inspection) vs hampshire": the other's as it is)."""
    return bool(REPORT_YEAR.search(question)) and not any(BESIDE_NAME.match(question, end) for end in ends)


LATEST_ONLY = re.compile(r"(?<!since )(?<!since the )(?<!since their )(?<!since its )\b(last|latest|most recent|newest|"
                         r"current|recent)\b(?!\s+(?:year|years|time|two|few|three)\b)|"  # "was last inspected"
                         r"^\W*(?:is|are|was|were|has|have|does|do)\b[^?]*\b(?:still|currently|presently|now)\b|"
                         r"^\W*how\s+(?:is|are)\b[^?]*\bdoing\b|"  # ("how is X doing with Y": now)
                         r"\b(?:these days|nowadays|at the moment|at present|right now|as things stand)\b|"
                         r"\blast time\b(?=\s*(?:round|around)?\s*[?.!]*\s*$|\s+(?:(?:when|that)\s+)?(?:it|they|ofsted|"
                         r"inspectors)\s+(?:was\s+|were\s+)?(?:inspected|visited|came|looked))", re.I)
# ("what was swindon rated last time?"; not "the last time they were rated good")

KEPT = re.compile(r"\b(keep|kept|retain(ed)?|maintain(ed)?|hold on to|held on to)\s+(that|this|it|its|their|the same)\b|"
                  r"\b(stay|stayed|remain|remained)\s+(that|so|the same)\b", re.I)  # ("was X good before - did it
# keep that at the most recent inspection?": the latest report and the one before it)

FIRST_ONLY = re.compile(r"(?<!since )(?<!since its )(?<!since their )(?<!since the )(?<!from )(?<!from its )\b(?:first|"
                        r"earliest|oldest)\s+(?:(?:rated|full|standard|ofsted|graded)\s+)?"
                        r"(?:inspection|report|visit)s?\b|"
                        r"\bthe first time\b(?=[^?.]*\b(?:inspected|visited|looked at|rated|checked|assessed)\b)|"
                        r"\b(?:the )?first time (?:a)?round\b",
                        re.I)  # ("tell me about X's first rated inspection", "the first time X was looked at"; not
# "since its first inspection")

ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
NTH_ONLY = re.compile(r"\b(second|third|fourth|fifth)\s+(?:(?:rated|full|standard|ofsted|graded)\s+)?"
                      r"(?:inspection|report|visit)\b|\b(second|third|fourth|fifth) time (?:a)?round\b", re.I)


GRADE_BEFORE = r"\b(?:previous|earlier|prior|preceding|former)\s+((?:overall\s+)?(?:grade|rating|judge?ment)s?)\b"
BEFORE_LATEST = re.compile(GRADE_BEFORE + r"|\bpreviously\s+(?:rated|graded|judged)\b|"
                           r"\b(?:rated|graded|judged)\s+previously\b|\b(?:rated|graded|judged|"
                           r"grades?|ratings?)\b[^?]*\b(?:at|in|from)\s+(?:its|their|the)\s+(?:previous|prior|"
                           r"preceding)\s+(?:full\s+)?(?:inspection|visit|report)\b|"
                           r"(?<!since )(?<!since the )(?<!since its )(?<!since their )(?<!than the )(?<!than its )"
                           r"(?<!with the )(?<!with its )(?<!to the )(?<!to its )\b(?:previous|earlier|prior|preceding|"
                           r"former|older)\s+(?:[\w'’&-]+\s+){0,4}?(?:inspection|visit|report)\b", re.I)
# ("when did the earlier DLNR inspection report come out?"; "X's previous grade",
# "what was X rated at its previous inspection": the report before its latest; not "since its previous inspection")


def before_latest_blanked(question: str) -> str:
    """The question with the word that chose the report before the latest blanked ("X's previous grade" asks for
    that report's grade, not for what it says of an earlier one); its length, and so names' places, kept."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"\b(?:previous(?:ly)?|earlier|prior|preceding|former)\b", lambda w: " " * len(w.group(0)),
                      match.group(0), flags=re.I)
    return BEFORE_LATEST.sub(blank, question)


def ordinal_asked(question: str) -> int | None:
    """Which of a body's reports, oldest first, the question asks about ("its first inspection": 1, "how did X
    get on second time round?": 2); None when it asks none."""
    if FIRST_ONLY.search(question):
        return 1
    nth = NTH_ONLY.search(question)
    return ORDINALS[(nth.group(1) or nth.group(2)).lower()] if nth else None


DONE = r"carried out|conducted|done|happened|occurred"  # (an inspection "done in 2021": the visits' year)
PART_OF_YEAR = re.compile(r"\b(?:the\s+)?(?:end|start|beginning|middle|mid|turn|late|early|spring|summer|autumn|fall|"
                          rf"winter)\b(?=[\s-]+(?:of\s+)?(?:19|20)\d\d\b)|\b(?:{DONE})\b"
                          r"(?=\s+(?:in|during)\s+(?:19|20)\d\d\b)", re.I)  # "at the end of 2023", "carried out in
# 2019": when, not what


NEXT_INSPECTION = re.compile(r"\b(?:when['’]s|when\s+(?:is|are|will|might|should)|(?:what|which)\s+(?:date|month|year)\s+"
                             r"(?:is|will))\b[^?]*\b(?:next|upcoming|future)\s+(?:\w+\s+){0,2}?(?:inspections?|visits?|"
                             r"reports?)\b|\bwhen\s+(?:will|might|should)\b[^?]*\b(?:next\s+)?be\s+(?:re-?)?inspected\b|"
                             r"\b(?:next|upcoming|future)\s+(?:\w+\s+){0,2}?(?:inspections?|visits?)\s+(?:\w+\s+){0,3}?"
                             r"(?:due|scheduled|planned|expected|booked|coming up)\b|"
                             r"\b(?:due|scheduled|planned|expected)\s+(?:to\s+be\s+)?(?:re-?)?inspected\b", re.I)


FUTURE_GRADE = re.compile(r"\b(?:is|are)\s+(?:it|they|\w+)\s+(?:expected|likely|predicted|going)\s+to\s+(?:get|receive|"
                          r"be\s+(?:rated|graded|judged))\b|\bwhat\s+(?:grade|rating|judge?ment)\s+will\b|"
                          r"\bwhat\s+will\s+(?:it|they|\w+)\s+(?:get|be\s+rated)\b", re.I)  # a future grade


def future_asked(question: str) -> str | None:
    """What the reports cannot say when a question asks when the next inspection will be ("when is Halton's next
    Ofsted inspection scheduled?") or what it will find ("what is it expected to get?"): they tell of inspections
    done, not of any planned."""
    if NEXT_INSPECTION.search(question):
        return "the reports tell of inspections done, not when the next will be"
    return "the reports tell of inspections done, not what the next will find" if FUTURE_GRADE.search(question) \
        else None


AND_LATEST = re.compile(r"\b(?:and|with|to|against|versus|vs\.?)\s+(?:the|its|their)\s+(?:most\s+recent|latest|last|current|"
                        r"newest)(?:\s+(?:one|inspection|report|visit))?\b", re.I)  # ("between 2015 and the latest")
THEN_BEFORE = re.compile(r"\b(?:before|prior to)\s+(?:it|they|the council|the (?:local )?authority)\s+(?:got|was|were|"
                         r"became|received|achieved|went|moved|improved|dropped|fell)\b[^?.]{0,40}?\b(?:in|during)\s+"
                         r"((?:19|20)\d\d)\b", re.I)  # ("what grade did X have before it got outstanding in 2024?")


NEXT_AFTER = re.compile(r"\b(?:next|following|subsequent)\s+(?:time|inspection|visit|report|one)\b|\bafter\s+(?:the|its|"
                        r"their)\s+(?:19|20)\d\d\s+(?:inspection|visit|report|one)\b", re.I)  # ("X
# was inadequate in 2016 - what did ofsted find next time?": the report after that year's)


def around_events(question: str, chosen: list[ReportMeta], dated: list[ReportMeta],
                  fieldwork: bool) -> list[ReportMeta]:
    """The reports of one body's ``chosen`` that a question dates by an event rather than by its years: the one
    before the year's that brought a grade ("before it got outstanding in 2024"); that year's and the latest
    ("between the 2015 inspection and the most recent one"); the one after the year's ("next time", "after the
    2019 inspection"); with those before it, the one of the year of what happened before it ("before the 2017
    inspection": that report says what came before); else those of the grade that dates it (``graded_as_said``)."""
    if then := THEN_BEFORE.search(question):
        return latest_per_body([m for m in chosen if m.published and m.published.year < int(then.group(1))]) or dated
    if year := next_after(question):
        then = [m.published for m in chosen if m.published and in_years(m, [(year, year)], fieldwork)]
        after = sorted((m for m in chosen if then and m.published and m.published > max(then)), key=lambda m: m.published)
        return after[:1] or dated
    if dated and AND_LATEST.search(question):
        return dated + [m for m in latest_per_body(chosen) if m not in dated]
    if (named := EVENT_BEFORE.search(question)) and not (dated and asks_for_grade(question)):  # (its report tells,
        return dated + [m for m in chosen if in_years(m, [(int(named.group(1)),) * 2], fieldwork) and m not in dated]
    # the earlier ones what they saw then)
    return graded_as_said(question, dated)  # ("going by the report that rated them inadequate")


RATED_AFTER = re.compile(r"\b(?:rated|graded|judged|scored|rating|grade|judgement)\s+after\s+(?:the|its|their)\s+"
                         r"(?:19|20)\d\d\s+(?:inspection|visit)", re.I)  # (what that inspection gave it)


def next_after(question: str) -> int | None:
    """The one year a question asks about the inspection after ("inadequate in 2016 - what about next time?"; not
    "how was X rated after its 2019 inspection?", which asks what that one gave)."""
    years = set(YEAR.findall(question)) if NEXT_AFTER.search(question) and not RATED_AFTER.search(question) else set()
    return int(years.pop()) if len(years) == 1 else None


def parse_years(question: str) -> list[tuple[int, int]]:
    """Year intervals a question names: "2019", "between 2019 and 2025", "2017-18", "2018 or later", "before
    2016"; not the year of an event the reports before it are asked about ("before it got outstanding in 2024")."""
    question = SINCE_THE_ONE_BEFORE.sub(r" \1 ", THEN_BEFORE.sub(" ", question))
    if next_after(question):
        return []  # (the year of the report before the one asked about)
    spans = [(int(a), int(b)) for a, b in SPAN_YEARS.findall(question)]
    spans += [(int(a), int(a[:2] + b)) for a, b in SHORT_SPAN.findall(question)]  # "2017-18", "2018/19"
    spans += [(int(next(filter(None, found))), 9999) for found in OPEN_AFTER.findall(question)]
    spans += [(0, int(m.group(1)) - 1) for m in BEFORE.finditer(question)
              if not (PERIOD_BEFORE.search(question[:m.start()]) and m.group(0).count(" ") > 1)]  # ("in the
    # year before its 2024 inspection": a time in 2024's report; "five years before its 2022 report": before)
    if spans:
        dated = [int(YEAR.search(m.group(0)).group(0)) for m in REPORT_YEAR.finditer(question)]
        outside = [y for y in dated if not any(lo <= y <= hi for lo, hi in spans)]
        bounded = len(spans) == 1 and 0 < spans[0][0] and spans[0][1] < 9999  # (not "the year before 2019")
        if len(outside) == 1 and bounded and ONE_IN.search(question):
            return [(outside[0], outside[0]), *spans]  # ("Tameside's 2019 inspection compared with the one in
            # 2023/24": two reports)
        return [(outside[0], outside[0])] if len(outside) == 1 and bounded else spans  # ("Torbay 2018
        # report - attendance in 2016/17": the 2018 report; 2016/17 dates what it counts)
    years = [int(y) for y in dict.fromkeys(YEAR.findall(question))]
    if len(years) == 1 and (beside := YEAR_BESIDE.search(question)):  # "in 2019 than the year before": 2018 too
        said = next(word for word in beside.groups() if word).lower()
        years.append(years[0] + (1 if said in ("after", "later", "following", "next") else -1))
    return [(y, y) for y in years]


ONE_IN = re.compile(r"\b(?:the\s+one|inspection|report|visit)\s+(?:in|of|from)\s+(?:19|20)\d\d\s*[-–/]", re.I)
# (a span that dates a report of its own: "the one in 2023/24")
SINCE_THE_ONE_BEFORE = re.compile(r"\bsince\s+(?:the|its|their)\s+(?:last\s+|previous\s+)?(?:inspection|one|visit|"
                                  r"report)\s+before\s+(?:the|its|their)\s+((?:19|20)\d\d)\b", re.I)  # (what
# changed "since the inspection before the 2022 one": that year's report tells)
PERIOD_BEFORE = re.compile(r"\b(?:in|during|over|within)\s+the\s+(?:\w+\s+)?(?:year|month|week|day|period)s?\s+$", re.I)
YEAR_BESIDE = re.compile(r"\bthe\s+(?:year|inspection|one)\s+(before|after)\b(?!\s+(?:(?:the|its|their)\s+)?\d)|"
                         r"\b(?:a|one)\s+year\s+(earlier|later)\b|"
                         r"\bthe\s+(previous|following|next)\s+year\b", re.I)
FIELDWORK_YEAR = re.compile(rf"\b(?:{DONE}|took place|fieldwork)\s+(?:in|during)\s+(?:19|20)\d\d\b|"
                            r"\b(?:inspect\w*|visit\w*)\s+during\s+(?:19|20)\d\d\b", re.I)
# ("inspections carried out in 2019", "inspections during 2022": the visits' year; "councils inspected in 2017" is
# read as the reports' year: the frozen question sets were keyed so)


def of_fieldwork_asked(question: str, metas: list[ReportMeta], spans: list[tuple[int, int]]) -> list[ReportMeta]:
    """The reports whose fieldwork was in the years asked when the question dates the inspection itself
    ("inspections carried out in 2019": Blackpool's report of January 2019, on its visit of December 2018, is not);
    all of them otherwise (or for a report whose fieldwork dates were not read)."""
    if not spans or not FIELDWORK_YEAR.search(question):
        return metas
    fieldwork = {m.report_id: {int(y) for y in YEAR.findall(m.inspection_dates or "")} for m in metas}
    return [m for m in metas if not fieldwork[m.report_id]
            or any(lo <= y <= hi for y in fieldwork[m.report_id] for lo, hi in spans)]


def report_years(meta: ReportMeta, with_fieldwork: bool) -> set[int]:
    """The report's publication year; with ``with_fieldwork`` (or when it has no publication date) also the
    years of its fieldwork."""
    years = {meta.published.year} if meta.published else set()
    if (with_fieldwork or not years) and meta.inspection_dates:
        years |= {int(y) for y in YEAR.findall(meta.inspection_dates)}
    return years


def in_years(meta: ReportMeta, spans: list[tuple[int, int]], with_fieldwork: bool) -> bool:
    years = report_years(meta, with_fieldwork)
    if not spans:
        return True
    if not years:
        return with_fieldwork  # a report of unknown date cannot be ruled out of a question about one body
    return any(lo <= y <= hi for y in years for lo, hi in spans)


def in_months(meta: ReportMeta, months: list[tuple[str, str]], asked: str | None = None) -> bool:
    """True for a report published in one of the months, or whose fieldwork dates name the month and year
    (``asked``: "published" or "inspected" only)."""
    dates = (meta.inspection_dates or "").lower()
    if asked != "inspected" and meta.published and meta.published_precision != "year":
        published = (meta.published.strftime("%b").lower(), str(meta.published.year))
        if published in {(name.lower()[:3], year) for name, year in months}:  # ("Jan", "January": one month)
            return True
    return asked != "published" and any(name.lower()[:3] in dates and year in dates for name, year in months)


def of_month_asked(question: str, metas: list[ReportMeta]) -> list[ReportMeta]:
    """The reports of the month a question dates them by ("councils inspected in March 2023", "reports published
    in January 2025"): published then, or fieldwork dates naming it; all of them when it names no such month."""
    months = MONTH_YEAR.findall(question)
    if not months or not DATED_BY.search(question):  # ("the rating method introduced in April 2018")
        return metas
    asked = "published" if re.search(r"\bpublish", question, re.I) else "inspected" if re.search(
        r"\b(inspected|inspections?|visited|fieldwork)\b", question, re.I) else None
    return [m for m in metas if in_months(m, months, asked)]


def years_held(chosen: list[ReportMeta], bodies: list[str]) -> str:
    """The years of the named body's reports, for a question dated when it has none ("; Sunderland's reports are
    of 2015, 2018, 2021 and 2025"), or of all reports when none is named ("; they run from 2013 to 2025")."""
    names = list(dict.fromkeys(bodies))
    years = sorted({m.published.year for m in chosen if m.published})
    if not names and len(years) > 1:
        return f"; they run from {years[0]} to {years[-1]}"
    if len(names) != 1 or not years:
        return ""
    listed = ", ".join(map(str, years[:-1])) + f" and {years[-1]}" if len(years) > 1 else str(years[0])
    return f"; {names[0]}'s report{'s are' if len(years) > 1 else ' is'} of {listed}"


def other_years_note(named: list[str], spans: list[tuple[int, int]], chosen: list[ReportMeta]) -> str | None:
    """A note when the years asked of the bodies ``named`` have no report and their other reports answer instead."""
    if not named or not spans or not chosen or any(in_years(m, spans, with_fieldwork=True) for m in chosen):
        return None
    lo, hi = spans[0]
    when = str(lo) if lo == hi else f"before {hi + 1}" if not lo else f"{lo}–{hi}" if hi != 9999 else f"{lo} or later"
    return f"No report on {' or '.join(named)} in this index is dated {when}; " \
           f"{'its' if len(named) == 1 else 'their'} other reports say:"


COUNT_WORDS = {"a": 1, "one": 1, **NUMBERS}
COUNTED_YEARS = rf"(\d{{1,2}}|{'|'.join(COUNT_WORDS)})"
CALENDAR = re.compile(rf"\b(?:(in|over|during)\s+the\s+(?:last|past)\s+(?:{COUNTED_YEARS}\s+)?years?|"
                      rf"(?<!the )(this|last)\s+year|(?:the\s+)?year\s+before\s+last|{COUNTED_YEARS}\s+years?\s+ago)"
                      r"\b", re.I)


SAME_YEAR = re.compile(r"\b(?:in\s+|during\s+)?(?:the|that)\s+same\s+year\b", re.I)


def in_calendar_years(question: str, this_year: int) -> str:
    """The question with the years it counts from today written out: "last year" is this_year - 1, "two years
    ago" and "the year before last" this_year - 2, "in the past three years" a span to this year. A question
    that names a year already counts from that year ("in 2019, and the year before"), and its "the same year" is
    that year ("X's 2018 inspection and Y's the same year": Y's 2018)."""
    if named := set(YEAR.findall(question)):
        return SAME_YEAR.sub(f"in {named.pop()}", question) if len(named) == 1 else question
    return CALENDAR.sub(lambda m: _years_meant(m, this_year), question)


def _years_meant(match: re.Match[str], this_year: int) -> str:
    span_in, span_n, which, ago_n = match.groups()
    possessive = match.string.startswith(("'s", "’s"), match.end())  # ("last year's inspection": 2025's)
    if span_in:
        return f"{span_in} {this_year - _count(span_n)}-{this_year}"
    back = (which.lower() == "last") if which else 2 if ago_n is None else _count(ago_n)
    return f"{'' if possessive else 'in '}{this_year - back}"


def _count(word: str | None) -> int:
    return 1 if word is None else int(word) if word.isdigit() else COUNT_WORDS[word.lower()]
