"""Swedish reporting verbs: forms for data augmentation and lemma exceptions.

Hand-written for claimledger from standard Swedish conjugation (SAOL-style paradigms).
Columns: infinitive (= lemma), present, past, supine, present passive, past passive.
"""

from __future__ import annotations

# lemma: (inf, pres, past, sup, pres_pass, past_pass)
PARADIGMS: dict[str, tuple[str, str, str, str, str, str]] = {
    "säga": ("säga", "säger", "sa", "sagt", "sägs", "sades"),
    "uppge": ("uppge", "uppger", "uppgav", "uppgett", "uppges", "uppgavs"),
    "ange": ("ange", "anger", "angav", "angett", "anges", "angavs"),
    "medge": ("medge", "medger", "medgav", "medgett", "medges", "medgavs"),
    "berätta": ("berätta", "berättar", "berättade", "berättat", "berättas", "berättades"),
    "meddela": ("meddela", "meddelar", "meddelade", "meddelat", "meddelas", "meddelades"),
    "hävda": ("hävda", "hävdar", "hävdade", "hävdat", "hävdas", "hävdades"),
    "påstå": ("påstå", "påstår", "påstod", "påstått", "påstås", "påstods"),
    "förklara": ("förklara", "förklarar", "förklarade", "förklarat", "förklaras", "förklarades"),
    "konstatera": ("konstatera", "konstaterar", "konstaterade", "konstaterat", "konstateras", "konstaterades"),
    "bekräfta": ("bekräfta", "bekräftar", "bekräftade", "bekräftat", "bekräftas", "bekräftades"),
    "förneka": ("förneka", "förnekar", "förnekade", "förnekat", "förnekas", "förnekades"),
    "rapportera": ("rapportera", "rapporterar", "rapporterade", "rapporterat", "rapporteras", "rapporterades"),
    "skriva": ("skriva", "skriver", "skrev", "skrivit", "skrivs", "skrevs"),
    "framhålla": ("framhålla", "framhåller", "framhöll", "framhållit", "framhålls", "framhölls"),
    "understryka": ("understryka", "understryker", "underströk", "understrukit", "understryks", "underströks"),
    "betona": ("betona", "betonar", "betonade", "betonat", "betonas", "betonades"),
    "tillägga": ("tillägga", "tillägger", "tillade", "tillagt", "tilläggs", "tillades"),
    "mena": ("mena", "menar", "menade", "menat", "menas", "menades"),
    "anse": ("anse", "anser", "ansåg", "ansett", "anses", "ansågs"),
    "tro": ("tro", "tror", "trodde", "trott", "tros", "troddes"),
    "bedöma": ("bedöma", "bedömer", "bedömde", "bedömt", "bedöms", "bedömdes"),
    "uppskatta": ("uppskatta", "uppskattar", "uppskattade", "uppskattat", "uppskattas", "uppskattades"),
    "misstänka": ("misstänka", "misstänker", "misstänkte", "misstänkt", "misstänks", "misstänktes"),
    "varna": ("varna", "varnar", "varnade", "varnat", "varnas", "varnades"),
    "avslöja": ("avslöja", "avslöjar", "avslöjade", "avslöjat", "avslöjas", "avslöjades"),
    "förutspå": ("förutspå", "förutspår", "förutspådde", "förutspått", "förutspås", "förutspåddes"),
}

# The forms that can be swapped for each other in a UD sentence without changing its annotation
# (apart from FORM and LEMMA), keyed by the UD FEATS of the original token.
SLOT_BY_FEATS = {
    "VerbForm=Inf|Voice=Act": 0,
    "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act": 1,
    "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act": 2,
    "VerbForm=Sup|Voice=Act": 3,
    "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass": 4,
    "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Pass": 5,
}
# Verbs whose 'att'-clause use matches säga/uppge/berätta closely enough to swap them.
SWAPPABLE = list(PARADIGMS)

# Irregular (strong) forms the small treebank does not teach the lemmatizer; set by the
# attribute_ruler before the lemmatizer, which keeps lemmas that are already set. Only forms that
# cannot be another word are listed ("sagt"/"ansett" etc. can be adjectives, so they are left out).
_IRREGULAR_LEMMAS = {
    "säga": "säger sa sade sägs sades",
    "ge": "ger gav ges gavs",
    "uppge": "uppger uppgav uppgett uppgivit uppges uppgavs uppgetts",
    "ange": "anger angav angett angivit anges angavs",
    "medge": "medger medgav medgett medgivit medges medgavs",
    "tillkännage": "tillkännager tillkännagav tillkännagett tillkännages",
    "påstå": "påstår påstod påstått påstås påstods",
    "framhålla": "framhåller framhöll framhållit framhålls framhölls",
    "understryka": "understryker underströk understrukit understryks",
    "tillägga": "tillägger tillade",
    "anse": "anser ansåg anses ansågs",
    "skriva": "skriver skrev skrivit skrivs skrevs",
    "beskriva": "beskriver beskrev beskrivit beskrivs beskrevs",
    "förutspå": "förutspår förutspådde förutspått",
    "erfara": "erfar erfor erfarit",
    "framgå": "framgår framgick framgått",
    "bedöma": "bedömer bedömde bedöms bedömdes",
    "misstänka": "misstänker misstänkte misstänks misstänktes",
}
LEMMA_EXCEPTIONS: dict[str, str] = {
    form: lemma for lemma, forms in _IRREGULAR_LEMMAS.items() for form in forms.split()
}
