"""What kind of thing a question asks for: one fact or a list across reports (``kind_of``), a number, a date, a
name or a grade (``answer_type``), the kind of figure (``figure_asked``: a count, a share, a duration, a sum of
money), and a figure it sets as a threshold ("more than 60 cases", ``numeric``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.models import GRADES
from service.answering import grades
from service.answering.graded_when import WHEN_GRADED
from service.answering.mentions import BodyMatch

TERM_ASKED = re.compile(r"^\W*(?:what\s+(?:is|are|does|do)\s+|what['’]?s\s+|define\s+|meaning\s+of\s+)"
                        r"(?:an?\s+|the\s+)?([\w'’ -]+?)\s*(?:stand\s+for|mean|do)?\W*$", re.I)  # a term's meaning
NUMERIC = re.compile(r"\b(more than|over|above|at least|greater than|exceeding|fewer than|less than|under|below|"
                     r"at most)\s+(?:about\s+)?(\d[\d,]*(?:\.\d+)?)\s*(%|per ?cent)?", re.I)
NUMBER_Q = re.compile(r"\bhow (many|much|big|large|high|long)\b|\bnumbers?\b(?!\s+of\s+(?:ways|reasons|areas|issues))|\bwhat (\w+ ){0,2}(percentage|proportion|share|number|fraction|"
                      r"average|per ?cent|size|rate)\b|\b(number|percentage|proportion|share) of\b|\baverage\b|"
                      r"\bwhat\b[^?]{0,60}\b(?:rate|percentage)\b|\b(?:rate|percentage)\s*(?:in\s+(?:19|20)\d\d\s*)?\??\s*$",
                      re.I)  # ("what was X's turnover rate", "X 2018 social worker turnover rate")
DATE_Q = re.compile(r"^\W*(?:(?:and|so|but|then)\s+)?when\b|(?:\bsince|[,;:]|\b(?:tell me|know|say|find out|remind me|"
                    r"wonder(?:ing)?|ask(?:ing)?|sure|idea))\s+when\b|\bwhen\W*$|"
                    r"\b(what date|which date|what day|what year|which year|which month)\b|\bdates?\b", re.I)
# ("when" asks a date as the question's own word: "what did inspectors find when they looked at X" asks a finding)
NAME_Q = re.compile(r"\bwhich (company|organisation|organization|firm|person|inspector|hmi|inspectorate|watchdog|"
                    r"regulator|partner|charity|college|"
                    r"provider|contractor|group|body)\b|\b(what|which)\b[^?]*\b(call|called|named|name|title|titled)\b|"
                    r"\b(what|which)(\s+(?!(?:did|does|do|was|were|is|are|has|have|had|the|a|an|its|their|this|that|"
                    r"kind|kinds|sort|sorts|type|types)\b)[\w'’-]+){0,3}?\s+(scheme|programme|program|project|model|"
                    r"initiative|service|team|tool|"
                    r"system|campaign|approach|framework|app|platform|partner|partnership|pilot|strategy|"
                    r"template|format|instrument|"
                    r"forum|group|panel|hub|award|charter|title|job title)\b|\bname\b|\bcalled\b|\bknown as\b|"
                    r"\bwhich\s+(?:[\w'’&-]+\s+){0,3}?(?:agency|body|university|uni|institution|authority|charity|"
                    r"provider|partner|organisation|organization|team|unit|project|scheme|programme|initiative)\b|"
                    r"\bwhat\s+(?:[\w'’-]+\s+){0,2}?(?:agency|university|uni|institution|charity|unit|ict system|"
                    r"it system)\b", re.I)  # ("which regional adoption agency", "what uni": a name)
TIMES_INSPECTED = r"\bhow (many times|often)\b(?![^?]*\bmonitor)[^?]*\b(inspected|visited|rated|graded|judged)\b|" \
    r"\bhow many\s+(\w+\s+)?(inspections|reports)\b"
# ("how many times has X been inspected?", "how many Ofsted inspections has X had?", "how many times was X rated
# inadequate?": its reports, counted; not "how many times had Ofsted visited to monitor them?", its visits)
HOLDS_REPORTS = (r"^\W*(?:do you have|have you got|are there|do you hold|does (?:it|the index) (?:have|hold)|any)\s+"
                 r"(?:any\s+)?(?:[\w'’-]+\s+){0,2}?(?:reports|inspections)\b")  # ("are there any reports on crcs?")
REPORTS_OF = re.compile(r"\b(which|what) (reports|inspections)\b|\b(list|show)\b[^?]*\b(reports|inspections)\b|"
                        r"\b(reports|inspections) (do you have|are there|have you got|does the index hold)\b|"
                        rf"{HOLDS_REPORTS}|" + TIMES_INSPECTED, re.I)
FIGURES_ASKED = [
    ("money", re.compile(r"\bhow (?:much|big|large|high)\b(?!\s+(?:more\s+|extra\s+|less\s+)?time\b)[^?]*\b(?<!time )(?<!hours )(?<!days )(?<!weeks )"
                         r"(spend|spends|spent|cost|costs|costing|budgets?|"
                         r"grants?|worth|pay|pays|paid|money|funding|funds|invest\w*|overspend\w*|deficits?|"
                         r"savings?|price|fees?)\b|\bhow much money\b|\bhow many (?:pounds|quid|millions)\b|"
                         r"\b(?:get|gets|got|getting|are|is|were|was|being)\s+paid\b|\b(?:salar(?:y|ies)|wages?)\b|"
                         r"\bwhat (?:was|is|were|are) (?:the|its|their) (?:\w+ )?(?:cost|budget|price|value|spend)\b|"
                         r"\bwhat(?:['’]?s| is| was| were| are)\s[^?]{0,60}?\b(?:budget|spend(?:ing)?|funding|overspend|"
                         r"deficit|costs?)\b(?=\s*(?:\?|$|in\b|for\b|of\b|at\b|according\b))",
                         re.I)),  # ("whats thurrock's annual childrens services budget in the 2024 report"; not
    # "how much did it increase the time spent with families?", "how much more time did social workers spend
    # with families?": time)
    ("share", re.compile(r"\b(percentage|proportion|share|per ?cent|percent|fraction)\b|%", re.I)),
    ("rate", re.compile(r"\bper\s+(?:10,?000|1,?000|100,?000|ten thousand|thousand)\b|\brates?\s+(?:of|per)\b", re.I)),
    ("duration", re.compile(r"\bhow long\b|\bhow many\s+(hours|days|weeks|months|years)\b", re.I)),
    ("count", re.compile(r"\bhow many\b|\bnumber of\b", re.I)),
]
GRADED_PLACE = re.compile(r"^\W*(?:which|what)\s+(?:[\w'’&-]+\s+){0,3}?(?:facility|facilities|centre|center|"
                          r"children's home|home|school|nursery|setting|unit)\b", re.I)  # a place a grade was given
AREA_ASKED = re.compile(r"\b(?:which|what)\s+(?:(?:judge?ment|inspection|single|one|particular|specific|"
                        r"individual)\s+)?(?:areas?|judge?ments?|parts?|bits?|"
                        r"aspects?|sections?)\b|\b(?:one|any)\s+(?:area|bit|part|aspect|judge?ment)\b", re.I)  # of
# several ("was any area weaker than the rest?")
PART_OF_A_THING = re.compile(r"\b(?:areas?|parts?|bits?|aspects?|sections?)\s+of\s+(?:the|its|their)\s+(?!(?:children['’]?s\s+)?"
                             r"(?:services?|work|provision|report|inspection|council|authority|local authority)\b)\w",
                             re.I)
WHY_UNRATED = re.compile(r"\bwhy\b[^?]*(?:\bnot\b|n['’]t\b|\bno\b|\bnever\b|\bwithout\b)[^?]*"
                         r"\b(?:rated|graded|judged|rating|grade)\b", re.I)  # ("why didn't X get an overall grade?": not its findings,
# which do not say why; the report may)
SHARE_FIRST = re.compile(r"(?:^\W*|[,;:–—]\s*)(?:what|which)\s+(?:percentage|proportion|share|fraction)\b", re.I)
# (first, or first after the clause that says which report: "In Torbay's 2016 report, what proportion ...")
AREA_COVERED = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:towns?|areas?|places?|count(?:y|ies)|cit(?:y|ies)|boroughs?|councils|"
                          r"regions?|parts|districts?|local authorit(?:y|ies))\b[^?]*\b(?:cover\w*|serv(?:e[sd]?|ing)|"
                          r"span\w*|operat\w*|work(?:s|ed)?\s+in|look(?:s|ed|ing)?\s+after|patch(?:es)?|tak(?:e|es|ing)\s+in|fall\w*\s+"
                          r"(?:under|within))\b|^\W*where\s+(?:does|did|do)\b[^?]*\b(?:cover|serve|"
                          r"operate|work)\b|\b(?:the|its|their)\s+(?:geographic(?:al)?\s+)?(?:towns|area|places|"
                          r"count(?:y|ies)|regions?|patch)\s+(?:that\s+|which\s+)?"
                          r"(?!(?:the\s+)?(?:inspection|report|inspector)s?\b)(?:[\w'’&-]+\s+){1,5}?"
                          r"(?:covered|covers|served|serves|operated\s+in|operates\s+in)\b", re.I)
# the places a body covers (not "which reports cover X"; "the area it covered")
FREQUENCY_Q = re.compile(r"\bhow (?:often|frequently|regularly)\b|\bwhat (?:intervals?|frequency)\b", re.I)
WHO = re.compile(r"\s*(who|whom)\b", re.I)  # a person (or body) asked for
OTHER = re.compile(r"\bother\b(?!\s+(?:one|two|three|four|five|six|\d+)\b)(?!\s+(?:[\w-]+\s+){0,2}?(?:strengths?|concerns?|"
                   r"weaknesses|problems|issues|findings|things|aspects|parts|points|standards|judge?ments|"
                   r"recommendations|reasons|ways)\b)|\b(what|which|who|where) else\b", re.I)  # "which other
# councils", "what else" (not "the other two strong areas", "its other strengths": more of the same report)
PLURAL_ORGS = re.compile(r"\b(crcs|providers|councils|local authorities|authorities|las|companies|organisations|"
                         r"boroughs|divisions|forces|prisons|schools)\b", re.I)
NAME_THEM = re.compile(rf"^\W*(?:please\s+)?(?:can you\s+)?name\s+(?:[\w'’-]+\s+){{0,2}}?{PLURAL_ORGS.pattern}",
                       re.I)  # ("name three councils rated inadequate": a list of them, not a name asked)
SUPERLATIVE = re.compile(r"(?<!their )(?<!its )(?<!at )(?<!'s )(?<!’s )(?<!s' )(?<!s’ )\b(first|most|least|largest|"
                         r"biggest|highest|heaviest|lowest|lightest|best|worst|fewest|smallest|greatest|poorest|weakest|"
                         r"strongest)\b(?!\s+recent\s+(?:inspections?|reports?|visits?)\b)|"
                         r"(?<!their )(?<!its )(?<!at )(?<!'s )(?<!’s )(?<!s' )(?<!s’ )(?<!in the )(?<!at the )"
                         r"(?<!from the )"
                         r"(?<!whose )\b(earliest|latest)\b(?!\s+(?:inspections|reports|visits|ratings|grades)\b)|"
                         r"\b(more|fewer|less)\b(?!\s+than)", re.I)
# ("which councils got worse at their latest inspection", "the latest (most recent) inspections of A, B and C",
# "these councils' most recent reports": each body's own report, not a superlative)
MAJORITY = re.compile(r"\b(?:did|do|does|had|have|has|were|are|was|is|where|when|whom?)\s+most\s+(?=(?:of\s+)?"
                      r"(?:the\s+|their\s+|its\s+)?[a-z]+s?\s+(?:say|said|says|felt|feel|feels|thought|think|"
                      r"thinks|reported|report|reports|told|were|was|are|is|had|have|got|get|received|receive)\b)",
                      re.I)  # "did most staff say ...": the majority of them, not a ranking
ANY_OF = r"^\s*((were|was|did|have|has|are|is)\s+(there\s+)?)?(any\s+(crcs?|providers?|councils?|local authorit(y|ies)|" \
         r"authorit(y|ies)|las?|compan(y|ies)|organisations?|probation compan(y|ies)|(nps\s+)?divisions?|nps|" \
         r"boroughs?|trusts?|one)|anybody|anyone)\b"
# ("were any CRCs praised ...?", "did anybody get top marks?", "any councils doing X?")
ANY_PROBLEMS = r"^\s*(were|was|are|is|have|has)\s+there\s+(been\s+)?any\s+(problems?|issues?|concerns?|worries|" \
               r"failings|weaknesses|criticisms?|strengths|successes)\b"  # ("were there any problems with X?": which)
WHO_DID_WELL = r"^\s*who\s+(did|does|do|has|have|was|were)\s+(well|badly|poorly|good|great|a good job)\b|" \
               r"^\s*(who|which)\s+(was|were|got|has been|have been)\s+(praised|critici[sz]ed|complimented|" \
               r"commended|credited|slammed|singled out|picked out|flagged)\b|^\s*which\s+(were|had|got|did|have)\b"
# ("who did well at getting prisoners ready for release?", "who was complimented for ...", "which were good at
# ...": which bodies)
THOSE_WHICH = r"\b(?:the|all|any)\s+(?:crcs|providers|councils|local authorities|authorities|las|companies|" \
              r"organisations)\s+(?:that|which|who|whose)\b"  # ("I'm looking for the councils whose ... were ...")
LIST_CUE = re.compile(ANY_OF + rf"|{TIMES_INSPECTED}|{THOSE_WHICH}" + r"|^\s*(list|name|show)\b|\b(which|what|where|whose)\b|\bhow many\b|^\s*(the\s+)?(crcs|providers|"
                      r"councils|local authorities|authorities|las|probation companies|companies|organisations)\b|"
                      rf"^\s*who\s+(were|was|have|had|got|received)\b|\blist(\s+(them|those|these|all|em))?\W*$|\blist of\b|"
                      rf"{WHO_DID_WELL}|{HOLDS_REPORTS}|"
                      rf"{ANY_PROBLEMS}", re.I)
PLURALS = re.compile(ANY_OF + r"|\b(which|what)\s+([\w'’]+\s+){0,3}?(crcs|providers|inspections|reports|authorities|councils|"
                     r"boroughs|divisions|companies|organisations|areas|services|las|outfits|places|standards)\b|"
                     r"^\s*which\s+ones\b|"
                     r"\bwhich\s+([\w'’-]+\s+)?(crc|provider|inspection|report|authority|council|borough|division)\b|"
                     r"\b(in|for|at) which\b|(?:^|\s[-–:]|^[^,?]{0,30},)\s*where\b|^\s*(list|name|show)\b|"
                     r"\bhow many\s+(\w+\s+){0,2}?(crcs|providers|inspections|"
                     r"reports|authorities|councils|boroughs|divisions|companies|organisations|las)\b|"
                     r"^\s*(the\s+)?(crcs|providers|councils|local authorities|authorities|las|probation companies|"
                     r"companies|organisations|reports|inspections)\b|^\s*who\s+(were|have|had|got|received)\b|"
                     rf"\blist\s*$|\blist of\b|{WHO_DID_WELL}|{ANY_PROBLEMS}|{THOSE_WHICH}", re.I)


def kind_of(question: str, bodies: list[BodyMatch]) -> str:
    """"list" for "which/where ..." about several organisations; "fact" for one body, superlatives, the rest."""
    if not LIST_CUE.search(question) or (SUPERLATIVE.search(MAJORITY.sub(" ", question)) and not NUMERIC.search(question)):
        return "fact"
    named = len({b.body for b in bodies})  # "Kent ... (Kent)" names one body
    if named == 1 and not OTHER.search(question):
        return "list" if REPORTS_OF.search(question) else "fact"  # "which reports are about London?": its reports
    return "list" if PLURALS.search(question) or named > 1 or REPORTS_OF.search(question) else "fact"


def answer_type(question: str, named: bool = False) -> str | None:
    """The kind of thing that answers the question: a number, a date, a name, a grade, how often or the places
    covered (None: a
    finding). A share asked of a body ``named`` is a number, whatever grade its words name ("what percentage of
    X's children in care went to schools rated at least good?"); the grade that dates what is asked is not asked
    ("what did they say about X's front door when it was rated inadequate?")."""
    question = WHEN_GRADED.sub(" ", question) if named else question
    if grades.asks_for_grade(question) and not (named and SHARE_FIRST.search(question)):
        return "name" if GRADED_PLACE.search(question) else "grade"  # ("which respite centre was rated
        # outstanding?": its name)
    if named and AREA_ASKED.search(question) and grades.GRADE_MENTION.search(question) \
            and not PART_OF_A_THING.search(question):
        return "grade"  # "which part of X's services got the very top grade?" (read as "outstanding"): its areas
        # (not "what bit of the front door was good": a finding on one service)
    if named and EXTREME_AREA.search(question):
        return "grade"  # "what was X's weakest area?", "which part was strongest?": its areas' grades
    if WHO.match(question):
        return "name"  # "who ran it when it was inspected?": the question's first word asks, not the "when"
    if named and AREA_COVERED.search(question):
        return "place"  # "which towns does X serve?", "where does X operate?": the places it covers
    if FREQUENCY_Q.search(question):
        return "frequency"  # "how often does the panel meet?": "monthly", "every six weeks"
    if NUMBER_Q.search(question) or figure_asked(question) == "money":  # ("whats X's annual budget?": a sum)
        return "number"
    if DATE_Q.search(question):
        return "date"
    if NAME_Q.search(question) and not NAME_THEM.match(question):
        return "name"
    return None


NOT_GRADED = re.compile(rf"(?:\bnot|n['’]t|\bnever|\bbelow|\bshort of|\bless than)\s+(?:(?:rated|judged|graded|as|yet|"
                        rf"get|got|receive|achieve|quite|even|been)\s+)*{grades.GRADE_NAME}\b", re.I)
# ("which part wasn't good?", "any part they didn't get good for?")


def areas_yes_no(question: str) -> str | None:
    """How a yes/no question on one report's grades asks over its judgement areas: "all" ("did X get good for
    every area?"), "any" ("did it get outstanding for anything?") or "any not" ("was there any part they didn't
    get good for?"); None when it asks of one judgement."""
    if grades.asks_yes_no_grade(question) is None:
        return None
    if grades.ALL_AREAS.search(question):
        return "all"
    return ("any not" if NOT_GRADED.search(question) else "any") if grades.ANY_AREA.search(question) else None


WEAKEST = re.compile(r"\b(weakest|worst|lowest|poorest|least (?:good|strong)|(?:weaker|worse|lower|poorer) than "
                     r"(?:the )?(?:rest|others))\b", re.I)  # ("was any area weaker than the rest?")
STRONGEST = re.compile(r"\b(strongest|best|highest|top|(?:stronger|better|higher) than (?:the )?(?:rest|others))\b",
                       re.I)

EXTREME_AREA = re.compile(rf"(?:{WEAKEST.pattern}|{STRONGEST.pattern})\s+(?:area|part|aspect|judge?ment|bit|section)s?\b|"
                          rf"(?:{AREA_ASKED.pattern})[^?]*(?:{WEAKEST.pattern}|{STRONGEST.pattern})", re.I)


def grades_wanted(question: str, conditions: list[grades.Condition], given: Iterable[str] = ()) -> set[str]:
    """The grades a question asks which judgements had ("which area was inadequate?"); said as not a grade
    ("which parts were not good?"), those below it; "weakest" ("strongest"), the lowest (highest) of those given."""
    wanted = {c.grade for c in conditions if c.grade}
    if (negated := NOT_GRADED.search(question)) and (grade := grades.grade_of(negated.group(1))):
        return set(GRADES[GRADES.index(grade) + 1:])
    ordered = sorted({g for g in given if g in GRADES}, key=GRADES.index)
    if not wanted and ordered and (WEAKEST.search(question) or STRONGEST.search(question)):
        return {ordered[-1] if WEAKEST.search(question) else ordered[0]}
    return wanted


def figure_asked(question: str) -> str | None:
    """The kind of figure a question asks for: a sum of money ("how much did X spend"), a share ("what
    percentage"), a duration ("how long", "how many weeks") or a count ("how many children"); None when it could
    be any ("how much", "what average"). (``text.kind_of`` says which kind a figure in a report is.)"""
    return next((kind for kind, pattern in FIGURES_ASKED if pattern.search(question)), None)


def numeric(question: str) -> tuple[str, float] | None:
    match = NUMERIC.search(question)
    if not match:
        return None
    return comparison(match.group(1)), float(match.group(2).replace(",", ""))


def comparison(said: str) -> str:
    """The comparison a phrase before a figure asks for: "<" ("fewer than", "under" ...), "<=" ("at most"), ">="
    ("at least") or ">" ("more than", "over" ...)."""
    said = said.lower()
    return ("<" if said in {"fewer than", "less than", "under", "below", "at most"} else ">") + "=" * (
        said in {"at least", "at most"})


TITLED_RUN = re.compile(r"(?<=[a-z,;:'’‘\"] )[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")  # (a name, mid-sentence)
SIDE_ASKED = {"concern": re.compile(r"\b(weakness(?:es)?|shortcomings?|concerns?|problems?|criticis\w*|worr(?:y|ies)|"
                                    r"failings?|flaws?|deficienc\w*|wrong|negatives|downsides?|"
                                    r"(do|does|did|done|doing) badly|(weak|bad|low|minus) points?|"
                                    r"(should|must|need(s|ed)? to|ought to|ha(ve|s|d) to)\s+([\w'’-]+\s+){0,4}?"
                                    r"(fix|work on|sort out|address|tackle|change)|need(s|ed)? (more |some )?work|"
                                    r"(anything|something|much) (bad|negative|worrying)|bad (things|news|bits)|"
                                    r"f(all|alls|alling|allen|ell) (short|down)|go(es|ing)? wrong|went wrong)\b",
                                    re.I),  # ("what should X fix?", "what still needs work?")
              "positive": re.compile(r"\b(strengths?|praised?|commended|positives?|went well|"
                                     r"(do|does|did|done|doing) well|upsides?|(strong|good|high|plus) points?|"
                                     r"(anything|something|much) (good|nice|encouraging)|good (things|news|bits)|"
                                     r"what\s+(is|are|was|were|has been|have been)\s+(good|great|positive|strong)|"
                                     r"what\s+worked|went right)\b",  # ("what was good and what needs work?")
                                     re.I)}
# (a side asked in other words: "its strong points", "the negatives", "anything good said", "the bad news")


def sides_named(question: str) -> set[str]:
    """The sides a question names ("what were its strong points?": positive), however it words them; not in a
    name it writes mid-sentence ("North Yorkshire's No Wrong Door": no concern)."""
    question = TITLED_RUN.sub(" ", question)
    return {side for side, pattern in SIDE_ASKED.items() if pattern.search(question)}


def term_asked(question: str) -> str | None:
    """The term a question asks the meaning of ("what is a CRC?", "what does ILACS stand for?": "CRC", "ILACS"),
    of at most three words."""
    match = TERM_ASKED.match(question)
    return match[1] if match and len(match[1].split()) <= 3 else None
