"""National programmes the reports name, described in everyday words: "fostering networks where an experienced
hub carer supports a cluster of foster families" is Mockingbird, "a service that helps children in care reconnect
with lost relatives" Lifelong Links. A question that describes one asks about the reports that name it (lists are
then of the bodies whose reports name it, not of every report with a sentence on foster carers).

Written from what the programmes are (their own descriptions), not from any one question; used only when some
report of the index names the programme."""

from __future__ import annotations

import re

PROGRAMMES: dict[str, str] = {  # the name the reports use: everyday ways of describing it (regular expressions)
    "Mockingbird": r"['‘’\"]?hub['‘’\"]? (?:home )?carers?|hub homes?|"
                   r"(?:networks?|constellations?|clusters?) of foster\w*|"
                   r"foster(?:ing)? (?:family )?(?:networks?|constellations?|clusters?)",
    "Lifelong Links": r"reconnect\w*|(?:lost|lose|losing) (?:touch|contact) with (?:\w+ ){0,2}(?:relatives|family|"
                      r"families|people)|important people (?:from|in) (?:their|the) past",
    "Family Drug and Alcohol Court": r"problem[- ]solving (?:family )?courts?|"
                                     r"(?:drug|drink) and (?:alcohol|drug|drink) courts?|"
                                     r"specialist (?:family )?courts? for parents",
    "House Project": r"group tenanc\w*|care leavers? (?:co-?operatives?|housing co-?ops?)|(?:as a group|together)"
                     r"[^?]{0,80}\btenanc\w*|\btenanc\w*[^?]{0,40}(?:as a group|together)",
    "Pause": r"(?:mothers|women|parents) who(?:'ve| have)? had (?:\w+ ){0,3}(?:children|babies) (?:removed|taken "
             r"(?:into care|away))|repeat(?:ed)? (?:care )?(?:removals?|proceedings)|recurrent care proceedings",
    "Staying Close": r"(?:live|living|stay|staying) (?:close to|near) (?:their )?(?:former )?(?:children's )?homes? "
                     r"after (?:leaving )?(?:residential )?care|(?:leaving|left) (?:residential )?(?:children's )?"
                     r"homes?\b[^?]{0,40}\b(?:live|living|stay\w*) (?:nearby|near|close)",
}
PATTERNS = [(re.compile(rf"\b(?:{described})", re.I), name) for name, described in PROGRAMMES.items()]
NAMED_AFTER = re.compile(r"\(\s*['‘\"]?([A-Z][^()'’\"]{2,60}?)['’\"]?\s*\)\W*$")  # ("an app so children in care
# can tell their social worker their views (Mind of My Own)?": the description is of that name)


def programmes_described(question: str) -> list[str]:
    """The programmes the question describes, named or not ("hub carers"; "the Mockingbird model (hub homes ...)":
    its description says no more than its name; [] when it only names them, or none); or the name it gives in
    brackets after describing it."""
    described = [name for pattern, name in PATTERNS if pattern.search(question)]
    return described or [m.group(1) for m in NAMED_AFTER.finditer(question)]
