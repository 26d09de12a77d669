"""The county, and the police (and so probation) area, that England's cities and larger towns lie in, so that "the
probation company for newcastle" or "how is oxford doing" finds a body named for its county or area
(Northumbria CRC, Oxfordshire) when no body is named for the town. Counties are the ceremonial ones; areas are the
police force areas that the probation companies (CRCs, 2014-2021) were drawn on."""

from __future__ import annotations

from functools import lru_cache

from service.answering.places import place_key

AREAS = """
    Tyne and Wear, Northumbria: Newcastle upon Tyne; Newcastle; Gateshead; Sunderland; North Tyneside; South Tyneside
    Northumberland, Northumbria: Morpeth; Blyth; Hexham
    Durham, Durham: Durham; Darlington
    Tees Valley, Cleveland: Hartlepool; Middlesbrough; Redcar and Cleveland; Redcar; Stockton-on-Tees; Stockton
    Cumbria, Cumbria: Carlisle; Barrow-in-Furness; Kendal; Cumberland; Westmorland and Furness
    Lancashire, Lancashire: Lancaster; Preston; Blackpool; Blackburn with Darwen; Blackburn; Burnley
    Merseyside, Merseyside: Liverpool; Knowsley; St Helens; Sefton; Wirral
    Greater Manchester, Greater Manchester: Manchester; Salford; Bolton; Bury; Oldham; Rochdale
    Greater Manchester, Greater Manchester: Stockport; Tameside; Trafford; Wigan
    Cheshire, Cheshire: Chester; Cheshire East; Cheshire West and Chester; Warrington; Halton
    East Riding of Yorkshire, Humberside: Kingston upon Hull; Hull; East Riding of Yorkshire
    Lincolnshire, Humberside: North Lincolnshire; North East Lincolnshire; Grimsby; Scunthorpe
    Lincolnshire, Lincolnshire: Lincoln
    North Yorkshire, North Yorkshire: York; Harrogate; Scarborough
    South Yorkshire, South Yorkshire: Sheffield; Rotherham; Barnsley; Doncaster
    West Yorkshire, West Yorkshire: Leeds; Bradford; Wakefield; Calderdale; Halifax; Kirklees; Huddersfield
    Derbyshire, Derbyshire: Derby; Chesterfield
    Nottinghamshire, Nottinghamshire: Nottingham; Mansfield
    Leicestershire, Leicestershire: Leicester; Loughborough
    Northamptonshire, Northamptonshire: Northampton; Kettering; Corby
    Staffordshire, Staffordshire: Stoke-on-Trent; Stoke; Stafford
    West Midlands, West Midlands: Birmingham; Coventry; Dudley; Sandwell; Solihull; Walsall; Wolverhampton
    Warwickshire, Warwickshire: Warwick; Nuneaton
    Worcestershire, West Mercia: Worcester; Redditch
    Shropshire, West Mercia: Shrewsbury; Telford and Wrekin; Telford
    Herefordshire, West Mercia: Hereford
    Gloucestershire, Gloucestershire: Gloucester; Cheltenham
    Bristol, Avon and Somerset: Bristol; South Gloucestershire
    Somerset, Avon and Somerset: Bath and North East Somerset; Bath; North Somerset; Weston-super-Mare; Taunton; Yeovil
    Wiltshire, Wiltshire: Swindon; Salisbury
    Dorset, Dorset: Bournemouth, Christchurch and Poole; Bournemouth; Poole; Weymouth
    Devon, Devon and Cornwall: Exeter; Plymouth; Torbay; Torquay
    Cornwall, Devon and Cornwall: Truro
    Hampshire, Hampshire: Southampton; Portsmouth; Winchester; Basingstoke
    Berkshire, Thames Valley: Reading; Slough; Bracknell Forest; West Berkshire; Windsor and Maidenhead; Wokingham
    Oxfordshire, Thames Valley: Oxford; Banbury
    Buckinghamshire, Thames Valley: Milton Keynes; Aylesbury; High Wycombe
    Bedfordshire, Bedfordshire: Bedford; Luton; Central Bedfordshire
    Hertfordshire, Hertfordshire: St Albans; Watford; Stevenage
    Cambridgeshire, Cambridgeshire: Cambridge; Peterborough
    Norfolk, Norfolk: Norwich; King's Lynn; Great Yarmouth
    Suffolk, Suffolk: Ipswich; Bury St Edmunds; Lowestoft
    Essex, Essex: Chelmsford; Colchester; Southend-on-Sea; Southend; Thurrock; Basildon
    Kent, Kent: Canterbury; Maidstone; Medway; Dover
    East Sussex, Sussex: Brighton and Hove; Brighton; Hastings; Eastbourne
    West Sussex, Sussex: Chichester; Crawley; Worthing
    Surrey, Surrey: Guildford; Woking
"""


@lru_cache(maxsize=1)
def _areas() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in filter(None, (line.strip() for line in AREAS.splitlines())):
        areas, towns = line.split(":", 1)
        for town in towns.split(";"):
            table[place_key(town)] = tuple(a.strip() for a in areas.split(","))
    return table


def towns() -> list[str]:
    """The towns the table knows, as written."""
    return [town.strip() for line in AREAS.splitlines() if ":" in line for town in line.split(":", 1)[1].split(";")]


def areas_of(place: str) -> tuple[str, ...]:
    """The county and the police area ``place`` lies in; for a council area of Wales, Scotland or Northern
    Ireland, that nation ("cardiff": Wales, where Wales CRC ran probation); nothing for a place not known."""
    from service.answering.regions import NATIONS, region_of

    nation = region_of(place)
    return _areas().get(place_key(place), (nation,) if nation in NATIONS else ())
