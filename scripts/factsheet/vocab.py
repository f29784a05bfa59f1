"""The controlled vocabularies of the data: every word a field may take, with what it means.

Adding a word is one line here; the validator, the methodology page and the contributor guide
all read these tables.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

# What a figure counts. Casualty counts (the first block) enter the casualty tables, the timeline
# and the map; every other count is listed under "Other figures" on its incident page.
CASUALTY_COUNTS: dict[str, str] = {
    "killed": "people killed",
    "injured": "people injured or wounded",
    "arrested": "people arrested",
    "detained": "people detained or held",
    "abducted": "people abducted or forcibly disappeared",
    "missing": "people missing",
    "abducted-and-killed": "people abducted and then killed",
    "assassinated": "people killed in targeted attacks",
}
OTHER_COUNTS: dict[str, str] = {
    "released": "detained people released",
    "attendees": "people attending a gathering",
    "participants": "people taking part",
    "mourners": "people at a funeral or mourning procession",
    "protesters": "size of a crowd of protesters",
    "deployed": "forces or people deployed",
    "stationed": "forces or people stationed somewhere",
    "delegation-members": "members of a delegation",
    "on-payroll": "names on a payroll or list",
    "in-top-government-posts": "people in senior government posts",
    "influential-in-government": "people said to be influential in government",
    "years-in-office": "years a person or government had been in office",
    "years-as-home": "years a place had been someone's home",
    "months-of-protest": "months the protests had lasted",
    "weeks-beforehand": "weeks by which something is said to have preceded the event",
    "border-length-km": "length of a border, in kilometres",
    "voicing-concern": "people or bodies voicing concern",
    "condemned-in-slogans": "people or bodies condemned in protest slogans",
    "refused-to-meet": "people who refused a meeting",
    "left-country": "people who left the country",
    "remaining": "people who remained somewhere",
    "warrants": "arrest warrants issued",
    "sentenced": "people sentenced by a court",
    "charged": "people charged or put on trial",
    "dismissed": "officials dismissed from their posts",
    "attacks": "attacks counted",
}
COUNTS: dict[str, str] = {**CASUALTY_COUNTS, **OTHER_COUNTS}

# Who was counted, where the source says. A figure with no `who` counts people the source does not
# describe further.
WHO: dict[str, str] = {
    "people": "people, with no further description (the source counts everyone)",
    "protesters": "protesters and demonstrators",
    "civilians": "civilians",
    "security-forces": "members of the security forces (police, army, others)",
    "police": "police officers",
    "troops": "soldiers",
    "journalists": "journalists and media workers",
    "activists": "activists",
    "activists-and-organisers": "activists and protest organisers",
    "protesters-and-security-forces": "protesters and members of the security forces, counted together",
    "journalists-and-activists": "journalists and activists",
    "unarmed-people": "people said to have been unarmed",
    "children": "children",
    "women": "women",
    "iraqis": "Iraqi citizens",
    "mek-members": "members of the PMOI/MEK",
    "people-on-the-list": "people named on a list",
    "former-ministers": "former ministers",
    "international-personalities": "public figures from several countries",
    "iranian-armed-forces-personnel": "members of Iran's armed forces",
    "irgc-commanders": "commanders of the Islamic Revolutionary Guard Corps",
    "mois-officials": "officials of Iran's Ministry of Intelligence",
    "politicians-and-paramilitary-commanders": "politicians and paramilitary commanders",
    "senior-iranian-officials": "senior officials of Iran",
    "shia-leaders": "Shia religious or political leaders",
}

# What kind of document a source is (the bibliography's `kind` field).
SOURCE_KINDS: dict[str, str] = {
    "un-body": "a body of the United Nations",
    "nhri": "a national human-rights institution",
    "government": "a government, ministry or state body",
    "court": "a court or judicial body",
    "ngo": "a non-governmental organisation, such as a human-rights group",
    "news-agency": "a news agency (wire service)",
    "newspaper": "a newspaper or news magazine, in print or online",
    "broadcaster": "a television or radio broadcaster",
    "online-news": "a news site with no print or broadcast edition",
    "analysis": "an analysis, research or think-tank publication",
    "blog": "a blog or personal site",
    "aggregator": "a site reposting or summarising others' reports",
    "encyclopedia": "an encyclopedia or its mirror",
    "advocacy": "the media of a campaigning organisation",
    "party-media": "the media of a party to the events (government, militia, opposition group)",
}

# How a source's kind reads beside a figure, where a kind's own word does not read well as a label.
SOURCE_KIND_LABELS: dict[str, str] = {
    "un-body": "UN body",
    "nhri": "national rights institution",
    "ngo": "NGO",
    "online-news": "online news",
    "advocacy": "advocacy media",
    "party-media": "party media",
}


def source_kind_label(kind: str) -> str:
    """A source's kind as a short label: 'news agency', 'UN body'."""
    return SOURCE_KIND_LABELS.get(kind, kind.replace("-", " "))


# What kind of body an organisation record is.
ORGANISATION_KINDS: dict[str, str] = {
    "government": "a government",
    "government-body": "a ministry, commission or other body of a government",
    "legislature": "a parliament",
    "state-armed-force": "an army or other armed force of a state",
    "state-security-force": "a police or security force of a state",
    "intelligence-agency": "an intelligence agency",
    "paramilitary-umbrella": "an umbrella body of paramilitary groups",
    "militia": "a militia",
    "armed-group": "an armed group",
    "political-party": "a political party",
    "political-coalition": "a coalition of parties",
    "opposition-group": "an opposition organisation",
    "advocacy-group": "a campaigning organisation",
    "protest-group": "a group of protesters",
    "intergovernmental-body": "a body of several states (UN agencies and missions included)",
    "intergovernmental-group": "a group of states",
    "nhri": "a national human-rights institution",
    "ngo": "a non-governmental organisation",
    "news-agency": "a news agency",
    "media-outlet": "a newspaper, broadcaster or news site",
    "reconstruction-body": "a reconstruction or development body",
    "research-body": "a research institute, think tank or consultancy",
    "court": "a court or judicial body",
    "medical": "a hospital, health directorate or medical body",
    "religious-authority": "a religious authority",
    "tribe": "a tribe",
}

# The part a link plays in an attribution chain. Without a role, the first link is the claimant
# and every later one a relay; a person speaking `for` an organisation is its spokesperson.
CHAIN_ROLES: dict[str, str] = {
    "claimant": "made the claim first",
    "spokesperson": "spoke for an organisation",
    "relay": "reported the claim in its own words",
    "repost": "republished another outlet's report as it stood",
    "translation": "published a translation of another outlet's report",
    "summary": "summarised another outlet's report",
}

# How each role joins a chain after its first link ("IHCHR, reposted by Rantburg").
CHAIN_VERBS: dict[str, str] = {
    "spokesperson": "speaking through",
    "relay": "relayed by",
    "repost": "reposted by",
    "translation": "translated by",
    "summary": "summarised by",
}

# How a claim's `as_of` date was obtained.
AS_OF_BASES: dict[str, str] = {
    "stated": "the text gives the date (for example 'on Thursday', with the dateline)",
    "document-date": "the date of the document in which the claim was read",
    "inferred": "worked out from the text; `as_of_note` says how, with a citation",
}

# What kind of place within a city a site is.
SITE_KINDS: dict[str, str] = {
    "square": "a square",
    "street": "a street or road",
    "bridge": "a bridge",
    "building": "a building",
    "neighbourhood": "a district or neighbourhood",
    "car-park": "a car park",
    "camp": "a camp or sit-in site",
    "mosque": "a mosque or shrine",
    "office": "the office or headquarters of a body",
    "hospital": "a hospital",
}

VOCABULARIES: dict[str, Mapping[str, str]] = {
    "counts": COUNTS,
    "who": WHO,
    "source kind": SOURCE_KINDS,
    "organisation kind": ORGANISATION_KINDS,
    "chain role": CHAIN_ROLES,
    "as_of_basis": AS_OF_BASES,
    "site kind": SITE_KINDS,
}


def is_casualty(counts: str | None) -> bool:
    """True for a count of people killed, injured, detained or disappeared."""
    return counts in CASUALTY_COUNTS


def suggest(word: str, vocabulary: Iterable[str]) -> str:
    """' (did you mean killed?)' for a near miss, else an empty string."""
    close = difflib.get_close_matches(word, list(vocabulary), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""
