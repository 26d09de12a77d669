"""The words that mark a follow-up question (``followup.resolve`` reads them): what it refers back to ("it", "that
one", "them"), what it asks again ("and Essex?", "what about 2020?", "was that a problem last time too?"), when
("then", "the time before") and how it asks (a comparison, "why?", "what changed?")."""

from __future__ import annotations

import re

from service.answering.grades import GRADE_WORD
from service.answering.intent import COMPARATIVES, DIFFER
from service.answering.scope import SCAFFOLD
from service.answering.text import stem

SAME_AT = (r"(?:and\s+)?(?:was|is|were|are)\s+(?:it|that|this|things|they)\s+(?:also\s+|any\s+)?"
           r"(?:the same|similar|different|true|the case|so)\s+(?:in|at|for|of|with)")  # "was it the same in X?"
ELLIPSIS = re.compile(rf"^\s*(?:{SAME_AT}|and|what about|how about|and what about|same for|what of)\b[\s,]*(.*?)"
                      r"(?:\s+(?:too|as well|also))?\s*\??\s*$", re.I)
OWN_QUESTION = re.compile(r"(?:wh\w+|how)(?:\s+of\s+(?:them|those|these))?\s+(?:had|has|have|was|were|did|is|are)\s+"
                          r"\w+\s+\w+|how\s+(?:many|much)\s+(?!(?:by|in|at|on|for|from|then|now|there|of|the)\b)\w+",
                          re.I)  # (asks anew: "and what had it been ...", "and how many adoptions ...", "and which
# of them had its leadership rated outstanding?"; not "and how many by 2020?": the count just asked, then)
REFERS_BACK = re.compile(r"\b(it|its|they|them|their|there|(that|this) (one|crc|council|authority|division))\b", re.I)
RECENT = re.compile(r"\s*\b(?:(?:at|in|from|on)\s+)?(?:(?:its|their|the)\s+)?(?:latest|most recent|last|newest|current)"
                    r"(?:\s+(?:time|inspection|report|visit|one))?\b", re.I)  # a turn's own choice of report
DASH_ASKS = re.compile(r"\s+[-–—:]\s+(?=(?:what|how|who|which|when|where|why|did|does|do|was|were|is|are|has|had)\b)",
                       re.I)  # "X - how was Y?": what chose the report, then the question
ABOUT = re.compile(r"^\s*(?:what|how) about\s+", re.I)
ASKS_ANEW = re.compile(r"(?!(?:what|how)\s+about\b)(?:what|which|who|how|why|did|was|were|is|are|has|had|(?:when|where)"
                       r"(?=\s+(?:did|do|does|was|were|is|are|has|have|had|will|would)\b))\b",
                       re.I)  # a question of its own after "and" ("and what grade did it get ...?", "and when was
# it published?"; not "and when they went back?": the same question then)
SAME_THEN = re.compile(r"^\W*(?:and\s+|so\s+)?(?:what|how)\s+(?:had|has|was|were|is|did)\s+"
                       r"(?:it|that|this|they|things)\s+"
                       r"(?:been|be|look|looked|do|done|go|gone)?\s*(?:like\s+)?(?:at|in|on|for|the|before|previously|"
                       r"last|the\s+time)\b", re.I)  # a question of what was just asked, of another time
THAT_TOO = re.compile(r"^\W*(?:and\s+|so\s+)?(?:was|were|is|are|had|has|did)\s+(?:that|this|it|they|those)\b.*"
                      r"\b(?:too|as well|also|again)\W*$", re.I)  # ("was that a problem last time too?": the same)
LAST_TIME = re.compile(r"\blast\s+time\b", re.I)  # (of the same asked again: the time before the one just told)
THAT_THING = re.compile(r"\b(was|is|did|does)\s+(that|this)\b|\b(of|about|on|in)\s+(that|this)\W*$", re.I)  # that one
THEY_OR_IT = re.compile(r"\b(it|its|that|this|they|them|their)\b", re.I)
EACH_OF = re.compile(r"\b(?:each|both|either|respectively)\b", re.I)  # of the reports just discussed
PAST = re.compile(r"\b(did|was|were|had)\b", re.I)
THE_INSPECTION = re.compile(r"\bthe\s+(?:lead\s+)?(?:inspectors?|inspection|report|visit)\b", re.I)
THAT_REPORT = re.compile(r"\b(that|this|the same|these|those) (inspections?|reports?|visits?)\b|"
                         r"\baccording to (it|that|this|that one|this one)\b", re.I)  # ("according to it": the report)
OF_THEM = re.compile(r"\b(of|among|between) (them|those|these|the two|both)\b", re.I)
THAT_TIME = re.compile(r"\s*\b(?:at\s+)?(?:that time|the time|then)\b(?=\s*\??\s*$)", re.I)
THEN = re.compile(r"\b((?:back\s+)?then|at that time|at the time)\b(?=\s*\??\s*$)", re.I)  # ("back then")
THAT_ORG = re.compile(r"\b(that|this|the same|the previous|the former|the) (company|organisation|owner|provider|firm|"
                      r"operator|contractor|group)\b", re.I)
ELSE_THEY = re.compile(r"\b(else|other)\b.*?\b(they|it|he|she)\b(?=\s+(run|ran|runs|own|owned|owns|operate|operated|"
                       r"operates|lead|led|leads|inspect|inspected|manage|managed|take over|took over)\b)", re.I)
DID_THEY = re.compile(r"^\W*(?:and\s+)?(?:did|do|does|has|have)\s+()(they|it|he|she)\b(?=\s+(?:also\s+)?(run|own|operate|"
                      r"lead|led|inspect)\b)", re.I)
# (the empty group makes the pronoun group 2, as in ELSE_THEY: one replacement serves both)
TOPIC_BACK = re.compile(r"^\s*(and\s+)?(which|what|who|where)\b.*\b(it|this|that)\s*\??\s*$", re.I)
AND = re.compile(r"^\s*and\s+", re.I)
WHICH_MORE = re.compile(rf"^\s*(and\s+)?(so\s+)?(which|who)\b[^?]*\b({'|'.join(COMPARATIVES)})\b",
                        re.I)  # of the two bodies whose figures were just asked
THAT_GRADE = re.compile(r"\b(that|this|the same) (rating|grade|judge?ment)\b", re.I)
ELSE_HERE = re.compile(r"\bwhat else\b.*\b(there|it|its)\b", re.I)  # more of the same body, not other bodies
COMPARE_BOTH = re.compile(r"\bwhich\b[^?]*\b(better|worse|higher|lower|stronger|weaker|best|worst)\b|"
                          r"\b(compare|comparison|(?<!a )difference)\b", re.I)  # of the last two bodies asked about
COMPARE = re.compile(rf"\b(compar\w*|versus|vs\.?|{DIFFER}|(?:{'|'.join(COMPARATIVES)}|better|worse) than)(?!\w)",
                     re.I)  # ("is that worse than DLNR?": the body asked about beside the one named)
WHY_ONLY = re.compile(r"^\s*(and\s+)?(why|for what reasons?|what were the reasons|on what grounds|why (was|is) that|"
                      r"why (were|was) (they|it|those|these)( \w+)?( that way| so)?|what were the (main )?(reasons|problems|"
                      r"concerns)|what went wrong|why (were|was|did|is|are) (they|it|those|these)( \w+)? (rated|graded|judged|"
                      r"given|get|got|receive|received|awarded)( that| that (grade|rating|judge?ment)| (a|that|this|such a) "
                      r"(grade|rating|judge?ment))?)\s*\??\s*$", re.I)  # "why were they rated that?"
CHANGED_ONLY = re.compile(r"^\s*(and\s+)?(so\s+)?((what|how)( exactly)? (has |have |had )?(changed|improved|got better|got "
                          r"worse|declined|was different|is different|were the differences|are the differences)|why (did|"
                          r"has|have) \w+ (improve|get better|decline|deteriorate|get worse|go down|drop|change)d?)( between"
                          r" (them|those|these)( two)?( inspections| reports)?| since then| so much)?\s*\??\s*$", re.I)
ACROSS_TIME = re.compile(r"\b(always|ever|before|previous(ly)?|history|over the years|since|changed?|improved?|"
                         r"still|next|later|latest|most recent(ly)?|newest|again|now)\b", re.I)  # looks beyond the
# report(s) just cited ("and how did they do the most recent time?")
HOW_MANY_BARE = re.compile(r"^(\W*(?:and\s+|so\s+)?how many)\s+(?=(?:were|are|was|got|get|had|have|did|received)\b)",
                           re.I)  # ("how many were good?": no noun of its own)
THEY = re.compile(r"\b(they|them|their|there|those|these)\b", re.I)  # the bodies of a list just given
IT = re.compile(r"\b(it|its)\b", re.I)
ONE_ASKED = re.compile(r"^\W*(?:which|what)\s+(?:[\w'’-]+\s+)?(?:crc|council|provider|company|authority|organisation|"
                       r"division|one|la)\b(?!s)", re.I)  # one body asked for ("which CRC had the biggest caseloads?")
NO_NOUN = re.compile(r"^\s*(which|what)\s+(were|was|are|is|had|have|got|received)\b", re.I)
LIST_ASKED = re.compile(r"^\s*(which|what|list( all)?( the)?|name( all)?( the)?)\s+", re.I)
ASKS_WHY = re.compile(r"^\s*(and\s+)?(why|for what reasons?|on what grounds)\b", re.I)
GRADED = re.compile(rf"{GRADE_WORD.pattern}|\b(rated|rating|graded|grade|judged|judge?ment)\b", re.I)
FRAMING = SCAFFOLD | {stem(w) for w in "previous earlier prior last since before later latest recent first next "
                                        "following subsequent ones one those".split()}  # ("what about the next one
# in 2020?": the question before, of that year)
YEAR_PHRASE = re.compile(r"\s*\b(?:in|at|during|for|from)?\s*(?:the|its)?\s*(?:19|20)\d\d\b"
                         r"(?:\s+(?:inspection|report))?", re.I)
