"""A question in two parts ("Which CRCs had unpaid work concerns, and which were praised for it?"): split, the
second completed from the first; one asked of several bodies alike, once for each. Also what completes a
follow-up that refers to the topic just asked about ("which were good at it?" after "which CRCs had problems with
unpaid work?")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from service.answering.text import stem
from service.answering.verdict import CUE_STEMS
from service.terms import STOPWORDS

if TYPE_CHECKING:
    from service.answering.name_spans import BodyMatch
    from service.answering.scope import Scope

CHANGE_SIDE = re.compile(r"\bwhat\s+(?:(?:has\s+|have\s+)?got|went|has|have|had)?\s*(?:better|worse|improved|declined|"
                         r"deteriorated|slipped)\b", re.I)  # a side of a change
SHARED_ASKED = re.compile(r"(?<=[?.])\s*(?:and\s+)?(?:is\s+there\s+|was\s+there\s+)?(?:any|anything)\s+(?:overlap|"
                          r"in common|similar\w*|shared)\b[^?]*\??\s*$", re.I)  # ("... Any overlap?": of both answers)
ONLY_POINTING = {"one", "ones", "called", "named"}  # (a second part of these words and function words points back)
SECOND_PART = re.compile(r",?\s+and\s+(?=(?:which|what|who|where|when|how|why)\b)|"
                         r";\s*(?=(?:and\s+)?(?:which|what|who|where|when|how|why)\b)", re.I)
PREAMBLE = re.compile(r"^(?=[^?]*?\b(?:i|i['’]?m|i['’]ve|we|we['’]re|my|our)\b[^?]*?(?:\s[-–—]|:)\s)[^?]*?(?:\s[-–—]|:)\s+"
                      r"(?=(?:what|which|who|when|where|how|why|did|does|do|was|were|is|are|has|have|can|could)\b"
                      r"(?![^?]*\b(?:it|its|they|them|their|this|that)\b))", re.I)  # the user's own opening clause
LED = re.compile(r"^\s*(.+?)\s+[-–:]\s+(.+)$")  # "bromley MEGA panel - what is it": what it is about, then it
APPENDIX = re.compile(r"\s*(\([^()]*\))\s*\??\s*$")  # "(Dudley)": the bodies a follow-up was completed with
ON_THAT = re.compile(r"\b(?:on|about|with|at|for|regarding)\s+(that|it|this|those|them)\W*$", re.I)
WHY_OF = r"^\s*(?:(?:and|so|but)\s+)*why\s+(?:was|is|were|are|did|does|has)\s+"
VERDICT = (r"(?:(?:such|so)\s+)?(?:an?\s+)?(?:big\s+)?(?:problem|issue|concern|worry|weakness|strength|bad|poor|weak|"
           r"good|strong|happen|go wrong|matter)\b")
WHY_IT = re.compile(rf"{WHY_OF}(it|that|this)\b(?=\s+{VERDICT})", re.I)  # "why was it a problem?": the topic just asked
FIX_IT = re.compile(r"\b(?:sort(?:s|ed|ing)?|fix(?:es|ed|ing)?|address(?:es|ed|ing)?|tackl(?:e|es|ed|ing)|"
                    r"resolv(?:e|es|ed|ing)|improv(?:e|es|ed|ing)|deal(?:s|t|ing)?\s+with|doing\s+about)\s+"
                    r"(it|that|this|those|them)\b", re.I)  # "is anything being done to sort it out?": the problem
WHY_TOPIC = re.compile(rf"{WHY_OF}(.+?)\s+{VERDICT}", re.I)  # "why was unpaid work at X a problem?": "unpaid work at X"
SIDE_STEMS = {stem(w) for w in "concern concerns problem problems issue issues risk risks praise strength strengths "
                                "failings weaknesses best worst strongest weakest".split()}  # the verdict asked, not what it is about


GRADE_FIELD = r"(?:overall\s+)?(?:grade|rating|judgement|effectiveness)"
FIELD = (rf"(?:the\s+)?(?:{GRADE_FIELD}|lead\s+inspector|(?:inspection\s+|visit\s+|fieldwork\s+)?dates?|"
         r"publication\s+date|date\s+published|owner)")  # what a report records of itself
FIELDS_TOGETHER = re.compile(rf"\b({FIELD})\s*(?:,|&|\+|\band\b)\s*({FIELD})\b(?=\s*\W*$)", re.I)


def fields_apart(question: str) -> list[str]:
    """"X 2019: overall grade and lead inspector?" -> "X 2019: overall grade?" and "X 2019: lead inspector?":
    two things a report records, asked together at the question's end (not "grade and rating": one thing)."""
    if not (both := FIELDS_TOGETHER.search(question)) or all(re.search(GRADE_FIELD, f, re.I) for f in both.groups()):
        return [question]
    return [f"{question[:both.start()]}{field}{question[both.end():]}" for field in both.groups()]


def two_parts(question: str) -> list[str]:
    """"Which CRCs had unpaid work concerns, and which were praised for it?" -> the two questions, the second
    completed from the first ("which CRCs were praised for unpaid work?"); one question stays one. What a
    follow-up was completed with ("... when was it and how did they do? (Dudley)") is of both parts."""
    if appendix := APPENDIX.search(question):  # (its words are no part's: "... with who and when? (X)" is one)
        parts = two_parts(question[:appendix.start()])
        return [f"{part.rstrip(' ?')} {appendix.group(1)}?" for part in parts] if len(parts) == 2 else [question]
    if len(apart := fields_apart(question)) == 2:
        return apart
    parts = SECOND_PART.split(question, maxsplit=1)
    if len(parts) < 2 or len(parts[0].split()) < 3 or len(parts[1].split()) < 3 or _points_back(parts[1]):
        return [question]  # ("..., and how many": one; "how many ..., and which one is named?": asks of the first)
    first, second = parts[0].rstrip(" ,?") + "?", parts[1]
    ends = [m.end() for m in CHANGE_SIDE.finditer(first)]
    if (other := CHANGE_SIDE.match(second.lstrip())) and ends and ends[-1] == len(first.rstrip(" ?")) and \
            (tail := second.lstrip()[other.end():]).strip(" ?"):
        first = f"{first.rstrip(' ?')}{tail}"  # ("what got better and what got worse between its first and second
        # inspections?": both between them)
    subject = re.match(r"^\s*(?:which|what|(?:were|was|are|did|do|have|had)\s+any)\s+((?:[\w'’-]+\s+){0,2}?(?:crcs|"
                       r"providers|councils|authorities|"
                       r"local authorities|las|reports|areas|organisations))\b", first, re.I)
    if subject and re.match(r"^\s*(which|what)\s+(ones?\s+)?(were|was|had|have|did|got|received)\b", second, re.I):
        second = re.sub(r"^\s*(which|what)(\s+ones?)?\b", lambda m: f"{m.group(1)} {subject.group(1)}", second,
                        count=1, flags=re.I)
    if about := topic_of(first):
        second = re.sub(r"\b(it|them|this|that)\b(?=\W*$)", about, second, count=1, flags=re.I)
        if not topic_of(second) and stem(re.findall(r"\w+", second)[-1].lower()) in CUE_STEMS | SIDE_STEMS:
            second = f"{second.rstrip(' ?')} for {about}?"  # ("..., and which ones were criticised?": for that)
    elif (led := LED.match(first)) and re.search(r"\b(it|they|them|this|that)\b", led.group(2), re.I):
        second = re.sub(r"\b(it|they|them)\b", led.group(1), second, count=1, flags=re.I)  # ("X - what is it,
    return [first, second]  # and what ages does it look at?": the second "it" is X too)


def _points_back(part: str) -> bool:
    """True for a "which"/"what" part with no word of its own ("which one is named?", "what are they?"): it asks
    which of the things the part before it counted or found."""
    said = [w.lower() for w in re.findall(r"[\w'’-]+", part)]
    return bool(said) and said[0] in ("which", "what") and not set(said) - STOPWORDS - ONLY_POINTING


PERSONAL_AFTER = re.compile(r"(?<=[?.!])\s+(?:I|I'm|I’m|I've|I’ve|I'd|I’d|we|we're|we’re|my|our)\b"
                            r"[^?]*[.!]?\s*$")
# (the user's words about themselves after the question)
THEIR_VISIT = re.compile(r"\b(?:in|on|at|during|from)\s+(?:their|its|the|that|this)\s+(?:(?:19|20)\d\d\s+)?(?:visit|"
                         r"inspection)\b|\bwhen\s+(?:the\s+)?(?:inspectors?|ofsted|hmip|they|the\s+inspectorate)\s+"
                         r"(?:last\s+)?(?:visited|inspected|came|called|went\s+in)\b", re.I)
# (which report: "in their 2020 visit", "when inspectors visited Essex": not what was found there, home visits)


SELF_INTRO = re.compile(r"^\W*(?:I|I'm|I’m|I am|we're|we’re|we are)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
                        r"(?:and\s+|,\s*)(?:(?:I|we)\s+)?(?:want|need|would like|'d like|’d like|am after|'m after|"
                        r"’m after)\b(?:\s+to\s+(?:know|understand|see|get|find out))?|"
                        r"^\W*(?:I|we)(?:['’]?m|['’]?re| am| are)?\s+(?:looking|searching|hoping|trying)\s+"
                        r"(?:for|to find)\b", re.I)  # ("I'm looking for the councils whose ...": who asks; "I'm a councillor
# in Knowsley and want the gist of ...": who asks, not what)


def without_preamble(text: str) -> str:
    """The user's words about themselves before a dash or colon that open a question complete after it, blanked
    ("I'm reading up on X — what were the big problems Ofsted flagged?": not "reading"; not "unpaid work - which
    CRCs had problems?", nor "bromley MEGA panel - what is it?", whose "it" they are)."""
    for framing in (PERSONAL_AFTER, THEIR_VISIT, SELF_INTRO):  # ("... in their 2020 visit? I work nearby")
        text = framing.sub(lambda m: " " * len(m.group(0)), text, count=1)
    return PREAMBLE.sub(lambda m: " " * len(m.group(0)), text, count=1)


def topic_of(question: str) -> str:
    """What a question is about, from its last words after "had", "with", "about" ... ("which CRCs had problems
    with unpaid work?": "unpaid work"), without the side asked; "" when it names none that way."""
    question = _strip_appendix(question)
    topic = WHY_TOPIC.match(question) or re.search(r"\b(?:had|have|with|for|about|on)\s+(.+?)\s*\??$", question, re.I)
    if not topic:
        return ""
    about = " ".join(w for w in topic.group(1).split() if stem(w.lower()) not in CUE_STEMS | SIDE_STEMS)
    return re.sub(r"^(?:(?:with|in|of|about|around|over|on|for|to)\s+)+", "", about, flags=re.I)  # "issues with X"


def on_that(text: str, previous: str) -> str:
    """A follow-up that asks "... on that?" / "... about it?" / "why was it a problem?" / "is anything being done to
    sort it out?": of the topic the previous question asked about ("was the nps in london any better on that?"
    after "what did London CRC find about child safeguarding?")."""
    if (pronoun := ON_THAT.search(text) or WHY_IT.search(text) or FIX_IT.search(text)) and \
            (about := topic_of(previous)):
        return text[:pronoun.start(1)] + about + text[pronoun.end(1):]
    return text


def _strip_appendix(text: str) -> str:
    return APPENDIX.sub("", text)


def same_comparison(scopes: list[Scope]) -> bool:
    """True for two parts that set the same reports side by side ("which one did better, and where do they
    differ?"; "what got better and what got worse?"), or that each ask one side of the same report's overview
    ("where were they strong and where did they fall short?"): one answer to the whole question answers both."""
    return len(scopes) == 2 and scopes[0].intent == scopes[1].intent in ("compare", "overview") and \
        set(scopes[0].report_ids) == set(scopes[1].report_ids)


def one_body_each(question: str, bodies: list[BodyMatch]) -> dict[str, str]:
    """The question once for each body it names, with the other bodies' names blanked ("what were A and B each
    told to improve?": A's question, then B's)."""
    named = list(dict.fromkeys(b.body for b in bodies))
    return {body: SHARED_ASKED.sub("", "".join(" " if any(b.body != body and b.start <= i < b.end for b in bodies)
                                               else c for i, c in enumerate(question))) for body in named}
