"""Questions about grades, answered from the grades read at ingest (``ReportMeta.overall`` / ``.areas``), each
cited to the passage it was read from: its provenance when that quote is on its page, else the first short
line of the report's opening pages that names the judgement and the grade."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.models import GRADES, Grade, ReportMeta
from service.answering.areas import AreaNames, area_key
from service.answering.evidence import Claim, Evidence, Pages, provenance_evidence, scan_pages
from service.answering.thesaurus import in_reports_words
from service.answering.text import A_YEAR, MONTH, content_words, stem, stems, without_framework, words

GRADE_NAME = r"(requires?\s+improvement(\s+to\s+be\s+good)?|outstanding|good|inadequate)"  # a grade as written
GRADE_WORD = re.compile(rf"\b{GRADE_NAME}\b", re.I)
FROM_TO = re.compile(rf"\bfrom\s+(?:being\s+)?(?:(?:rated|judged|graded)\s+(?:as\s+)?)?{GRADE_NAME}\s+(?:\w+\s+){{0,4}}?to\s+"
                     rf"{GRADE_NAME}\b", re.I)  # a change of grade ("from being rated inadequate to outstanding")
REPEATED = re.compile(r"\b(twice|more than once|repeatedly|(multiple|several|two|three|four) times|"
                      r"on (more than one|two|three|several|multiple) occasions)\b", re.I)  # "inadequate more than once"
PREDICATE_GRADE = re.compile(rf"^\s*(was|were|is|are)\b[^?]*?(?<!\bany )\b{GRADE_NAME}\s*(?:now|still|overall|today|"
                             rf"(?:in|at)\s+(?:(?:19|20)\d\d|(?:its|their|the)\s+(?:last|latest)\s+\w+))?\s*\??\s*$",
                             re.I)  # the grade is what is said of the body ("any good" asks how it did)
STATED_AFTER = re.compile(r"\s*(?:$|[.,;:)–—-]|\d|\b(?:for|overall|in|on|since|across|from|during|when|as|"
                          r"and|but|with|because|although|while|by)\b)", re.I)  # what may follow a grade given
ALL_GRADE = re.compile(r"\b(?:characteristics|definition|descriptors?)\s+of\s+$", re.I)  # ("the characteristics of good")
GRADE_MENTION = re.compile(r"\b(requires?\s+improvement(\s+to\s+be\s+good)?|RI|outstanding|good|inadequate)\b", re.I)
GRADE_TEXT = {**{grade: grade for grade in GRADES}, "requires improvement": r"requires?\s+improvement"}
ALL_AREAS = re.compile(r"\ball\s+(?:(\w+)\s+)?(?:of\s+(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(standards|areas|judgements|judgments|ratings)\b|"
                       r"\ball\s+(two|three|four|five|six|seven)\s+(?:were\s+)?(?:rated|judged)\b|"
                       r"\b(?:every|each)\s+(?:single\s+)?(?:one\s+of\s+(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:standards?|areas?|judge?ments?|ratings?)\b", re.I)  # ("every single case supervision standard")
# ("all four rated inadequate"; "list all local authorities judged RI" is said of the organisations)
ANY_AREA = re.compile(rf"\b(?:any|at least one|one or more)\s+(?:of\s+(?:the|its|their)\s+)?(?:(?:{GRADE_NAME})\s+"
                      r"(?:marks?|ratings?|grades?|standards?|areas?|judge?ments?)\b|(?:[\w-]+\s+)?(?:standards?|"
                      r"areas?|judge?ments?)\s+(?:\w+\s+)?(?:rated|judged|graded|as)\b)|\b(?:for|in)\s+(?:any|some)\s+"
                      r"(?:[\w-]+\s+)?(?:standards?|areas?|judge?ments?|parts?|aspects?)\b|\bfor\s+anything\b|\b(?:a|one)\s+"
                      r"(?:[\w-]+\s+)?(?:standard|area|judge?ment)\s+(?:\w+\s+)?(?:rated|judged|graded)\b|"
                      r"^\W*(?:which|what)\s+(?:standards|areas|judge?ments)\s+(?:were|have\s+been|got)\s+(?:rated|judged|"
                      r"graded)\b|\b(?:was|were|is|are)\s+there\s+(?:any|an?)\s+(?:part|area|bit|aspect|judge?ment)s?\b",
                      re.I)  # (some area; "which standards were rated outstanding anywhere?", "was there any part
# they didn't get good for?")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
ANY_RATING = re.compile(r"\b(an?|any|some)\s+(overall\s+)?(rating|grade|judge?ment)\b|"
                        r"\b(were|was|been)\s+(rated|graded)\b", re.I)
OVERALL = re.compile(r"\boverall\b", re.I)
NEGATED = re.compile(r"(?:\bnot|n['’]t|\bbelow|\bshort of|\bless than)\s+(?:(?:rated|judged|graded|found|as|yet|quite|"
                     r"even|been|given|awarded|get|got|receive|received|an?)\s+)*$", re.I)  # a grade denied ("never":
# of every report, asked otherwise)
BOTH = re.compile(r"\bboth\b|\beach of\b|\bevery one of\b", re.I)
CLAUSE_BREAK = re.compile(r"\b(?:but|while|whereas|yet|then|and)\b|;")  # "good overall but RI for X": X is the second's
CALLED = (r"call(?:ed)?|rated|judged|found|deemed|graded|considered|labell?ed|label|class(?:ed|ified)|regarded|"
          r"assessed|as")  # verbs that give a grade: "did Ofsted label as failing", "considered excellent"
PLAIN_GRADES = [  # everyday names of the grades, read as the grade itself
    (re.compile(r"\b(?:not good enough|below good|less than good|worse than good)\b", re.I),
     "requires improvement or inadequate"),
    *((re.compile(rf"\bsecond[- ](?:{said})(?:\s+possible)?\s+(?:grade|rating|mark|judge?ment|score)s?\b", re.I), grade)
      for said, grade in (("best|highest|top", "good"), ("worst|lowest", "requires improvement"))),
    (re.compile(r"\b(?:flunk(?:ed|ing)?|fail(?:ed|ing)?)\s+(?:\([^()]*\)\s+)?(?:their|there|its|the|an?)\s+"
                r"(?:[\w'’]+\s+){0,3}?(?:inspections?\b|"
                r"ofsteds?\b(?!\s+inspections?\b))", re.I),
     "were rated inadequate"),
    (re.compile(rf"\b({CALLED}|were|was|is|are|be|been)\s+excellent\b", re.I), r"\1 outstanding"),
    (re.compile(r"\b(?:the\s+)?(?:best|top|highest)\s+possible\s+(?:(overall)\s+)?"
                r"(?:grade|rating|mark|judge?ment|score)s?\b|"
                r"\btop (?:marks?|grades?|ratings?|categor(?:y|ies))\b", re.I), r"outstanding \1"),
    # ("the best rating": a rank; "the best possible overall rating" keeps "overall": of the body, not a topic after it)
    (re.compile(rf"\b[a-z][\w'’-]*\s+\(\s*{GRADE_NAME}\s*\)", re.I), r"\1"),  # (a word the grade in brackets
    # glosses: "rate support as exceptional (outstanding)" asks that grade)
    (re.compile(r"\btop-rated\b", re.I), "top rated"),  # (a rank: the highest grade given, whatever it is)
    (re.compile(rf"\b{GRADE_NAME}[- ]rated\b", re.I), r"rated \1"),  # "inadequate-rated councils"
    (re.compile(r"\b(?:ofsted|inspectors?|inspectorate)\s+(?:has\s+|have\s+)?fail(?:ed)?\b(?!\s+to\b)", re.I),
     "were rated inadequate"),  # "the councils Ofsted failed in 2019"
    (re.compile(r"\b(?:the\s+)?(?:worst|lowest|bottom)\s+possible\s+(?:(overall)\s+)?"
                r"(?:grade|rating|mark|judge?ment|score)s?\b|"
                r"\bbottom (?:grades?|ratings?)\b", re.I), r"inadequate \1"),
    (re.compile(rf"\b(were|was|are|is|been|{CALLED})\s+(?:rated\s+|judged\s+|to\s+be\s+)?(?:as\s+)?"
                r"fail(?:ing|ed)\b(?!\s+to\b)", re.I), r"\1 inadequate"),
    (re.compile(r"\b(?:fail(?:ing|ed)?|flunk(?:ing|ed)?)\s+(?:grade|rating|mark|judge?ment|score)s?\b", re.I),
     "inadequate"),  # "was any company given a failing grade?"
    (re.compile(r"\brequir(?:ing|ed) improvement\b|\bneed(?:s|ed|ing)? improvement\b", re.I), "requires improvement"),
    (re.compile(r"\bgood or (?:better|above)\b|\bat least good\b", re.I), "good or outstanding"),
    (re.compile(r"\b(?:were|was|are|is|been|be)\s+found\s+wanting\b", re.I), "were rated requires improvement or "
                                                                              "inadequate"),  # (idioms of a verdict)
    (re.compile(r"\b(?:an?\s+)?clean bill of health\b", re.I), "a rating of good or outstanding"),
    (re.compile(r"\b(?:an?\s+)?(?:positive|favourable|favorable)\s+(?:(overall)\s+)?(?:verdict|grade|rating|"
                r"judge?ment|score|mark)s?\b", re.I), r"good or outstanding \1"),  # ("a positive overall verdict")
    (re.compile(r"\b(?:an?\s+)?(?:negative|unfavourable|unfavorable)\s+(?:(overall)\s+)?(?:verdict|grade|rating|"
                r"judge?ment|score|mark)s?\b", re.I), r"requires improvement or inadequate \1"),
    (re.compile(r"\b(?:(?:were|was|are|is)\s+not|(?:weren|wasn|aren|isn)['’]t)\s+(?:yet\s+good|good\s+yet)\b", re.I),
     "were rated requires improvement"),
]  # ("weren't good yet": Ofsted's "requires improvement to be good")


def stated_grades(text: str) -> set[Grade]:
    """The grades a sentence gives as a judgement: a grade word ending the sentence or a clause ("services are
    good, and"; "Overall effectiveness Good") or followed by when or what for ("judged outstanding in 2016"); not
    one that qualifies what follows ("made good use of", "very good at", "an LSCB that is good co-ordinates")."""
    return {grade for m in GRADE_WORD.finditer(text) if (grade := grade_of(m.group(0)))
            and STATED_AFTER.match(text, m.end()) and not ALL_GRADE.search(text[:m.start()])}


def grade_of(text: str) -> Grade | None:
    text = text.lower()
    if re.search(r"requires?\s+improvement", text) or text.strip() == "ri":
        return "requires improvement"
    return next((g for g in GRADES if g != "requires improvement" and re.search(rf"\b{g}\b", text)), None)


def plain_grades(question: str) -> tuple[str, bool]:
    """The question with everyday names of grades replaced by the grades ("the best possible grade" ->
    "outstanding", "failing" -> "inadequate", "good or better" -> "good or outstanding"), and whether any was;
    the framework that gave them is dropped ("inadequate in 2016 (single inspection framework)")."""
    if len((plain := without_framework(question)).split()) > 2:  # ("what is the SIF?" stays a question)
        question = plain
    original = question
    for pattern, grade in PLAIN_GRADES:
        question = pattern.sub(grade, question)
    return question, question != original


@dataclass
class Condition:
    """One requirement on a report's grades: ``area`` None means the overall grade; ``grade`` None means any;
    ``also`` holds other grades that satisfy it ("good or outstanding")."""

    grade: Grade | None
    area: str | None = None
    all_areas: bool = False
    any_area: bool = False
    count: int | None = None
    also: set[str] = field(default_factory=set)
    year: int | None = None  # of the report it is asked of ("requires improvement in 2019 but good in 2023")

    def accepts(self, grade: str | None) -> bool:
        return grade is not None and (self.grade is None or grade == self.grade or grade in self.also)


GOT_FOR = re.compile(r"\bwhat\s+(?:did|does|do)\s+(?:[\w'’&-]+\s+){1,4}?(?:get|receive|achieve|score)\s+"
                     r"(?:for|in|on)\b", re.I)  # "what did they get for help and protection": a grade
GRADE_FOR = re.compile(rf"\b{GRADE_NAME}\s+(?:(?:marks?|grades?|ratings?|scores?|reviews?)\s+)?(?:for|on)\s+"
                       r"(?:(?:their|its|the)\s+)?(?P<what>[\w'’ -]+)", re.I)
NOT_A_TOPIC = {stem(w) for w in "first second last time times year years overall effectiveness again once twice "
                                 "previous earlier prior preceding former latest recent next later".split()}  # (when)


def side_of_graded_topic(question: str, found: list[Condition]) -> str | None:
    """"Which companies got good marks for their community payback schemes?": a grade given to a topic no judgement
    is named for is praise of it ("positive"; of a weak grade, "concern"), not the overall grade."""
    if len(found) != 1 or found[0].area is not None or found[0].all_areas or found[0].any_area or OVERALL.search(
            question):  # ("outstanding for any standard": some judgement's grade)
        return None
    match = GRADE_FOR.search(question)
    what = [w for w in content_words(match.group("what")) if stem(w) not in NOT_A_TOPIC and not w.isdigit()] \
        if match else []  # ("rated good for the first time": when, not what)
    return (None if not what else "positive" if found[0].grade in ("good", "outstanding") else "concern")


def times_asked(question: str) -> int:
    """How many reports with the grade a question asks of each body ("twice", "three times": 2, 3; 0: none)."""
    said = REPEATED.search(question)
    return 0 if said is None else {"three": 3, "four": 4}.get((said.group(2) or said.group(3) or "").lower(), 2)


def conditions(question: str, areas: AreaNames) -> list[Condition]:
    """Grade requirements a question states: each grade word paired with the area named next to it."""
    mentions = list(GRADE_MENTION.finditer(question))
    every = ALL_AREAS.search(question)
    if not mentions and ANY_RATING.search(question):
        return [Condition(None, None if OVERALL.search(question) else areas.best(question))]
    if every and mentions:
        count = NUMBERS.get((every.group(1) or every.group(3) or "").lower())
        return [Condition(grade_of(mentions[0].group(0)), all_areas=True, count=count)]
    if ANY_AREA.search(question) and len(mentions) == 1:
        return [Condition(grade_of(mentions[0].group(0)), any_area=True)]
    out: list[Condition] = []
    denied: set[str] = set()
    for i, mention in enumerate(mentions):
        between = question[mentions[i - 1].end() if i else 0:mention.start()]
        before = CLAUSE_BREAK.split(between)[-1]
        after = question[mention.end():mentions[i + 1].start() if i + 1 < len(mentions) else len(question)]
        area, grade = _area_near(before, after, areas), grade_of(mention.group(0))
        if out and re.fullmatch(r"[\s,]*(or|and/or)?[\s,]*", between, re.I) and out[-1].area == area:
            if denied:  # "not good or outstanding": neither
                _deny(out[-1], denied := denied | {grade})
            else:
                out[-1].also.add(grade)  # "good or outstanding": either grade will do
        else:
            denied = {grade} if NEGATED.search(before) else set()  # ("which crcs were not rated good?")
            out.append(Condition(grade, area, year=_year_near(before, after)))
            if denied:
                _deny(out[-1], denied)
    years = sorted({int(y) for y in A_YEAR.findall(question)})
    if len(out) == 1 and len(years) >= 2 and BOTH.search(question):  # "outstanding in both 2019 and 2024"
        return [replace(out[0], year=year, also=set(out[0].also)) for year in years]
    if len({c.year for c in out} - {None}) < 2:  # one year (or none) dates every report alike: the scope's years
        for condition in out:
            condition.year = None
    return out


def _deny(condition: Condition, denied: set[str]) -> None:
    """The condition met by the grades below those ``denied`` ("not good": requires improvement or inadequate),
    or, below the lowest, by every other ("not inadequate")."""
    lowest = max(GRADES.index(g) for g in denied)
    allowed = list(GRADES[lowest + 1:]) or [g for g in GRADES if g not in denied]
    condition.grade, condition.also = allowed[0], set(allowed[1:])


def _year_near(before: str, after: str) -> int | None:
    """The year a grade is given for: the first named after it in its clause, else the last before it."""
    later = A_YEAR.search(CLAUSE_BREAK.split(after)[0])
    earlier = A_YEAR.findall(before)
    return int(later.group(0)) if later else int(earlier[-1]) if earlier else None


def _area_near(before: str, after: str, areas: AreaNames) -> str | None:
    """The area named next to a grade, read in the reports' terms ("young people leaving care": care leavers);
    none when "overall" follows it ("whose children's services were judged outstanding overall")."""
    if re.match(r"\s*overall\b", after, re.I):
        return None
    for part in (before, after):
        if OVERALL.search(part):
            return None
        area = areas.best(in_reports_words(part, lambda _: True))
        if area:
            return area
    return None


def standing(meta: ReportMeta) -> float:
    """The mean rank of a report's area grades (0 outstanding ... 3 inadequate; its overall grade's when it has
    none): of two reports given the same overall grade, the one whose areas were graded better ranks higher."""
    ranks = [GRADES.index(g) for g in meta.areas.values()] or [GRADES.index(meta.overall)]
    return sum(ranks) / len(ranks)


def grade_for(meta: ReportMeta, area: str | None) -> Grade | None:
    return meta.overall if area is None else meta.areas.get(area)


def meets(meta: ReportMeta, condition: Condition, areas: AreaNames) -> list[str | None]:
    """The grade keys (None = overall, else the report's area names) that satisfy ``condition``; empty when
    it fails."""
    if condition.all_areas:
        grades = list(meta.areas.values())
        ok = bool(grades) and all(g == condition.grade for g in grades) and len(grades) >= (condition.count or 1)
        return list(meta.areas) if ok else []
    if condition.any_area:
        return [area for area, grade in meta.areas.items() if condition.accepts(grade)]
    key = area_key(meta, condition.area, areas)
    grade = grade_for(meta, key) if key is not None or condition.area is None else None
    return [key] if condition.accepts(grade) else []


def meets_all(meta: ReportMeta, conditions: list[Condition], areas: AreaNames) -> bool:
    """True when the report meets every condition (and when there are none)."""
    return all(meets(meta, c, areas) for c in conditions)


def besides_grades(words_: list[str]) -> list[str]:
    """The content words of ``words_`` once every grade they name is taken out ("requires", "improvement" go)."""
    return content_words(GRADE_MENTION.sub(" ", " ".join(words_)))


def grade_evidence(pages: Pages, meta: ReportMeta, area: str | None) -> Evidence | None:
    """The passage a grade was read from, verified on its page; else the shortest line of the report's first
    pages that holds the judgement's words and the grade; None when neither is found."""
    grade = grade_for(meta, area)
    if grade is None:
        return None
    found = provenance_evidence(pages, meta, "overall" if area is None else f"area:{area}")
    if found and re.search(rf"\b{GRADE_TEXT[grade]}\b", found.quote, re.I):
        return found
    wanted = stems(area or "overall")
    pattern = re.compile(rf"\b{GRADE_TEXT[grade]}\b", re.I)

    def names_grade(line: str) -> bool:
        return bool(pattern.search(line)) and len(wanted & {stem(w) for w in words(line)}) * 2 >= len(wanted)

    return scan_pages(pages, meta, names_grade)


def asks_for_grade(question: str) -> bool:
    """True for "what (overall) rating/grade/judgement did X get", "how was X rated", "how did Ofsted rate X",
    "how did X do", "how good is X (at care leavers)", "is X any good", "X's care leavers: good or bad?", "Ofsted
    rating for X", "X's grade", and
    keywords ending in one ("X adoption grade 2016", "X 2022 overall effectiveness", "children in care grade? was
    it good?"), and "what did X get for care leavers"."""
    q = re.sub(r"\s*\([^()]*\)\W*$", "?", question.lower().replace("’", "'"))  # (the bodies a follow-up was
    # completed with: "was it given a rating in 2018? (London CRC)")
    return bool(re.search(r"\b(what|which)\b[^?]*\b(ratings?|grades?|judge?ments?|marks?|scores?|rated|judged|"
                          r"(?<!to )judge|graded)\b", q)
                or bool(asks_yes_no_grade(q))
                or re.search(r"\bhow (was|were|is|are|did|does|do)\b[^?]*\b(rated|judged|graded|rate|judge|grade|"
                             r"do|perform)\b|^\s*how good (is|are|was|were)\b|"  # ("what did ofsted rate X?", not
                             r"\bwhat (did|does|do) (ofsted|(the )?inspect(ors?|orate)|hmi\w*|they) rate\b|"  # a rate)
                             r"^\s*(is|are|was|were)\b[^?]*\bany good\b|\bgood or (bad|not|poor)\b|\b(bad|poor) or good\b", q)
                or re.search(r"\b(rating|grade|judge?ment|mark|score)s?\s+(for|of|given to|from|across)\b|'s\s+(overall\s+)?(rating|grade|"
                             r"judge?ment)\b|^\s*(ofsted\s+)?(overall\s+)?(rating|grade|judge?ment)\b|"
                             rf"\b(rating|grade|judge?ment|overall effectiveness)s?(\s+(by\s+|from\s+)?ofsted)?(\s+(in\s+)?"
                             rf"({MONTH.pattern}\s+)?(19|20)\d\d)?\W*$|\b(rating|grade|judge?ment)s?\s*\?", q)
                or GOT_FOR.search(q))


def asks_yes_no_grade(question: str) -> Grade | None:
    """The grade a yes/no question puts forward ("Was Sandwell rated inadequate in 2015?"), else None."""
    asked = re.match(r"^\s*(was|were|is|are|did|has|have)\b[^?]*?\b(rated|judged|graded|found|given|get|got|"
                     r"receive|received)\b", question, re.I)
    mention = GRADE_MENTION.search(question, asked.end()) if asked else None
    if said := PREDICATE_GRADE.match(question):  # "is Liverpool inadequate?", "are Bradford's services good now?"
        return grade_of(said.group(2))
    return grade_of(mention.group(0)) if mention else None


def grade_claims(pages: Pages, meta: ReportMeta) -> list[Claim]:
    """The report's overall grade and area grades as claims, each resting on the line it was read from."""
    from service.answering.evidence import label
    from service.answering.organisations import body_label

    out = []
    for area in [None, *meta.areas]:
        grade, ev = grade_for(meta, area), grade_evidence(pages, meta, area)
        if grade is None or ev is None:
            continue
        where = "overall" if area is None else f"for *{area}*"
        ev.claim, ev.kind = f"**{label(meta)}** was rated **{grade}** {where}.", "grade"
        text = f"Overall, {body_label(meta)} was judged {grade}: its overall rating and grade." if area is None \
            else f"{body_label(meta)} was rated {grade} for {area}."
        out.append(Claim(ev, text, "grade", area))
    return out
