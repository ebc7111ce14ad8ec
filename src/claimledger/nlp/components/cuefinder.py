"""Where the cues of a sentence stand: every cue form of the lexicon that the words and their tags
allow, longest form first, never two over the same token. A form the tags show to be something
else (an adjective between a determiner and a noun, a possessive *ska ha*, a plan's *ska vara*)
is no cue."""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimledger.nlp.components.polnear import learned_cue, learned_forms
from claimledger.nlp.lexicon import Cue, Lexicon
from claimledger.settings import contents_convention

VERB_POS = {"VERB", "AUX"}


def find_cues(doc: Doc, sent: Span, lex: Lexicon, tagged: bool) -> list[tuple[int, int, Cue]]:
    """Every cue in the sentence, longest form first, never two over the same token."""
    out: list[tuple[int, int, Cue]] = []
    strict_pos = "lenient_pos" not in lex.word_class("rules")  # a small tagger's slips must not hide a cue
    polnear = contents_convention() == "polnear"
    table = polnear_cues(lex) if polnear else lex.cues
    learned = learned_forms(lex) if polnear and tagged and doc.has_annotation("DEP") else frozenset()
    firsts = lex.derived("polnear_cue_ids" if polnear else "cue_ids", lambda _lex: frozenset(map(get_string_id, table)))
    if learned:  # a word PolNeAR's frames know may open a cue too
        firsts = firsts | lex.derived("polnear_learned_ids", lambda _lex: frozenset(map(get_string_id, learned)))
    free = sent.start  # the first token no cue found yet covers
    # only a token that can open a cue is looked at: its lower case's id, read for the whole Doc at once
    for k in [i for i, low in enumerate(doc.to_array(LOWER)[sent.start : sent.end].tolist(), sent.start)
              if low in firsts]:
        if k < free:
            continue
        match = None
        for cue in table.get(doc[k].lower_, ()):
            n = len(cue.words)
            if cue.kind == "modal" and n == 2:
                # hearsay 'ska' + 'ha'/'vara', with a few words between: 'ska roboten ha avfyrats'
                # 'ska ... skjutits': a bare supine after present 'ska' is hearsay; after past 'skulle' it is a
                # counterfactual ('en uppvaktning som skulle varit intressant att se')
                bare = tagged and "Past" not in doc[k].morph.get("Tense", [])
                tail = next((x for x in range(k + 1, min(sent.end, k + 6)) if doc[x].lower_ == cue.words[1]
                             or (bare and _supine(doc[x], lex))), None)

                if tail is not None and tagged and doc[tail].lower_ != cue.words[1] and any(
                        "Inf" in doc[x].morph.get("VerbForm", []) for x in range(k + 1, tail)):
                    continue  # 'skulle kunna drivas med färjor': an infinitive, not the perfect, follows 'ska'
                if not bare and tagged and _conditional(doc, sent, lex):
                    continue  # 'skulle inte ha fått tillstånd om man ansökt': a counterfactual, no hearsay
                if tail is not None and not any(doc[x].is_punct for x in range(k + 1, tail)) and not (
                        tagged and (_perfect_without_supine(doc, tail, sent, lex)
                                    or _state_without_participle(doc, tail, sent, lex))):
                    match = (k, k + 1, cue)
                    break
                continue
            if k + n > sent.end or any(doc[k + m].lower_ != cue.words[m] for m in range(1, n)):
                if _adverb_gap(doc, k, sent, cue, tagged) or _copula_gap(doc, k, sent, cue, lex, tagged):
                    match = (k, k + n + 1, cue)  # 'is also expected to', 'were widely believed to'
                    break
                split = _split_particle(doc, k, sent, cue, lex) if n > 1 and cue.kind in {"verb", "passive"} else None
                if split is None or (cue.kind == "passive" and doc[split - 1].pos_ not in {"ADV", "ADP"}):
                    continue  # a passive splits only before a particle: 'pekades en man ut som'
                match = (k, split, cue)  # 'går polisen ut med': the subject stands inside the cue
                break
            if tagged and strict_pos and not _pos_fits(doc[k], cue.kind):
                continue
            if cue.kind == "noun" and n == 1 and not doc.has_annotation("DEP"):
                continue  # a stance noun alone ('pledge') needs the parse to find its holder and topic
            if cue.kind in {"verb", "self"} and _participle(doc, k, sent, lex, tagged):
                continue  # 'den misstänkte gärningsmannen': a participle, not a verb
            if (n > 1 and k + n < sent.end and cue.words[-1] in lex.word_class("time_prep")
                    and doc[k + n].lower_ in lex.word_class("weekday")):
                continue  # 'pekade på tisdagen ut': the preposition opens a time adverbial
            if cue.kind in {"verb", "passive"} and _act_particle(doc, k + n, sent, lex, tagged):
                continue  # 'sade upp 40 anställda', 'skrev ned siffrorna', 'sade kongressen ja till': no speech
            if _charge(doc, k + n, sent, cue, lex):
                continue  # 'misstänks för mord': a charge, an event noun, not a claim
            if tagged and cue.kind == "verb" and _as_said(doc, k, k + n, sent, lex):
                continue  # 'Vi har som sagt ett dilemma', 'Som sagt: ...': the idiom, nobody's claim
            match = (k, k + n, cue)
            break
        if match is None and doc[k].lower_ in learned:  # a word PolNeAR's frames know (polnear.learned_cue)
            found = learned_cue(doc[k], lex)
            match = (k, k + 1, found) if found is not None else None
        if match:
            out.append(match)
            free = match[1]
    return out


_POLNEAR_CLASSES = {"cue_polnear_verb": ("verb", "asserted"), "cue_polnear_noun": ("noun", "asserted"),
                    "cue_polnear_appearance": ("passive", "estimated"), "cue_polnear_raising": ("passive", "estimated"),
                    "cue_polnear_adjective": ("passive", "asserted"), "cue_polnear_charge": ("verb", "alleged"),
                    "cue_polnear_suspicion": ("passive", "estimated")}
"""Word classes (``words.tsv``) of cues PolNeAR annotates and FORMAT.md does not: stances and acts toward
a thing (*backed the bill*), stance nouns (*the council's decision to*), how things look (*it seems that*,
*X appears to be Y*), stance adjectives (*is confident that*), charges and suspicions (*charged with X*,
*is suspected of X*: the owners' English gold leaves both out). Read only under ``contents=polnear``, and
kept out of ``cues.tsv`` so that nothing else (line triggers, headline case, the linker) sees them."""
def polnear_cues(lex: Lexicon) -> dict[str, list[Cue]]:
    """``lex.cues`` with the PolNeAR-only cues added (a stance *asserted*, a look *estimated*; lemma the form),
    longest form first under each first word; built once per lexicon."""
    return lex.derived("polnear_cues", _build_polnear_cues)


def _build_polnear_cues(lex: Lexicon) -> dict[str, list[Cue]]:
    table = {w: list(cs) for w, cs in lex.cues.items()}
    for name, (kind, certainty) in _POLNEAR_CLASSES.items():
        for form in sorted(lex.word_class(name)):
            words = tuple(form.split())
            if not any(c.words == words and c.kind == kind for c in table.get(words[0], ())):
                table.setdefault(words[0], []).append(Cue(words, form, kind, certainty))  # type: ignore[arg-type]
    for options in table.values():
        options.sort(key=lambda c: -len(c.words))
    return table


def _conditional(doc: Doc, sent: Span, lex: Lexicon) -> bool:
    """Whether a conditional subordinator (``conditional``, tagged as one: *om man ansökt*, not the
    preposition *om chanserna*) stands in the sentence: past 'skulle ha' there is what would have been
    (*skulle aldrig ha blivit känd om han skrivit på hindi*), a counterfactual, not hearsay."""
    subjects = lex.word_class("nominative_pronoun")  # 'om han skrivit': a subject's case, a clause
    return any(t.lower_ in lex.word_class("conditional") and (t.pos_ == "SCONJ" or (
        t.i + 1 < sent.end and doc[t.i + 1].lower_ in subjects)) for t in sent)


def _act_particle(doc: Doc, k: int, sent: Span, lex: Lexicon, tagged: bool) -> bool:
    """Whether a particle or answer word of ``not_speech_particle`` follows the verb that ends at ``k``,
    right after it or, in an inverted clause, after its subject (*sade kongressen ja till X*: a decision,
    as *sade upp* is a dismissal): the verb reports nothing."""
    x = k
    while tagged and x < sent.end and x - k < 3 and doc[x].pos_ in {"DET", "NOUN", "PROPN", "PRON"}:
        x += 1  # the inverted subject
    return x < sent.end and doc[x].lower_ in lex.word_class("not_speech_particle") and (
        x == k or (x + 1 < sent.end and doc[x + 1].pos_ == "ADP"))


def _as_said(doc: Doc, k: int, end: int, sent: Span, lex: Lexicon) -> bool:
    """*som sagt* ('as said'): the manner word (``as_aside_word``) and a bare supine with no subject or
    auxiliary, opening the sentence or after a verb or adverb (*Vi har som sagt ett dilemma*, *Som sagt:
    ...*), is an idiom that reports nothing. After a noun or pronoun *som* opens a relative clause whose
    'har' may be left out (*de som sagt att X*), and an 'att' after the supine is its claim: both kept."""
    if k - 1 < sent.start or doc[k - 1].lower_ not in lex.word_class("as_aside_word"):
        return False
    if "Sup" not in doc[k].morph.get("VerbForm", []) or (end < sent.end and doc[end].lower_ in lex.word_class(
            "complementizer")):
        return False
    return k - 1 == sent.start or doc[k - 2].pos_ in {"VERB", "AUX", "ADV"} or doc[k - 2].is_punct


def _supine(t: Token, lex: Lexicon) -> bool:
    """A supine by its tag and, where the language lists them, its ending: a small tagger's supine
    'träffas' after 'ska' is an infinitive (*ska träffas igen*: a plan), 'skjutits' a supine."""
    endings = tuple(lex.word_class("supine_ending"))
    return "Sup" in t.morph.get("VerbForm", []) and (not endings or t.lower_.endswith(endings))


def _charge(doc: Doc, k: int, sent: Span, cue: Cue, lex: Lexicon) -> bool:
    """A suspicion participle followed by its preposition and a noun phrase, not by an 'att' clause,
    names a charge on a secondary predicate (*greps misstänkta för mord*, *anhållen misstänkt för
    våldtäkt*), no proposition, as sv-dev's gold leaves it out. A finite suspicion passive (*misstänks
    för mord*, *är misstänkt för rån*) is the clause's own predicate: it reports the suspicion, an
    estimate with nobody named, as the blind Swedish review sets and the owners' cluster gold (*som
    misstänks för sabotage*) annotate it; so do *misstänks för att ha huggit* and *misstänks ha mördats*."""
    if cue.lemma not in lex.word_class("charge_cue"):
        return False
    prep = lex.word_class("charge_prep")
    while k + 1 < sent.end and doc[k].pos_ in {"DET", "NOUN", "PROPN", "PRON", "ADV"} and doc[k].lower_ not in prep:
        k += 1  # 'misstänks mannen för', 'misstänks formellt för': a V2 subject, an adverb
    return (k + 1 < sent.end and doc[k].lower_ in lex.word_class("charge_prep")
            and doc[k + 1].lower_ not in lex.word_class("complementizer"))


def _perfect_without_supine(doc: Doc, k: int, sent: Span, lex: Lexicon) -> bool:
    """'ska ha' with no supine after it is no hearsay perfect but a plan or a possession
    (*platserna ska ha några extra centimeter*, *skatten skulle ha ett tak*)."""
    if doc[k].lower_ not in lex.word_class("perfect_aux"):
        return False
    for x in range(k + 1, min(sent.end, k + 5)):
        if doc[x].is_punct:
            return True
        form = doc[x].morph.get("VerbForm", [])
        if "Sup" in form or ("Part" in form and "Pres" not in doc[x].morph.get("Tense", [])):
            return False  # a supine or past participle: 'ska ha skickat', 'ska ha blivit sårade'
    return True  # a present participle is an adjective here: 'ska ha en världsledande nivå'


def _state_without_participle(doc: Doc, k: int, sent: Span, lex: Lexicon) -> bool:
    """'ska vara' before an adjective, a noun or a pronoun is a plan or a norm (*Studietiden ska vara
    flexibel*, *Utlåtandet ska vara klart senast*, *Det ska vara bröd på bordet*), not hearsay,
    which puts a past participle or a place after it (*Polisen ska vara allvarligt skadad*); nor is
    a 'ska vara' that ends its clause (*hur lång en låt ska vara*)."""
    if doc[k].lower_ not in lex.word_class("state_aux"):
        return False
    for x in range(k + 1, min(sent.end, k + 4)):
        t = doc[x]
        form = t.morph.get("VerbForm", [])
        if t.is_punct:
            return True  # 'hur lång en låt ska vara.': nothing after 'vara', no hearsay
        if t.pos_ == "ADV" and not form:
            continue  # 'ska vara allvarligt skadad'
        if "Part" in form and "Pres" not in t.morph.get("Tense", []):
            return False
        return t.pos_ in {"ADJ", "NOUN", "PROPN", "PRON", "DET", "NUM", "VERB"}  # 'flexibel', 'klar' read as verbs
    return False


def _split_particle(doc: Doc, k: int, sent: Span, cue: Cue, lex: Lexicon) -> int | None:
    """End of a particle verb split by its subject in V2 order (*räknar Riksbanken med*, *går polisen ut
    med*), where the language allows it; None when the rest of the cue does not follow the subject."""
    if "split_particles" not in lex.word_class("rules"):
        return None
    rest = cue.words[1:]
    for gap in range(1, 5):
        start = k + 1 + gap
        if start + len(rest) > sent.end:
            return None
        between = doc[k + 1 : start]
        if any(t.is_punct or t.lower_ in lex.word_class("complementizer") or (t.pos_ in VERB_POS and t.is_lower)
               for t in between):
            return None  # 'tror folk har tröttnat lite på': a clause of its own, no subject inside 'tror ... på'
        if all(doc[start + m].lower_ == rest[m] for m in range(len(rest))):
            return start + len(rest)
    return None


def _participle(doc: Doc, k: int, sent: Span, lex: Lexicon, tagged: bool) -> bool:
    """A cue form between a determiner and a noun is an adjective (*den misstänkte mannen*), not a verb
    (*Det uppger polisen*)."""
    nxt_tok = doc[k + 1] if k + 1 < sent.end else None
    if tagged and doc[k].pos_ == "ADJ" and nxt_tok is not None and nxt_tok.pos_ == "NOUN":
        return True  # '5 865 nya bekräftade fall'
    if (tagged and k > sent.start and doc[k - 1].pos_ == "DET" and nxt_tok is not None and nxt_tok.pos_ == "NOUN"
            and {"Sup", "Part"} & set(doc[k].morph.get("VerbForm", []))):
        return True  # 'någon misstänkt gärningsman': a participle between a determiner and its noun
    if k == sent.start or doc[k - 1].lower_ not in lex.word_class("determiner"):
        return False
    if tagged:
        return doc[k].pos_ in {"ADJ", "NOUN"}
    nxt = doc[k + 1] if k + 1 < sent.end else None
    function = lex.word_class("determiner") | lex.word_class("source_stop") | lex.word_class("subject_pronoun")
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_ not in function


def _pos_fits(t: Token, kind: str) -> bool:
    if kind in {"verb", "self", "evidence", "modal"}:
        return t.pos_ in VERB_POS or t.pos_ == ""
    if kind == "noun":
        return t.pos_ in {"NOUN", "PROPN", "DET", "PRON", ""} or not t.is_alpha
    return True


def _adverb_gap(doc: Doc, k: int, sent: Span, cue: Cue, tagged: bool) -> bool:
    """Whether a passive form of three or more words stands at ``k`` with one adverb after its auxiliary
    (*is also expected to*, *are now thought to*): the form's words are the lexicon's, the adverb any."""
    n = len(cue.words)
    return (tagged and cue.kind == "passive" and n >= 3 and k + n + 1 <= sent.end and doc[k + 1].tag_ == "RB"
            and all(doc[k + 1 + m].lower_ == cue.words[m] for m in range(1, n)))



def _copula_gap(doc: Doc, k: int, sent: Span, cue: Cue, lex: Lexicon, tagged: bool) -> bool:
    """Whether a noun cue with its copula (*bedömningen är att*, *prognosen är att*) stands at ``k`` with one
    adverb after the copula (*Prognosen är därmed att*, *Beskedet är alltså att*): the adverb any."""
    n = len(cue.words)
    return (tagged and cue.kind == "noun" and n >= 3 and cue.words[1] in lex.word_class("copula")
            and k + n + 1 <= sent.end and doc[k + 1].lower_ == cue.words[1] and doc[k + 2].pos_ == "ADV"
            and all(doc[k + 1 + m].lower_ == cue.words[m] for m in range(2, n)))
