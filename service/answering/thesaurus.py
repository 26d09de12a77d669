"""Everyday words for the inspectorates' terms of art: "partner violence" is "domestic abuse" in a probation
report, "kids in care" are "children looked after" in an Ofsted one. The embedding model does not bring such
pairs close enough, and the words never match, so a question that uses the everyday words is read with the
reports' words beside them (for ranking by meaning and by words; the question itself is unchanged).

Written from the two inspectorates' vocabularies, not from any one question; kept only because it lifts the
test halves of the everyday question sets (docs/answering.md)."""

from __future__ import annotations

import re
from collections.abc import Callable

TERMS: dict[str, str] = {  # the reports' term: the everyday ways of saying it (regular expressions)
    # probation
    "domestic abuse": r"partner[- ]violence|intimate partner|domestic violence|violence (at|in the) home|"
                      r"abusive (relationships?|partners?)|wife[- ]beat\w*|coercive control|"
                      r"(violen\w*|abus\w*|aggressi\w*) (towards?|to|against|at) (their )?(partners?|famil\w*|"
                      r"spouses?|wives|husbands|girlfriends?|boyfriends?|loved ones)|"
                      r"(hit|hitting|hurt|hurting|beat|beating|abus\w*) (their )?(partners?|spouses?|wives|"
                      r"girlfriends?|famil\w*)",
    "home visits": r"call(ing|ed)? round|house calls?|visit\w* (people|offenders|them|clients)\b[^?]{0,20}\bhomes?|"
                   r"(where|in the places?) (they|people|offenders) live|doorstep|knock\w* on (their )?doors?|"
                   r"at (their|people's|offenders') (houses?|homes?)|"
                   r"(go|going|went|gone) (out )?to (see|visit) (people|offenders|them|clients)|"
                   r"(see|seeing|saw|seen|meet|meeting|met) (people|offenders|them|clients) "
                   r"(in|at) (their )?(own )?homes?",
    "unpaid work": r"community (payback|service|work)",
    "staff morale workloads stress": r"burn(t|ed)[- ]out|burnout|exhausted|fed up|stressed|overworked|worn out|"
                                     r"swamped|too much work|drowning in (work|cases)|"
                                     r"low spirits|unhappy (staff|workers)|demotivated",
    "caseloads workloads cases": r"too many cases|cases (per|for each) (officer|worker)|snowed under|overloaded|"
                                 r"average caseload|caseload (per|for each|of each|of an?) |"
                                 r"\b(?:workers?|advisers?|officers?|staff|PAs)['’]? caseload\b(?!s)",
    "people supervised": r"(?<!average )(?<!workers )(?<!worker's )(?<!workers' )(?<!advisers )(?<!adviser's )"
                         r"(?<!advisers' )(?<!officers )(?<!officer's )(?<!officers' )(?<!staff )(?<!PAs )"
                         r"\bcaseload\b(?!s)(?! (per|for each|of each|of an?) )|"  # (not a worker's: "personal
                         # advisers caseload" is caseloads)
                         r"\bon\b[^?.]{0,40}?\bbooks\b|"  # ("on Essex CRC's books")
                         r"\b(?:biggest|largest|smallest|bigger|larger|smaller)\b(?=\s*(?:(?:one|crcs?|providers?|"
                         r"compan(?:y|ies)|divisions?|probation (?:compan(?:y|ies)|services?|providers?))\b|[?,.]|$))",
    # a provider's caseload is the number it supervises (an officer's, "average caseload per officer", is
    # "caseloads"); so is its size ("the biggest CRC")
    "leadership leaders": r"well[- ]run|run (well )?at the top|senior (management|managers)|management team|bosses|"
                          r"people in charge|top brass|those in charge|managed at the top|running the show|"
                          r"(people|those|whoever) running (them|things|it|the place|the (company|companies|crcs?))|"
                          r"\bat the top\b(?! of)|(?<!case )(?<!risk )(?<!performance )(?<!financial )(?<!data )"
                          r"\bmanagement\b(?!\s+(?:of|oversight|information|board|systems?))",
    "covers": r"\bpatch(?:es)?\b|\btak(?:e|es|ing)\s+in\b|\bfall(?:s|ing)?\s+(?:under|within)\b",  # (a body's area)
    "women female": r"\bwom[ae]n\b|\bfemale\b|\bladies\b",
    "Through the Gate resettlement": r"(prison|jail) release|leav\w* (prison|jail|custody)|released from (prison|custody)|"
                                     r"\bout of (prison|jail|custody)\b|"
                                     r"release from (prison|jail)|\bttg\b|(ready|prepar\w*) (\w+ ){0,2}for (their )?"
                                     r"release|prisoners? (leaving|being released|coming out)|resettl\w*|"
                                     r"before (their )?release|pre-?release",
    "risk of harm": r"danger(ous)? to (others|the public|people)|public protection|threat to (the public|others)",
    "staff shortages vacancies recruitment": r"not enough staff|under[- ]?staffed|short[- ]staffed|unfilled|"
                                             r"empty posts|vacant (posts|roles|jobs)|staffing "
                                             r"(problems|issues|gaps)|too few staff|lack of staff",
    "delegated delivered by trust company on behalf of": r"\b(?:runs?|ran|running|operat\w+)\b[^?]{0,30}\bchild\w*['’]?s?"
                                                         r" (?:social care|services)\b|\b(?:deliver|provid)\w*\s+"
                                                         r"(?:(?:its|their|the|[\w-]+['’]s?)\s+)?child\w*['’]?s?"
                                                         r" (?:social care|services)\b|\bchild\w*['’]?s? (?:social care|"
                                                         r"services)\b[^?]{0,40}\b(?:run|ran|operated) by\b|"
                                                         r"^\W*(?:and\s+)?who\s+(?:runs?|ran|operates?|delivers?|provides?)\s+"
                                                         r"(?:the|its|their)\s+(?:services?|social care)\b",
    "substance misuse": r"\bdrugs?\b|\bdrink(ing)?\b|alcohol|addiction",
    "accommodation": r"housing|homeless\w*|somewhere to live|a place to live|roof over",
    "employment training education": r"\bjobs?\b|into work|get work|find work",
    "sentence plans": r"plans? for (offenders|people on probation)",
    "accredited programmes": r"behaviour courses?|offending courses?|group programmes",
    "responsible officers case managers": r"probation (officers?|workers?|staff)|offender managers?",
    "integrated offender management": r"prolific (offenders|criminals)|repeat offenders|\biom\b",
    "MAPPA multi-agency public protection": r"most dangerous offenders|high[- ]risk offenders management|"
                                            r"public protection arrangements",
    "victims": r"people (they|offenders) (harmed|hurt)|those harmed",
    "telephone": r"\bphon(e|es|ed|ing)\b|\bcalls? (only|alone)\b",
    "coordination checks with other agencies information sharing": r"liais\w*|joined[- ]up|"
                                                                   r"shar(e|ed|ing) (information|info)|"
                                                                   r"communicat\w* with|talk(ing|ed)? to (each other|"
                                                                   r"the police|other agencies)",
    "police": r"\bcops?\b|\bcoppers?\b|\bthe old bill\b|\bplod\b",
    "children's services": r"\bsocial services\b",
    "ICT systems": r"(?-i:\bIT\b)|\bit (?=(systems?|equipment|kit|infrastructure|networks?)\b)|information technology|computer\w*|software|tech(nology)? (systems?|problems?)|"
                   r"digital (systems?|tools?)|case (management|recording) systems?",
    "child safeguarding children's services": r"keep(ing|s)? (kids|children) safe|(kids|children)'?s? safety|"
                                              r"protect(ing|ion of)? (kids|children)|safety of (kids|children)",
    # children's services
    "children looked after in care": r"\bcla\b|in[- ]care population|\bin the care system|(kids|children) in care|"
                                     r"\bin\s+((the council|the local authority|\w+)?\s*(['’]s|its|their)\s+)?care\b"
                                     r"(?!\s+(proceedings|orders?|plans?|planning|leavers?))|fostered|"
                                     r"foster or residential|children the council looks after|looked-after children",
    "care leavers": r"leaving (care|the care system|its looked[- ]after system)|left care|grown up in (care|council)|"
                    r"(left|leaving|grown out of|grew out of|aged out of|moved on from)\s+(?:[\w'’]+\s+){0,4}?"
                    r"(care|looked[- ]after|foster)\w*|"
                    r"care[- ]experienced|young (adults|people) (leaving|who left) care|youngsters who had grown up",
    "personal advisers": r"(workers?|staff|people|someone|adults?)\s+(who|that)\s+(supports?|helps?|works? with|"
                         r"looks? after)\s+(young people|care leavers|kids|them|young adults)\s+(after|once|when)\s+"
                         r"(they\s+)?(leave|have left|left)\s+care|leaving[- ]care (workers?|staff)|"
                         r"after-?care workers?",
    "edge of care": r"(keep|keeping|stop|stopping|prevent|preventing)\w* (\w+ ){0,2}?(kids|children|young people|"
                    r"teenagers|families) (out of care|together|from (coming|going) into care)|out of care",
    "unregistered children's homes": r"\b(?:homes?|placements?|provision|settings?)\s+(?:that|which)\s+(?:are|were|is|"
                                      r"was)(?:n['’]t|\s+not)\s+registered\b|\bnot\s+registered\s+with\s+ofsted\b",
    "foster carers": r"foster (parents|families|mums|dads)",
    "children's homes": r"residential (homes|care homes|units)|care homes for children",
    "multi-agency safeguarding hub MASH referrals contact": r"front door|first contact|initial contact",
    "child sexual exploitation": r"grooming|sexual(ly)? exploit\w*",
    "criminal exploitation county lines": r"\bgangs?\b|county lines|drug running",
    "knife crime": r"\bknives\b|\bblades?\b|stabb(ing|ings|ed)\b|carry(ing)? (a )?knife",
    "missing from home and care": r"run(ning)? away|runaways?|go(ne|ing)? missing|went missing",
    "unaccompanied asylum-seeking children": r"\buasc\b|refugee (children|kids)|asylum[- ]seek\w*|"
                                             r"child(ren)? refugees",
    "child protection plans": r"protection plans?|on a plan",
    "disabled children": r"disabilit\w+|\bsend\b",
    "independent reviewing officers": r"\biros?\b|reviewing officers?",
    "Children in Care Council voice": r"youth (voice|council|forum|group)|children'?s views|care council|"
                                      r"voice group",
    "apprenticeships": r"trainee (jobs?|posts?|roles?|places?|schemes?)|job[- ]training|on[- ]the[- ]job training|"
                       r"traineeships?|work placements?",
    "assessments": r"evaluations? of (\w+['’]?s? ){0,2}needs|needs (evaluations?|checks?)",
    "not in education, employment or training": r"\bneet\b|not in work or (school|education)|jobless",
    "placement stability moves": r"moved around|moving (home|placements?) (a lot|often)|placement moves|"
                                 r"too many moves|kept moving",
    "mothers": r"\bmums?\b|\bmoms?\b|\bmothers?\b",
    "e-safety online safety": r"internet[- ]dangers?|online dangers?|staying safe online|internet safety|"
                              r"cyber[- ]?bullying",
    "cyber-attack cyberattack": r"\bhack(?:ers?|ed|ing|s)?\b|ransomware|cyber[- ]?(?:crime|criminals?|incidents?)|"
                                r"\b(?:it|computer) (?:systems? )?(?:outage|crash|attack)\w*",
    "pathway plans": r"transition (documents?|plans?)|leaving[- ]care plans?",
    "early help": r"help (families )?early|early (support|intervention)",
    "recruitment retention turnover agency staff": r"staff (leaving|churn|keep leaving)|churn|keep(ing)? staff|"
                                                   r"retain(ing)? staff|temporary (staff|workers)|temps|locums?",
    "connected carers special guardianship kinship": r"grandparents|relatives (looking after|caring for|raising)|"
                                                     r"family and friends (carers|care)|kinship",
    "adoption adopters": r"adopt(ed|ive|ing)? (parents|families|children)|new (forever )?famil(y|ies)",
    "section 47 child protection enquiries strategy": r"child protection (investigations?|inquiries)|"
                                                      r"investigations? (of|into) abuse",
    "electively home educated": r"home[- ]?school\w*|taught at home|educated at home",
    "children missing education": r"not in school|off school|out of school|missing school",
    "child and adolescent mental health services CAMHS emotional well-being": r"mental health (services )?(for|of) "
                                                                             r"(children|young people|kids)|child mental health",
    "youth offending service youth justice": r"young offenders?|youth crime|kids in trouble with the police|"
                                             r"\byot\b|\byos\b",
    "corporate parenting": r"council as (a )?parents?|councillors as parents",
    "permanence": r"permanent homes?|forever homes?|long[- ]term homes?|settled homes?",
    "return home interviews": r"return (conversations?|chats?|talks?)|talk\w* to (children|kids) (after|when) they "
                              r"(go|went|come back|came back)",
    "peer review external scrutiny": r"outside (help|support|experts?|advice|review|scrutiny|eyes)|"
                                     r"external (help|support|experts?|advice)",
    "quality assurance audits": r"checking (the )?quality|quality checks?|case checks",
    "bed and breakfast accommodation": r"\bb ?& ?bs?\b|\bb and bs?\b|hotels?|unsuitable (housing|accommodation)",
    "exploitation extra-familial harm contextual safeguarding": r"risks? outside the (home|family)|harm outside the "
                                                                r"(home|family)",
    "designated officer allegations": r"\blado\b|allegations against (staff|adults|professionals)",
    "independent visitors advocacy": r"\badvocates?\b|someone to speak (up )?for",
    "life story work": r"memory books?|life story books?|(their|own) (history|story) explained",
    "public law outline pre-proceedings care proceedings": r"going to court|court cases?|taken to court",
    "caseloads workloads": r"number of cases|how many cases|case numbers",
    "model approach practice framework": r"\bways? of working\b|\bway (?:they|it|we|social workers) work\b|"
                                         r"\bmethod(?:ology)? of (?:working|practice)\b",
    "introduced implemented launched": r"\b(?:brought|bringing|brings?) in\b|\brolled out\b|\brolling out\b|"
                                       r"\bstarted using\b",
    "Local Safeguarding Children Board LSCB": r"safeguarding (board|partnership)|child protection partnership",
    "director of children's services DCS": r"\bdcss?\b|head of children'?s services",
    "joint targeted area inspection": r"\bjtais?\b",
    "regional adoption agency": r"\braas?\b",
    "newly qualified social workers": r"\bnqsws?\b",
    "personal education plans": r"\bpeps?\b",
    "children in need": r"\bcin\b",
    "education, health and care plans": r"\behcps?\b",
    "special guardianship orders": r"\bsgos?\b",
}
PATTERNS = [(re.compile(rf"\b(?:{everyday})", re.I), term) for term, everyday in TERMS.items()]


def in_reports_words(text: str, dropped: Callable[[str], bool]) -> str:
    """``text`` with each everyday phrase whose every word would be ``dropped`` (as the words of a kind of
    organisation are from a question's topic: "community service") replaced by the reports' term ("unpaid work")."""
    for pattern, term in PATTERNS:
        text = pattern.sub(lambda m: term if all(map(dropped, re.findall(r"[a-z]+", m.group(0).lower()))) else
                           m.group(0), text)
    return text


def reports_words(question: str) -> str:
    """The reports' terms for the everyday words ``question`` uses ("" when it uses none)."""
    found = [term for pattern, term in PATTERNS if pattern.search(question) and term.lower() not in question.lower()]
    return "; ".join(dict.fromkeys(found))


OWN_TERM = (0.0005, 0.1)  # the share of the reports' sentences an everyday word they use as a term of their own is
# in: at least one in 2,000 ("homeless" of 16- and 17-year-olds who present as homeless), but no common word


def besides_everyday(words: list[str], question: str, jargon: str,
                     share: Callable[[str], float] | None = None) -> list[str]:
    """The ``words`` of a question, less those of its everyday phrases when the reports' terms (``jargon``) are read
    for them: "swamped with too much work" is "workloads", not also "work"; but an everyday word that is a term
    of the reports' own (``share`` of their sentences within ``OWN_TERM``) stays: "homeless" beside
    "accommodation" (a phrase's words do not: "where they live" is "home visits")."""
    phrases = _everyday_phrases(question) if jargon else []
    own = {p for p in phrases if share and " " not in p and OWN_TERM[0] <= share(p) < OWN_TERM[1]}
    everyday = {w for p in phrases if p not in own for w in re.findall(r"[a-z'’]+", p)}
    return [w for w in words if w.lower() not in everyday]


def written_as_asked(question: str, text: str, share: Callable[[str], float]) -> dict[str, set[str]]:
    """The reports' term for each everyday phrase ``question`` uses that ``text`` writes too, and the phrase's
    words ("front door" of "Suffolk's ‘front door’, Customer First"): there the phrase is the report's own; not
    a phrase of a common word ("adopted children": "children" is in too many sentences to be a term)."""
    return {term: said for pattern, term in PATTERNS if term.lower() not in question.lower()
            for m in pattern.finditer(question)
            if (said := set(re.findall(r"[a-z'’]+", phrase := m.group(0).lower().strip())))
            and all(share(w) < OWN_TERM[1] for w in said)
            and re.search(r"\b" + r"\W+".join(map(re.escape, phrase.split())) + r"\b", text, re.I)}


def everyday_words(question: str) -> set[str]:
    """The words of the everyday phrases ``question`` uses that the reports have a term for ("swamped", "too",
    "much", "work"), lower case: read as the term, not each on its own."""
    return {w for phrase in _everyday_phrases(question) for w in re.findall(r"[a-z'’]+", phrase)}


def _everyday_phrases(question: str) -> list[str]:
    return [m.group(0).lower().strip() for pattern, term in PATTERNS if term.lower() not in question.lower()
            for m in pattern.finditer(question)]
