"""Criticism or praise? A transparent lexicon over the words of one sentence, with negation handled.

A sentence gets three scores: ``concern`` (weak, poor, not done, too few, needs improvement ...), ``positive``
(good, strong, well, praised ...) and ``improved`` (improved, better than, gain ...). A negator ("not",
"no", "never" ...) up to three words before a cue turns it round ("not effective" is a concern, "no
concerns" is praise); a negator with no cue after it counts as a concern ("checks were often not done").
Only the clauses that speak of the topic are read, so "X had high workloads, good partnership working and
women's services in place" is praise of women's services, and "unpaid work was delivered well" is no
unpaid work concern. Sentences that say the sources are silent ("do not describe findings on ...") are
absences, never verdicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.answering.text import stem, words

CONCERN = "concern"
POSITIVE = "positive"
IMPROVED = "improved"
ABSENT = "not stated"

SCARCE = {"little", "few", "minimal", "minimum"}  # (deny only the verdict word they come before)
NEGATORS = {"not", "no", "never", "nor", "without", "cannot", "hardly", "barely", "rarely", "neither",
            "absence"}  # ("an absence of robust oversight")
HEDGES = {"always", "consistently", "yet", "routinely"}  # "not always completed to a consistent quality": the
HEDGED_WITHIN = 6  # negation reaches this many words on, to the verdict on how it is done
LESSENED = re.compile(r"(?:\w+ )?less|less \w+ly")  # "less" just before a verdict word (or before its adverb)
THERE_BE = {"there is", "there are", "there was", "there were", "there has been", "there have been"}
AFTER_WHICH = {"that", "had", "has", "have"}  # ("... that no children live", "the council had no children placed")
NO_ONE = re.compile(r"(?:young |looked |care )?(?:children|child|people|person|care leavers|leavers|babies|teenagers|"
                    r"adolescents|pupils)\b")  # (after "no": nothing happened to anyone)
NEGATIVE_WORDS = """weak weaker weakest weakness weaknesses poor poorer poorly inadequate inadequately ineffective
ineffectively insufficient insufficiently concern concerns concerned concerning failed fail fails failing failure
failures lack lacked lacking lacks unmanageable deteriorated deteriorating decline declined worse worsened worst
shortage shortages problem problems inconsistent inconsistently variable overwhelmed underused
underuse unsafe criticised criticized criticism unacceptable delay delays delayed drift gaps backlog backlogs
shortfall shortfalls slow unclear undermined deficient deficiencies missed overlooked ignored neglected patchy
superficial cursory fragmented disjointed overdue overloaded overstretched demoralised demoralized exhausted burnout
burnt-out stressed struggled struggling unstable wrong bad shortcoming shortcomings broken worry worries
worrying fragile impaired impairs hampered hampers hindered hinders churn complacent complacency unsuitable
inappropriate inappropriately unregistered""".split()
POSITIVE_WORDS = """good well strong stronger strongest strength strengths effective effectively praised praise
praiseworthy outstanding excellent exemplary impressive impressively robust commendable positive positively
thorough committed energetic vibrancy success successful successfully innovative skilled skilful consistent
consistently high-quality credit credited commended complimented applauded decent""".split()
IMPROVED_WORDS = "improved improving improvement improvements better gain gains strengthened progressed".split()
RESOURCES = r"(?:staff(?:ing)?|budgets?|funding|resources|workforce|headcount|posts)"  # what a service works with
NEGATIVE_PHRASES = re.compile(r"\b(need(s|ed)?|requir(es|ed|e)|requiring) (?:\w+ ){0,2}?"
                              r"improv\w*( to be good)?|too (few|many|high|low|slow|long|little)|not enough|"
                              r"risk concern|f(?:all|alls|alling|allen|ell) (?:short|down)|(?:remains?|remained|is|was|are|were|"
                              r"continues? to be|proved|proving)\s+(?:an?\s+)?(?:\w+\s+)?challeng(?:e|es|ing)\b|"
                              r"\b(?:faces?|facing|faced|experienc(?:es?|ed|ing))\s+(?:\w+\s+){0,2}?challenges\b|"
                              r"only (very )?recently|urgent (action|attention|improvements?)|"
                              r"(?:further|more) work (?:is |was |are |were )?(?:still )?(?:required|needed|necessary)|"
                              r"requir(?:es|ed|e|ing) (?:\w+ )?further work|"  # ("further work is required to
                              # strengthen the response to homeless young people", "an area which requires further work")
                              r"(action|improvements?) (is|was|were|are) (urgently )?needed|"
                              r"\bunder-(recorded|recording|reported|reporting|resourced|staffed|estimated)\b|"
                              r"under (\w+ )?pressure|intervene|below (the )?(standard|expectations)|"
                              r"low (staff )?morale|(?:not|yet to|little|no)\b[^.;]{0,40}?\b(?:significant|real|"
                              r"sufficient|measurable|discernible|sustained|full|positive) impact|"
                              r"high (staff )?(turnover|sickness|vacancy|vacancies)|"
                              r"(?:has|have|had) had an impact on (?:the )?(?:progress|pace)|"  # (it slowed it)
                              r"high (?:rates?|levels?) of (?:[\w-]+\s+){0,2}?(?:infections?|illness|sickness|absence)|"
                              r"(high|higher|highest|heavy|heavier|excessive|unmanageable|large) ([\w'’]+ ){0,2}?"
                              r"(work|case)loads?|(bigger|larger) (and more complex )?caseloads|"
                              r"(work|case)loads?\b[^.;]{0,40}?\b(were|was|are|is|remained) (very |too |still )?"
                              r"(high|heavy|unmanageable)|"
                              r"\b(?:needs? to|needed to|must|should)\s+(?:\w+\s+){0,4}?(?:better|more|stronger|"
                              r"clearer|robust|swifter|improved|greater|further)\b[^;:.]*|"  # "needs to have a better"
                              r"\b(?:not|never)\s+(?:\w+ly\s+)?(?:yet\s+)?(?:ensured?|secured?|made sure|established|"
                              r"demonstrated|shown)\b[^;:.]*|"  # "have not ensured that ... good": all of it
                              rf"{RESOURCES}\b[^.;]{{0,40}}?\b(?:has|have|had|is|are|was|were)\s+(?:been\s+)?"
                              r"(?:(?!not\b|never\b)\w+ly\s+)?(?:cut|reduced|fallen|fell|decreased|dropped|lost)\b|"
                              rf"{RESOURCES}\s+(?:cuts|reductions)|(?:cuts|reductions?)\s+(?:to|in)\s+(?:the\s+)?"
                              rf"(?:\w+\s+)?{RESOURCES}\b", re.I)  # (what a service works with, shrunk: "staffing had
# been cut by about a quarter"; a problem that shrank, "turnover has reduced", is masked first as an improvement)
FEEDBACK = r"(good|positive|glowing|great|favourable) (feedback|reviews?|write[- ]ups?|marks? for|comments?)"
POSITIVE_PHRASES = re.compile(rf"\b(in place|high quality|well[- ]established|well[- ]led|{FEEDBACK})\b", re.I)
IMPROVED_PHRASES = re.compile(r"\b(up from( (requires improvement( to be good)?|inadequate|good|adequate))?|"
                              r"now (good|outstanding|effective|strong)|more than before|"
                              r"since the last inspection,? (much|good|significant|considerable) progress|"
                              r"(?:[\w'’]+\s+){0,3}?(?:turnover|vacanc(?:y|ies)|caseloads?|workloads?|delays?|backlogs?|"
                              r"drift|sickness|shortages?|gaps?|reliance|dependen(?:ce|cy))\b[^.;]{0,60}?\b(?:has|have|had|is|"
                              r"are|was|were)\s+(?:(?!not\b|never\b)\w+\s+)?(?:reduc|fall|fell|decreas|declin|dropp|lower|"
                              r"come down|coming down)\w*)\b(?!\s+(?:the|their|its|his|her|our)\b)", re.I)  # (a problem
# that shrank: "turnover ... have reduced"; not one that reduced something: "vacancies have reduced the ability")
ONLY_QUANTITY = re.compile(r"\bonly (a |about |around |one |two |half|\d)", re.I)
FEW_ENOUGH = r"(?:only\s+)?(?:(?:fewer|less)\s+than|under|not even)\s+(?:half|a third|a quarter|one in \w+|\d+\s*%)"
MINORITY = re.compile(rf"\b(?:good|well|satisfactory|sufficient|effective|adequate|appropriate|timely)\w*\s+"
                      rf"(?:[\w-]+\s+){{0,3}}?(?:in|for|of)\s+{FEW_ENOUGH}|"
                      rf"\bin\s+{FEW_ENOUGH}\s+of\s+(?:the\s+)?cases\b",
                      re.I)  # ("satisfactory in fewer than half of cases": done well in too few, a concern)
ABSENCE = re.compile(
    r"\b(sources?|digests?|reports?|documents?|they|it)\b[^.;]{0,60}?\b(do|does|did)( not|n't) (describe|state|say|"
    r"give|mention|include|cover|name|record)\b|\bnot (stated|described|specified|mentioned|known) (in|by)\b|"
    r"\bnot (state|describe|say|mention)\b|\b(is|are|was|were) not (stated|described|specified)\b|"
    r"\bno (information|data|details|figures?) (is|was|are|were|on|about)\b|\bnothing (is|was) (said|reported|known)\b",
    re.I)
CONCERNS = {"concern", "concerns"}
HOLDERS = {"their", "his", "her", "my", "your", "our"}  # (whose worries: a person's, not a finding)
HANDLED = {"share", "identifi", "escal"}  # stems of what is done with concerns as work ("agencies share concerns",
# "meetings quickly identify concerns"): the children's risks, handled, not a finding
CASE_KINDS = {"abuse", "safeguarding", "welfare", "protection", "exploitation", "health"}
NO_VERDICT = {"succession", "successive", "successively", "neglect", "missing"}  # words whose stem is a verdict
# word's ("success", "neglected", "missed"), and are not one
CONDITIONAL = re.compile(r"^\W*(when|whenever|if|unless|once)\b", re.I)  # (the situation a finding is of)
TRAILING_CONDITION = re.compile(r",?\s+\b(?:if|unless)\b[^,;.]*(?=[.;]?\s*$)", re.I)
PURPOSE = re.compile(r",?\s+\b(?:so that|in order to)\b[^;]*$", re.I)  # (an aim: "... so that learning is used well")
CONCESSIVE = re.compile(r"^\W*(while|although|though|even though|despite|in spite of)\b", re.I)
PRONOUN_START = re.compile(r"^\s*(and |but )?(it|its|they|their|this|these|which)\b", re.I)
CLAUSE = re.compile(r"\s*[;:]\s*|,\s+(?=(and|but|while|whereas|although|though)\b)|\s+(?=(but|whereas)\b)")

NEG_STEMS = {stem(w) for w in NEGATIVE_WORDS}
POS_STEMS = {stem(w) for w in POSITIVE_WORDS}
IMP_STEMS = {stem(w) for w in IMPROVED_WORDS}
CUE_STEMS = NEG_STEMS | POS_STEMS | IMP_STEMS


@dataclass
class Polarity:
    concern: float = 0.0
    positive: float = 0.0
    improved: float = 0.0

    def add(self, other: Polarity) -> None:
        self.concern += other.concern
        self.positive += other.positive
        self.improved += other.improved

    def kinds(self) -> set[str]:
        return {k for k, v in ((CONCERN, self.concern), (POSITIVE, self.positive), (IMPROVED, self.improved)) if v > 0}


def is_absence(sentence: str) -> bool:
    """True for a statement that the sources are silent on something ("Owner: not stated in the sources")."""
    return bool(ABSENCE.search(sentence))


def clauses(sentence: str) -> list[str]:
    return [part for part in CLAUSE.split(sentence) if part and part.strip() and part.strip() not in
            {"and", "but", "while", "whereas", "although", "though"}]


def clause_polarity(clause: str) -> Polarity:
    return Polarity(*_clause_scores(clause))  # (a copy: callers may change it)


@lru_cache(maxsize=100_000)
def _clause_scores(clause: str) -> tuple[float, float, float]:
    """Lexicon scores of one clause: phrases first (they mask their words), then single words with negation."""
    result = Polarity()
    text = clause
    for pattern, field in ((IMPROVED_PHRASES, IMPROVED), (MINORITY, CONCERN), (NEGATIVE_PHRASES, CONCERN),
                           (POSITIVE_PHRASES, POSITIVE), (ONLY_QUANTITY, CONCERN)):
        for match in pattern.finditer(text):
            _bump(result, field)
            if field == IMPROVED and match.group(0).lower().startswith("now"):
                _bump(result, POSITIVE)  # "now good" is praise as well as improvement
        text = pattern.sub(" ", text)
    tokens = words(text)
    for i, token in enumerate(tokens):
        _score_token(result, tokens, i, token)
    return result.concern, result.positive, result.improved


def _score_token(result: Polarity, tokens: list[str], i: int, token: str) -> None:
    case_risk = token in CONCERNS and i and tokens[i - 1].rpartition("-")[2] in CASE_KINDS  # ("domestic abuse
    held = i and tokens[i - 1] in HOLDERS and stem(token) in NEG_STEMS  # ("tell their carers about their worries")
    handled = token in CONCERNS and any(stem(t) in HANDLED for t in tokens[max(0, i - 2):i])
    if token in NO_VERDICT or case_risk or held or handled:  # concerns were present in a third of cases": the cases' risks,
        return  # not the inspectors'; a person's own worries neither; "a succession" is no success; "neglect" a topic
    key = stem(token)
    if token.endswith("ly") and i + 1 < len(tokens) and stem(tokens[i + 1]) in CUE_STEMS:
        return  # an adverb before a verdict word only says how much ("consistently poor" is no praise)
    negated = any(negates(t) for t in tokens[max(0, i - 3):i]) or _scarce(tokens, i) or _hedged(tokens, i) \
        or LESSENED.fullmatch(" ".join(tokens[max(0, i - 2):i])) is not None  # ("less positive", "less well")
    if key in IMP_STEMS and i and tokens[i - 1] == "to" and token in ("improve", "strengthen"):
        return  # an aim, not a gain ("the ability of managers to improve the quality of practice")
    if key in IMP_STEMS:
        _bump(result, "concern" if negated else "improved")
    elif key in POS_STEMS:
        _bump(result, "concern" if negated else "positive")
    elif key in NEG_STEMS and not any(_none_of_them(tokens, j) for j in range(i)):  # ("no children are living
        _bump(result, "positive" if negated else "concern")  # in unregistered homes": it happened to none)
    elif negates(token) and not _cue_follows(tokens, i) and not _none_of_them(tokens, i):
        _bump(result, "concern")


def _none_of_them(tokens: list[str], i: int) -> bool:
    """True for "no" opening a clause (or after "there have been", "that", "had") before children or young people: "No
    children are living in unregistered homes", "there have been no young people placed in bed and breakfast" say
    an event did not happen to anyone, not that something is lacking."""
    return tokens[i] == "no" and (i == 0 or " ".join(tokens[:i]) in THERE_BE or tokens[i - 1] in AFTER_WHICH) \
        and NO_ONE.match(" ".join(tokens[i + 1:i + 3])) is not None


def happened_to_none(sentence: str) -> bool:
    """True when a clause says an event happened to no one ("It is positive that no children ... live in
    unregistered children's homes", "which councils had no children in unregistered homes?")."""
    return any(_none_of_them(tokens, i) for clause in clauses(sentence) if (tokens := words(clause))
               for i in range(len(tokens)))


def _scarce(tokens: list[str], i: int) -> bool:
    """True when "little" or "few" (not "a little", "a few") comes just before the word at ``i``: "little
    improvement", "few strengths" deny it."""
    return any(tokens[j] in SCARCE and (j == 0 or tokens[j - 1] not in {"a", "quite"}) for j in range(max(0, i - 2), i))


def _hedged(tokens: list[str], i: int) -> bool:
    return any(negates(tokens[j]) and tokens[j + 1] in HEDGES for j in range(max(0, i - HEDGED_WITHIN), i - 1))


def _cue_follows(tokens: list[str], i: int) -> bool:
    return any(stem(t) in CUE_STEMS for t in tokens[i + 1:i + 4])


def _bump(result: Polarity, field: str, amount: float = 1.0) -> None:
    setattr(result, field, getattr(result, field) + amount)


def sentence_polarity(sentence: str, topic: set[str] | None = None) -> Polarity:
    """Scores of the clauses that mention the topic (all clauses when none does or no topic is given), of the
    main clause of a sentence that opens conceding something other than the topic, or whose opening condition
    names the topic (the situation its finding is of)."""
    main = main_clause(sentence)
    opening = topic and topic & {stem(w) for w in words(sentence[:max(sentence.find(main), 0)])}
    situation = bool(opening and CONDITIONAL.match(sentence))  # ("When children go missing from care, most, but not
    parts = clauses(sentence if opening and not situation else main)  # all, receive ...": a finding on what its
    if topic and not situation:  # opening names; "Although caseloads are high, ...": the conceded part is one)
        about = [c for i, c in enumerate(parts) if topic & {stem(w) for w in words(c)}
                 or (i and PRONOUN_START.match(c) and topic & {stem(w) for w in words(parts[i - 1])})]
        parts = _list_item(about, topic) or about or parts
    total = Polarity()
    for part in parts:
        total.add(clause_polarity(part))
    return total


def main_clause(clause: str) -> str:
    """The clause without a conceding or conditional opening ("Although caseloads are high, staff are well
    supported": what it says is the second half; "While this is positive, and demonstrates ..., these developments
    had not ..."; "When risks do not reduce, or they escalate, pre-proceedings are initiated") and without a
    condition at its end ("... helps to find options if they cannot safely remain at home")."""
    clause = PURPOSE.sub("", TRAILING_CONDITION.sub("", clause)) or clause
    if not (CONCESSIVE.match(clause) or CONDITIONAL.match(clause)):
        return clause
    rest = clause.split(",", 1)[1] if "," in clause else ""
    while re.match(r"\s*(?:and|or)\s", rest) and "," in rest:
        rest = rest.split(",", 1)[1]
    return rest if rest.strip() else clause


def _list_item(parts: list[str], topic: set[str]) -> list[str]:
    """In "X had high workloads, good partnership working and women's services in place", the comma-separated
    items that name the topic and carry a verdict of their own; empty when no item does."""
    pieces = [item for part in parts for item in part.split(", ")]
    items = [item for item in pieces if topic & {stem(w) for w in words(item)}]
    if len(items) == len(pieces):  # every item names the topic: there is no list to pick from
        return []
    return [item for item in items if clause_polarity(item).kinds()]


def leaning(quote: str, side: str | None) -> int:
    """1 when the sentence leans the side asked (a concern, praise), -1 when it leans the other way, else 0."""
    if side is None:
        return 0
    polarity = sentence_polarity(quote)
    other = polarity.positive + polarity.improved if side == "concern" else polarity.concern
    own = polarity.concern if side == "concern" else polarity.positive
    return (own > other) - (other > own)


def wanted_verdicts(question: str) -> set[str]:
    """What a question about several reports asks for: concerns, praise, improvement, the sources' silence
    ("do not state an owner"), or (empty) any mention."""
    if is_absence(question):
        return {ABSENT}
    return {CONCERN} if TROUBLE_ASKED.search(question) else sentence_polarity(question).kinds()


TROUBLE_ASKED = re.compile(r"\b(?:had|have|has|having)\s+(?:\w+\s+)?(?:trouble|difficult(?:y|ies))\b|"
                           r"\bstruggl(?:e|es|ed|ing)\s+(?:to|with)\b|"
                           r"\b(?:told|urged|asked|advised)\s+to\s+(?:do\s+)?(?:better|improve|speed\s+up|"
                           r"sort\s+out|fix|tighten\s+up|strengthen|address)\b", re.I)
# (of the bodies: "had trouble keeping", "struggled to recruit", "told to do better", "told to speed up"; not "children with learning
# difficulties" or "struggling families", whom a council may serve well: so read in questions only, and so narrowly)
TOPICAL_NOUNS = {stem(w) for w in """shortage shortages delay delays backlog backlogs gap gaps drift shortfall
shortfalls workload workloads caseload caseloads morale turnover sickness vacancy vacancies""".split()}
GENERIC_CUES = {stem(w) for w in """concern concerns concerned concerning problem problems issue issues weak weakness
weaknesses poor poorly criticised criticized criticism failing failings fail failed praised praise strength strengths
good well strong positive positively improved improving improvement improvements better worse decent""".split()}
ENOUGH = {"enough", "sufficient", "sufficiently", "adequately"}  # (negated, they say which way only)


def negates(token: str) -> bool:
    """True for a word that negates what follows: "not", "never", a contraction ("weren't"); ``words`` gives
    the apostrophe straight."""
    return token in NEGATORS or token.endswith("n't")


def phrase_cues(question: str) -> set[str]:
    """The words of the praise a question asks for in other words ("good feedback on", "glowing reviews for"): the
    side asked, not the topic ("well led" is both)."""
    return {w for m in re.finditer(FEEDBACK, question, re.I) for w in words(m.group(0))}


def cue_words(question: str) -> set[str]:
    """The question's words that only say which way the answer should lean ("concerns", "praised"), including
    the words of cue phrases ("risk concern", "requires improvement"). A specific word ("unmanageable") is not
    one of them: it stays part of what the question is about and must be found as written."""
    phrase_words = {w for p in (NEGATIVE_PHRASES, POSITIVE_PHRASES, IMPROVED_PHRASES) for m in p.finditer(question)
                    for w in words(m.group(0))}
    said = words(question)
    negated = any(map(negates, said))  # ("weren't done enough": which way)
    cues = phrase_words | {w for w in said if stem(w) in CUE_STEMS or negates(w) or negated and w in ENOUGH}
    specific = CUE_STEMS - GENERIC_CUES
    return {w for w in cues if stem(w) not in TOPICAL_NOUNS | specific}
