"""Which composer answers a scoped question: one fact, an overview of one report, reports side by side
(compare), counts by year (trend), a row per report (list), findings many reports share (themes) or a ranking
by grade, date, count, change or figure (rank)."""

from __future__ import annotations

import re

from service.answering import grades
from service.answering.asks import OTHER, SIDE_ASKED, WHY_UNRATED, term_asked
from service.answering.dates import NOW_THAN
from service.answering.places import places_matched
from service.answering.scope import RATING, RECENCY, Scope, without_names
from service.answering.text import content_words, stem, words
from service.answering.verdict import ABSENT

SIDES = {stem(w) for w in """problem problems concern concerns weakness weaknesses failing failings criticism
    criticisms shortcoming shortcomings issue issues wrong worst bad strength strengths positive positives praise
    praised best good success successes well worry worries worried weak weaker weakest poor strong stronger strongest
    negative negatives downside downsides upside upsides plus minus fix fixing""".split()}  # ("what we need to fix")
# ("what were the main problems at X": one side of an overview)
OVERVIEW_WORDS = {stem(w) for w in """summary summarise summarize summarised overview tell about key main point points
    major biggest greatest why reason reasons badly poorly well so low high latest recent last newest most current
    headline headlines happen happened outcome outcomes result results verdict findings conclusions picture general
    brief briefly highlights takeaways learn know quick short rundown lowdown sum gist basically broadly mainly
    essentially generally really actually still first earliest like next following subsequent previous prior
    full second third fourth fifth round story things told looked days nowadays moment done fared performed
    made""".split()}  # ("what the inspectors made of X")
# ("the next full inspection": which report, not what about; "how is X doing these days?": now, not a subject)
COMPARE_WORDS = {stem(w) for w in """compare compared comparison comparing versus vs difference differences differ
    between against better worse change changed changes improve improved get got than side keep kept retain retained
    maintain maintained stay stayed remain remained stack stacks stacked measure measures measured fare fares fared
    """.split()}  # ("did it keep that?"; "how does X stack up, measure up, fare against Y?")
# counts by year across reports: "each year", "over time", "how have grades changed"
TREND = re.compile(r"\b(each|every|per|by|a)\s+year\b|\byear[- ](by|on)[- ]year\b|\b(annual|yearly)\b|"
                   r"\bover (the )?(years|time|period)\b|\btrends?\b|\bthrough the years\b|"
                   r"\bhow (have|has|did)\b[^?]*\b(grades?|ratings?|judge?ments?|outcomes?)\b[^?]*\b(change|changed|"
                   r"move|moved|shift|shifted|evolve|evolved|develop|developed)\b", re.I)
THEMES_CUE = re.compile(r"\b(common|commonest|recurring|recurrent|shared|frequent|typical|usual|repeated|widespread)"
                        r"\s+(problems?|concerns?|weakness(?:es)?|issues?|failings?|criticisms?|shortcomings?|"
                        r"themes?|findings?|strengths?|successes|positives)\b|\b(themes?|patterns?|in common)\b", re.I)
FIXES = r"(improve|improving|improvement|fix|fixing|sort out|work on|address|tackle|do better|get better)"
IMPROVE_ASKED = re.compile(rf"\b(needs?|needed|had|has|have|told|asked|urged)\s+(to\s+)?{FIXES}\b|"
                           rf"\b(areas?|points?|things?)\s+(for|of|to)\s+{FIXES}(ment)?\b|"
                           r"\bimprovement\s+(points?|areas?|actions?|priorit\w+)\b|"
                           r"\bimprovements?\s+(needed|required)\b|\bneed(s|ed)?\s+(more\s+|some\s+)?work\b|"
                           r"\bwant(s|ed)?\s+(\w+\s+)?(improved|fixed|changed|sorted|better)\b|"
                           r"\b(held|holds|holding|hold)\s+(\w+\s+){0,2}back\b|\blet\s+(\w+\s+){0,2}down\b|"
                           r"\brecommend(s|ed|ations?)?\b", re.I)
# ("what held it back?", "where did they let children down?": its concerns)
TO_IMPROVE = {stem(w) for w in "need needs needed improve improving improvement improvements area areas point points "
                               "required fix fixing fixed sort sorted work address tackle better want wants wanted "
                               "changed thing things anything held hold holds holding back let lets down recommend "
                               "recommends recommended recommendation recommendations made".split()}
MAX_COMPARED = 8  # reports a comparison naming no body may set side by side
OVER_TIME = re.compile(r"\bover (the )?(years|time)\b|\bthrough the years\b|(?:^|\b(?:its|their|the|a|[\w-]+['’]s?|"
                       r"inspections?|ofsted|ratings?|grades?|track|overall)\s+)(history|trajectory)\b|"
                       r"\bacross (all )?(its|their) (inspections|reports)\b|"
                       r"\bsince (its|their|the) (very )?first\b", re.I)  # one body's reports, all of them (its
# history, not a "health history")
HOW_RATED = re.compile(r"\b(rated|graded|judged|ratings?|grades?|judge?ments?|good|outstanding|inadequate|requires "
                       r"improvement|bad|poor|well|badly|strong|weak|like that|that way)\b", re.I)
ALWAYS = re.compile(r"\b(always|ever|every time|each time|every inspection|each inspection)\b", re.I)  # of all its grades
COUNT_CUE = re.compile(r"\bhow many\b|\bnumber of\b|\b(share|proportion|percentage|per ?cent|count|counts)\b|"
                       r"\bhow (have|has|did)\b|\b(more|fewer|less)\s+(?:\w+\s+)?(councils|crcs|providers|"
                       r"authorities|las|local authorities|organisations|reports|inspections)\b", re.I)  # ("did more
# councils get X in A or B?")
SOONEST = re.compile(r"\b(first|earliest|oldest|most recent(?:ly)?|latest|newest)\b", re.I)
FIRST_TO = re.compile(r"^\W*(?:was|were|is|did)\b.*\bthe\s+(?:very\s+)?(first|earliest)\s+(?:[\w'’-]+\s+){0,2}?"
                      r"(?:to|ever)\b", re.I)  # ("was X the first CRC to be rated good?": yes or no, by date)
SOONEST_WORDS = {stem(w) for w in "first earliest oldest recent recently latest newest watchdog watchdogs regulator "
                                   "regulators inspectorate inspectorates".split()}  # (by whom: "from the watchdog")
MOST_CHANGED = re.compile(r"\b(most|biggest|greatest|largest)[- ](improv\w*|declin\w*|deteriorat\w*|turnaround)|"
                          r"\b(improv\w*|declin\w*|deteriorat\w*|got worse|got better|fell|dropped)\b[^?]*\b(?:the )?most\b",
                          re.I)  # "which council improved the most?", "the biggest decline": by grade steps
OWNERS_COUNTED = re.compile(r"\b(?:owned|own|owns|ran|run|runs|operated|operates)\s+(?:the\s+)?(?:most|more\s+than\s+"
                            r"one|several|multiple|two\s+or\s+more|the\s+largest\s+number\s+of|(?:the\s+)?biggest\s+"
                            r"number\s+of)(?=\W*$|\s+(?:of\s+(?:the|them)\s+)?(?:[\w-]+\s+)?(?:crcs?|compan(?:y|ies)|"
                            r"providers?|organi[sz]ations?|contracts?|divisions?)\b)", re.I)  # (what owns bodies: not
# "which council runs the most children's homes?")
MOST_INSPECTED = re.compile(r"\b(most|fewest|least)\s+(inspections|reports|inspected|often)\b|"
                            r"\binspected\s+(the\s+)?(most|least)\b", re.I)
GRADE_WORDS = {stem(w) for w in "outstanding good requires improvement inadequate".split()}  # ("the lowest grade,
# inadequate, overall": the grade said beside it)
MOST_GRADED = re.compile(r"(?<!at )\b(most|fewest|least|more|fewer|"
                         r"(?:highest|greatest|largest|biggest|lowest|smallest)\s+number\s+of)\s+"
                         r"(?:['‘’\"“”]?[\w-]+['‘’\"“”]?\s+){0,2}?"
                         r"(areas?|judge?ments?|standards?|grades?|ratings?|domains?|parts?|aspects?|marks)\b", re.I)
# ("the most areas marked outstanding": each report's judgements of that grade, counted)
SUPERLATIVES = "most largest biggest highest greatest heaviest fewest smallest lowest least lightest".split()
COMPARATIVES = "more fewer less bigger larger higher greater heavier smaller lower lighter".split()
MOST_OF = re.compile(rf"\b({'|'.join(SUPERLATIVES)})\s+(?:number of\s+)?"
                     r"(?!(?:common|likely|often|recent|recently|popular|frequent|frequently)\b)"
                     r"(?!\w+(?:ous|ive|ful|ent|ant|ed|al|ble|ic|ing)\b)[a-z]", re.I)
# "the most people", "the largest caseload" (not "the most serious", "the most common grade")
MOST_WORDS = [*SUPERLATIVES, "number", *COMPARATIVES]
MOST_SAID = re.compile(rf"\b({'|'.join(SUPERLATIVES)})\b", re.I)  # (of a figure asked: "how many they supervised, which
# was smallest?", "which was the smallest, going by how many people it had?")
MORE_OF = re.compile(rf"\b({'|'.join(COMPARATIVES)})\b(?!\s+than\b)", re.I)
LEAGUE = re.compile(r"\b(rank|ranked|ranking|rankings|order|ordered|sort|sorted|league tables?)\b|"
                    r"\bfrom (the )?(best|worst|highest|lowest|top|bottom) to\b", re.I)  # every body, by its grade
RESULTS = {stem(w) for w in "result results outcome outcomes performers performer england english country uk "
                            "nationally britain".split()}  # (what is ranked, and where: every body in the index)
LEAGUE_WORDS = {stem(w) for w in "rank ranked ranking rankings order ordered sort sorted league table tables best "
                                 "worst highest lowest top bottom first".split()}
BEST_WORST = re.compile(r"\b(best|worst|highest|lowest|top|bottom|poorest|weakest|strongest)\b", re.I)
SUMMARY_CUE = re.compile(r"\b(summar(y|ies|ise|ize)|sum\s+(?:(?:it|them|that|things)\s+)?up|gist|rundown|overview|"
                         r"key (findings|points|messages|issues)|"
                         r"main (findings|points|messages|issues|conclusions)|headlines?|highlights)", re.I)
OVERVIEW_CUE = re.compile(r"\bwhy\b[^?]*\b(rated|graded|judged|given|got|get|rating|grade)\b|" + SUMMARY_CUE.pattern +
                          r"|\b(tell me (more )?about|what happened|(find|say|conclude|report)\b\W*$|"
                          r"how (?:did|had|has|have)\b.*\b(do|done|get on|got on|fare|fared|perform|performed)\b|"
                          r"what (was|were) the (outcome|result|verdict|findings|conclusions)|points? of)", re.I)
CHATTER = {stem(w) for w in """i'm im i've ive i'd id please pls thanks thank cheers need needs want wanted like
    preparing prepare prepared writing write briefing brief meeting presentation colleague colleagues boss manager
    board committee team quickly asap""".split()}  # a request's framing, beside a summary asked for
FOCUS = re.compile(r"\b(?:especially|particularly|in particular|notably|above all|mainly|(?:with\s+(?:a|an|the|"
                   r"some)\s+)?(?:focus|emphasis)\s+on|focus(?:s|ing)?\s+on|concentrating\s+on|looking\s+at)\b"
                   r"[\s,:]*(?:on\s+|at\s+)?(.+?)\s*\??\s*$", re.I)  # an aspect asked besides an overview
DIFFER = (r"differ|differs|differed|differing|(?<!a )(?<!real )(?<!big )(?:differences|(?<!any )difference)|"
          r"how different|different\s+(?:from|to|than|between)|"
          r"different\s*\?")  # sets two apart ("were there any differences in their grades?"): not "how many
# different owners", "different interventions", "made a (any) difference" (to children)
COMPARE_CUE = re.compile(rf"\b(compar\w*|versus|vs\.?|v\.|{DIFFER})(?!\w)|\bwhich (was|is|were|did)\b[^?]*\b"
                         r"(better|worse|higher|lower)\b|\b(better|worse) than\b|\b(stack|stacks|stacked|measure|"
                         r"measures|measured|match|matches|matched)\s+up\b|\b(fare|fares|fared)\b[^?]*\bagainst\b|"
                         r"\bhow\s+(?:\w+\s+){0,3}against\b", re.I)  # ("how do X's grades stack up against Y's?")
VERSUS = re.compile(r"\b(?:versus|vs\.?|v\.)(?!\w)", re.I)
BETTER = re.compile(r"\b(better|worse|higher|lower|stronger|weaker|best|worst|or)\b", re.I)  # of two bodies named
MORE_OR_LESS = re.compile(r"\b(more|fewer|less|higher|lower|greater|smaller|bigger)\b", re.I)  # (of two years' counts)
RISEN = re.compile(r"\b(?:go|goes|gone|went|going)\s+(?:up|down)\b|\b(?:rise|rises|risen|rising|rose|increas\w*|"
                   r"decreas\w*|fall|falls|fallen|falling|fell|grow|grows|grown|growing|grew|drop\w*|declin\w*)\b", re.I)
SMALL_TALK = re.compile(r"^\W*(?:hi|hiya|hello|hey|good\s+(?:morning|afternoon|evening)|thanks?(?:\s+you)?(?:\s+(?:so|very)"
                        r"\s+much)?|thank\s+you|cheers|ta|help|what\s+can\s+you\s+do|how\s+do\s+i\s+use\s+(?:this|you)|"
                        r"who\s+are\s+you|what\s+are\s+you)\W*$", re.I)  # (not a question about the reports)
YEARS_COVERED = re.compile(r"\b(?:what|which)\s+(?:years?|dates?|period|time\s*span)\b[^?]*\b(?:cover\w*|span\w*|"
                           r"range)\b|\bhow far back\b|\bdate range\b|\b(?:from )?when to when\b", re.I)  # (of the
# reports themselves: their count by year)
YEAR_MOST = re.compile(r"\b(?:which|what)\s+year\b[^?]*?\b(most|fewest|least|highest|lowest)\b", re.I)  # ("which
# year had the most inadequate ratings?": each year's count, the year with the most first)
SHARE_MOVED = re.compile(rf"\b(?:share|proportion|number|percentage)\s+of\b[^?]*?(?:{RISEN.pattern})", re.I)
SINCE = re.compile(r"\bsince\s+(?:19|20)\d\d\b|" + NOW_THAN, re.I)  # (and "more now than in 2018")
CHANGE_CUE = re.compile(r"\b(chang\w*|improv\w*|get better|got better|got worse|progress\w*|since)\b", re.I)
DIRECTION = re.compile(r"\b(improv\w*|better|worse|declin\w*|deteriorat\w*|dropp?(ed|s)?|slipp?(ed|s)?|downhill|"
                       r"fall(en|s)?|fell|(go|gone|went|goes) (up|down)|progress\w*|chang\w*|keep|kept|retain(ed)?|"
                       r"maintain(ed)?|(stay|remain)(ed)?)\b", re.I)  # ("did it keep that?")
WHERE_MOST = re.compile(r"\b(where|which|what)\b|\b(most|least)\b(?!\s+recent)", re.I)  # "where did it improve most": an area
CHANGE_FRAME = {stem(w) for w in """improve improved improves improvement improvements improving better worse decline
    declined deteriorate deteriorated drop dropped slip slipped downhill fall fallen fell gone went goes progress
    progressed change changed since previous prior earlier last inspections first second third two both latest
    recent next between later afterwards subsequently things matters overall generally""".split()}
# (which of its inspections: "from the first inspection to the second"; "did it get better later?"; "are things
# improving at X?")
UNDIRECTED = {stem(w) for w in "change changed changes different difference differences".split()}  # a change, no way
VAGUE = {stem(w) for w in "thing things anything something much".split()}  # ("have things changed at X?")


def over_time(scope: Scope) -> bool:
    """True when all of one body's reports are asked: "over the years", "its history", "Leeds history" (a body's
    own: not "their health history")."""
    return bool(OVER_TIME.search(scope.question)) or any(
        re.match(r"\s*(?:['’]s?\s+)?(?:inspection\s+)?(?:history|trajectory)\b", scope.question[b.end:], re.I)
        for b in scope.bodies)


def asks_for_themes(scope: Scope) -> bool:
    """"What were the common problems across the councils?": findings shared by several reports, none named."""
    return not scope.bodies and len(scope.report_ids) > 2 and bool(THEMES_CUE.search(scope.question))


def summary_of_many(scope: Scope) -> bool:
    """True for an overview asked of several reports and no body ("summarise the 2020 reports", "key findings
    of the 2019 inspections")."""
    residue = {stem(w) for w in scope.topic_words}
    return (not scope.bodies and scope.kind == "fact" and scope.answer_type is None and len(scope.report_ids) > 1
            and bool(SUMMARY_CUE.search(scope.question)) and residue <= OVERVIEW_WORDS | RATING | SIDES)


def quantity_asked(scope: Scope) -> bool:
    """True for a superlative of a figure across reports ("which provider supervised the most people?", "the
    largest caseload"), or a comparative between bodies named ("which supervised more people, A or B?"): not of
    a grade, a date, a count of reports or a change of grade."""
    framing = RATING | {stem(w) for w in MOST_WORDS}
    sized = not {stem(w) for w in scope.topic_words} - framing and bool(scope.jargon)  # ("the biggest CRC": by the
    residue = {stem(w) for w in [*grades.besides_grades(scope.topic_words), *content_words(scope.jargon)]} - framing  #
    # people supervised; not a grade: "the lowest grade, inadequate, overall")
    across = not scope.bodies and scope.kind == "fact" and bool(MOST_OF.search(scope.question) or (
        MOST_SAID.search(scope.question) and (scope.answer_type == "number" or sized)))
    between = len({b.body for b in scope.bodies}) >= 2 and bool(MORE_OF.search(without_names(
        scope.question, scope.bodies, True)) or scope.answer_type == "number" and COMPARE_CUE.search(
        scope.question))  # "A or B?" (not "Greater" in "Greater Manchester"); "how many ... A compared with B"
    return (len(scope.report_ids) > 1 and bool(residue) and (across or between)
            and not MOST_INSPECTED.search(scope.question) and not MOST_CHANGED.search(scope.question))


def count_moved(question: str) -> bool:
    """True when a question asks which way a count moved ("has it gone up", "fewer", "higher than in 2019")."""
    return bool(RISEN.search(question) or MORE_OR_LESS.search(question))


def one_period(question: str, lo: int, hi: int) -> bool:
    """Whether two years are written as one period ("the 2021/22 inspection", "2021-22"), not as two times."""
    return hi == lo + 1 and bool(re.search(rf"\b{lo}\s*(?:/\s*(?:{hi}|{hi % 100:02d})|-\s*{hi % 100:02d})\b", question))


def _better_asked(scope: Scope) -> bool:
    """Which of the bodies named was better ("A or B?" too: not "turnover or an unstable workforce", an "or" of
    the topic's, beside no body's name)."""
    return any(m.group(1).lower() != "or" or any(abs(b.start - m.end()) <= 2 or abs(m.start() - b.end) <= 2
                                                 for b in scope.bodies) for m in BETTER.finditer(scope.question))


def _counted_since(scope: Scope) -> bool:
    """A count of what happened since a time ("how many DCSs has X had since the 2019 inspection?"): a number
    asked, and "since" the only word of change (not "how many more ... than in 2019?")."""
    said = {m.group(0).lower() for m in CHANGE_CUE.finditer(scope.question)}
    return scope.answer_type == "number" and said == {"since"} and not COMPARE_CUE.search(scope.question)


def intent_of(scope: Scope) -> str:
    """fact, define (a term), owners (counted), overview (of one report), compare (reports side by side), list (a
    row per report), rank (by grade, date, count, change or figure), themes (findings many reports share) or trend
    (counts by year)."""
    residue = {stem(w) for w in scope.topic_words}
    named = len({b.body for b in scope.bodies})
    years = {y for lo, hi in scope.years for y in ((lo,) if one_period(scope.question, lo, hi) else (lo, hi))
             if y not in (0, 9999)}
    if SMALL_TALK.match(scope.question):
        return "chat"  # "hi", "thanks!", "what can you do?"
    if not named and (YEAR_MOST.search(scope.question) or YEARS_COVERED.search(scope.question)):
        return "trend"  # "which year had the most inadequate ratings?"
    if not named and OWNERS_COUNTED.search(scope.question):
        return "owners"  # "who owned the most CRCs?", "which companies ran more than one CRC?"
    if named != 1 and MOST_GRADED.search(scope.question) and any(c.grade for c in scope.conditions):
        return "rank"  # "which CRC had the most areas rated outstanding?": each report's judgements of that grade
    if named >= 2 and quantity_asked(scope):
        return "rank"  # "which supervised more people, Wales CRC or DLNR?": their figures (else side by side)
    two_times = len(years) >= 2 or named == 1 and len(years) == 1 and len(scope.report_ids) == 2  # ("between the
    # 2015 inspection and the most recent one")
    changing = CHANGE_CUE.search(scope.question) and not _counted_since(scope)
    cue = COMPARE_CUE.search(scope.question) or (changing and two_times) or (named >= 2 and _better_asked(scope)) \
        or (named == 1 and two_times and any(m.group(1).lower() != "or" for m in BETTER.finditer(scope.question)))
    # ("which X inspection was rated better, 2019 or 2020?": its two reports)
    within_one = len(scope.report_ids) == 1 and bool(residue - COMPARE_WORDS - CHANGE_FRAME) and bool(VERSUS.search(
        scope.question)) and not places_matched(" ".join(scope.topic_words))  # ("HLNY home visits recommended vs
    # actually done?": two things one report tells; not "essex vs kent", a place)
    if cue and (named >= 2 or (named == 1 and (two_times or changing or (
            COMPARE_CUE.search(scope.question) and not OTHER.search(scope.question) and not within_one)))):
        return "compare"
    if named >= 2 and scope.kind == "fact" and scope.answer_type is None:
        return "compare"  # two bodies and no one thing asked: each gets its side ("X stack up against Y")
    if named == 1 and len(years) >= 2 and scope.kind == "fact" and scope.answer_type is None:
        return "compare"  # one body in two years, no one thing asked ("did X's workload problem ease between
        # 2018 and 2020?"): its reports of those years side by side
    if cue and named == 0 and 2 <= len(scope.report_ids) <= MAX_COMPARED and scope.kind == "fact":
        return "compare"  # "compare all the 2020 reports"
    if named == 0 and asks_for_themes(scope):
        return "themes"  # "what were the common problems across the CRCs?"
    if summary_of_many(scope):  # "summarise the 2020 reports": side by side, or (more than a table holds) graded
        return "compare" if len(scope.report_ids) <= MAX_COMPARED else "list"
    changed = {stem(w) for w in grades.besides_grades(scope.topic_words)}  # ("was it good before - did it keep that?")
    if named == 1 and DIRECTION.search(grades.GRADE_WORD.sub(" ", scope.question)) \
            and changed <= CHANGE_FRAME | COMPARE_WORDS | RATING \
            and not WHERE_MOST.search(scope.question) and not IMPROVE_ASKED.search(scope.question) \
            or named == 1 and over_time(scope) \
            or named == 1 and ALWAYS.search(scope.question) and HOW_RATED.search(scope.question) \
            or named == 1 and len(scope.report_ids) >= 2 and changed & UNDIRECTED \
            and changed <= UNDIRECTED | VAGUE | CHANGE_FRAME:  # ("what had changed at X by the time they went back?")
        return "compare"  # "has Suffolk gone downhill", "Birmingham over the years", "was it always that good?"
    shifted = count_moved(scope.question)
    moved = shifted or COMPARE_CUE.search(scope.question) or CHANGE_CUE.search(scope.question)
    counts_compared = COUNT_CUE.search(scope.question) and (len(years) >= 2 and moved or shifted and SINCE.search(
        scope.question)) or not years and SHARE_MOVED.search(scope.question)  # ("how many in 2022 compared with
    # 2023", "has the number of outstanding councils gone up since 2018?", "has the share of outstanding councils
    # grown?": over every year; not "how many were outstanding since 2020?": a count)
    if named == 0 and (TREND.search(scope.question) or counts_compared) and (
            scope.kind != "list" or COUNT_CUE.search(scope.question)):
        return "trend"  # counts by year across reports; one body's change is a comparison, "which ..." a list
    if named != 1 and LEAGUE.search(scope.question) and residue <= RATING | LEAGUE_WORDS | RECENCY:
        return "rank"  # "rank the CRCs by grade", "from best to worst", "by their latest grade": a league table
    if not named and not years and not scope.conditions and term_asked(scope.question) and not residue & RATING \
            and not any(p.search(scope.question) for p in (BEST_WORST, SOONEST, MOST_INSPECTED, MOST_CHANGED)) \
            and not quantity_asked(scope):
        return "define"  # "what is a CRC?", "what does ILACS stand for?" (not "what is the most common rating?")
    if scope.kind == "list" and scope.bodies and scope.answer_type == "grade" and not scope.conditions:
        return "fact"  # "what grades did Essex CRC and Wales CRC get?": each one's grade, not a topic "grades"
    if scope.kind == "list" and len(scope.report_ids) == 1 and scope.topic_words and not scope.conditions \
            and ABSENT not in scope.wanted:
        return "fact"  # ("which nps divisions were praised for X?" of the one NPS report: what it says on X)
    extremes = RATING | RESULTS | {stem(w) for w in BEST_WORST.findall(scope.question)} | GRADE_WORDS
    if BEST_WORST.search(scope.question) and named != 1 and residue <= extremes:
        return "rank"  # ("which councils had the worst results in 2024?": by grade, not a topic "results")
    if scope.kind == "list":
        return "list"
    ungraded = grades.besides_grades(scope.topic_words)
    if (named == 0 and SOONEST.search(scope.question) or named == 1 and scope.conditions and FIRST_TO.search(
            scope.question)) and {stem(w) for w in ungraded} <= RATING | SOONEST_WORDS:
        return "rank"  # "the most recent inspection", "which council was rated outstanding first?": by date (and
        # "was X the first to be rated good?": whether it was)
    if named == 0 and (MOST_INSPECTED.search(scope.question) or MOST_CHANGED.search(scope.question)):
        return "rank"  # by the number of reports, or by how far a grade moved
    if quantity_asked(scope):
        return "rank"  # "which CRC supervised the most people?": each report's figure, compared
    if named == 1 and scope.answer_type == "grade" and not WHY_UNRATED.search(scope.question) and (
            re.search(r"\bwhy\b|\breasons?\b", scope.question, re.I) or SUMMARY_CUE.search(scope.question)):
        return "overview"  # "how was Hackney rated in 2024, and why?", "X 2018 overview - what were the grades and
        # main points": the grade and the findings behind it
    if IMPROVE_ASKED.search(scope.question):  # "what does X need to improve?": its concerns
        residue = (residue - TO_IMPROVE) | {stem("concerns")}
    if named == 1 and scope.answer_type is None and OVERVIEW_CUE.search(scope.question) and FOCUS.search(
            scope.question) and not residue <= OVERVIEW_WORDS | RATING | SIDES:
        return "focused"  # "summarise X's inspection, especially how they coped with covid": both
    if SUMMARY_CUE.search(scope.question):
        residue -= CHATTER  # ("I'm preparing a briefing and need the key points from X": the key points)
    residue -= {stem(w) for pattern in SIDE_ASKED.values() for m in pattern.finditer(scope.question)
                for w in words(m.group(0))}  # (a side in other words: "where did they fall short?")
    if WHY_UNRATED.search(scope.question):
        return "fact"  # ("why didn't X get an overall grade?": not its findings; the report may say why)
    if scope.bodies and scope.answer_type is None and (OVERVIEW_CUE.search(scope.question) or not residue
                                                       or residue & SIDES) and residue <= OVERVIEW_WORDS | RATING | SIDES:
        return "overview"
    return "fact"
