"""Clause shapes around a cue that decide whether and where it reports anything.

The surface rules (surface.py) ask these before they read a claim: whether the cue stands in a
free relative, an aside, a condition or a question (it then puts nothing forward), whether a
reportative passive has a predicate at all, where a fronted source's modifier ends, and what stands
between an evidence verb and its 'att'; and, after them, which sourceless passives fold into an
'enligt X' claim; and where a cue's subject stands when it is no plain noun phrase before it (a V2
pronoun after a fronted part, a claim whose 'att' is left out). Each test leans on word classes of the
language's words.tsv, so a language without them is unchanged.
"""

from __future__ import annotations

from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.lexicon import Cue

_FRONTED_POS = {"ADV", "ADJ", "CCONJ", "SCONJ", "INTJ", "PART", "ADP"}


def verbless_to_comma(r: SentenceRules, i: int) -> int | None:
    """The comma that closes a verbless phrase from ``i`` (a modifier or an apposition of a fronted
    'enligt X'), when the clause after it (past a relative clause) opens with its verb; else None."""
    d = r.doc
    comma = next((x for x in range(i, r.e) if d[x].text == "," or r.is_verb(d[x])), None)
    if comma is None or comma == i or d[comma].text != ",":
        return None
    after = comma + 1
    if after < r.e and d[after].lower_ in r.rel:
        after = next((x + 1 for x in range(after, r.e) if d[x].text == ","), r.e)
    return comma if after < r.e and r.is_verb(d[after]) else None


def free_relative(r: SentenceRules, c0: int, c1: int, later: list[int]) -> Found | bool | None:
    """A cue inside a free relative (*allt vad vi sade då är*, *det hon sade lyfte*, *det som X sade*)
    says nothing of its own: what is said is the relative's gap, a noun phrase of the main clause.
    Only *Vad jag menade var att Y* (a copula, then 'att') puts Y forward. Returns None where the
    cue is no such relative's, False where it reports nothing, else the claim.
    """
    d, w = r.doc, r.lex.word_class
    k = c0
    while k > r.s and c0 - k < 4 and not d[k - 1].is_punct and not r.is_verb(d[k - 1]) \
            and d[k - 1].lower_ not in w("free_relative") and d[k - 1].lower_ not in r.rel:
        k -= 1
    if k == c0 or k == r.s:
        return None
    head = d[k - 1].lower_
    aside = head in r.rel and k - 2 >= r.s and d[k - 2].text == ","  # ', som hon beskrev det,': as she put it
    if head in r.rel and not aside and not (k - 2 >= r.s and d[k - 2].lower_ in w("free_relative")):
        return None  # 'bilen som han sade var nyservad': the relative clause holds the claim
    if head not in w("free_relative") and head not in r.rel:
        return None
    if aside:
        end = c1 + 1 if c1 < r.e and d[c1].lower_ in r.anaphor else c1
        return False if end >= r.e or d[end].is_punct else None
    if r.tagged and d[k].pos_ not in {"PRON", "PROPN", "NOUN", "DET"}:
        return None
    nxt = c1
    while nxt < r.e and ((r.tagged and d[nxt].pos_ == "ADV") or d[nxt].lower_ in w("sentence_adverb")):
        nxt += 1
    if nxt >= r.e:
        return False
    t = d[nxt]
    if r.is_quote(t) and sum(r.is_quote(d[x]) for x in range(r.s, c0)) % 2:
        return False  # 'som ” tror på vad de säger ”': the mark closes a quotation around the relative
    own_subject = k + 1 == c0 and d[k].lower_ in w("nominative_pronoun")  # 'det hon sade lyfte': not V2
    if t.lower_ in r.comp or t.text == ":" or r.is_quote(t) or (
            r.tagged and t.pos_ in {"PRON", "PROPN", "NOUN"} and not own_subject):
        return None  # 'X sade att', 'I det läget säger han att': the cue's own claim or its V2 subject
    if t.lower_ in w("copula") and nxt + 1 < r.e and d[nxt + 1].lower_ in r.comp:
        content = r.trim((nxt + 2, r.clause_end(nxt + 2, later)))
        return Found((c0, c1), content, (k, c0), "asserted", "verb", "verb-free-relative") if content else False
    return False


def no_report(r: SentenceRules, c0: int, c1: int, cue: Cue) -> bool:
    """A passive that ends its clause (*hur avtalet ska tolkas.*), is an infinitive (*att kallas*) or gives
    a name (``naming_passive`` before a capital, *kallas för Dana*) reports no claim, nor does hearsay *ska*
    in an 'att' clause that no cue governs (*Tanken är att alla ska vara sökbara*: a plan)."""
    d = r.doc
    if cue.kind == "passive" and r.tagged and c0 > r.s and d[c0 - 1].lower_ in r.comp and d[c0 - 1].pos_ == "PART":
        return True  # an infinitive (*rädd för att kallas pensionär*): nobody is said to say anything
    if cue.kind == "passive" and c0 > r.s and d[c0 - 1].lower_ in r.lex.word_class("obligation_aux"):
        return True  # 'Brottet ska rapporteras till Sverige': an infinitive after a modal of duty, no report
    if cue.kind == "passive" and " ".join(cue.words) in r.lex.word_class("naming_passive"):
        k = c1 + (c1 < r.e and d[c1].lower_ in r.lex.word_class("naming_prep"))
        if k < r.e and (d[k].text[:1].isupper() or (r.tagged and d[k].pos_ == "NOUN" and "Ind" in d[k].morph.get(
                "Definite", []) and (k + 1 >= r.e or d[k + 1].is_punct or d[k + 1].pos_ == "CCONJ"))):
            return True  # 'kallas för Dana', 'kallas vertikalpelare och': a name or a bare term given, nothing said
    if cue.kind == "passive" and not (c0 > r.s and d[c0 - 1].text == ",") and no_complement(r, c1):
        return True  # 'kan studenterna antas hösten 2013', 'bedöms stabiliteten på': admitted, assessed
    if cue.kind == "passive":
        return (c1 >= r.e or (d[c1].is_punct and not r.is_quote(d[c1]))) and c0 > r.s and d[c0 - 1].text != ","
    if cue.kind != "modal":
        return False
    comp = next((x for x in range(c0 - 1, r.s - 1, -1) if d[x].is_punct or d[x].lower_ in r.comp), None)
    return (comp is not None and d[comp].lower_ in r.comp
            and not any(x in r.cue_starts for x in range(r.s, comp)))


def trailing_claim_start(r: SentenceRules, c0: int) -> int:
    """Start of the claim a trailing 'enligt X' speaks for: its clause, and the clause before it when its
    own clause is a second predicate (*…, men har inte haft några effekter, enligt X*: one subject), a
    subordinate clause (*Det är halt, eftersom det snöat, enligt X*), or has no verb after ', men'
    (*Beslutet fattades enhälligt, men efter en lång diskussion, enligt X*), or is a verbless apposition
    after a dash (*Satsningen är på klimat – den största i historien, enligt X*)."""
    d = r.doc
    start = r.clause_start(c0)
    if not r.tagged or start <= r.s + 1:
        return start
    verbless = not any(r.is_verb(d[x]) or d[x].pos_ == "AUX" for x in range(start, c0))
    if ("Fin" in d[start].morph.get("VerbForm", []) or d[start - 1].lower_ in r.lex.word_class("subordinator")
            or (verbless and d[start - 1].lower_ in r.lex.word_class("contrast"))
            or (verbless and d[start - 1].text in r.dashes)):  # 'är på miljö – den största i historien, enligt X'
        return r.clause_start(start - 2)
    return start


def past_relative(r: SentenceRules, i: int) -> int:
    """Past a relative clause with no comma on a fronted 'enligt X' (*Enligt App Data som mäter trafiken
    sjönk antalet*): the main clause's finite verb, the second after the relative word; else ``i``."""
    d = r.doc
    if not (r.tagged and i < r.e and d[i].lower_ in r.rel and d[i - 1].text != ","):
        return i
    finite = [x for x in range(i + 1, r.e) if "Fin" in d[x].morph.get("VerbForm", [])]
    return finite[1] if len(finite) > 1 and not any(d[x].is_punct for x in range(i, finite[1])) else i


def trailing_phrase(r: SentenceRules, i: int) -> bool:
    """From ``i`` to the sentence's end a prepositional phrase with no verb (*visar en studie från forskare
    i Uppsala*: the place still names the source)."""
    d = r.doc
    return (r.tagged and i < r.e and d[i].pos_ == "ADP"
            and not any(r.is_verb(d[x]) or d[x].is_punct for x in range(i, r.e)))


def no_complement(r: SentenceRules, c1: int) -> bool:
    """A passive of the language's list ``passive_valency`` (one whose verb has a sense that reports
    nothing: *antas* admitted, *bedöms* assessed) reports only with its complement: an infinitive
    (*antas vara*), 'som', 'till' or 'att' (``passive_complement``), after at most adverbs, a noun phrase
    (a V2 subject) and a prepositional phrase (*uppskattas av polisen till*)."""
    d, w = r.doc, r.lex.word_class
    if not r.tagged or d[c1 - 1].lower_ not in w("passive_valency"):
        return False
    x, phrases = c1, 0
    while x < r.e:
        t = d[x]
        if "Inf" in t.morph.get("VerbForm", []) or t.lower_ in w("passive_complement"):
            return False
        if t.pos_ == "ADV" and t.is_lower:
            x += 1
            continue
        y = x + (t.pos_ == "ADP")
        while y < r.e and d[y].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"}:
            y += 1
        if y == x + (t.pos_ == "ADP") or phrases == 2:
            return True
        x, phrases = y, phrases + 1
    return True


def hypothetical(r: SentenceRules, c0: int, question: bool) -> bool:
    """The cue's subject follows a conditional or 'whether' (*om de tyckte att*, *frågade om hon trodde
    att*), or, in a question, is the one addressed (*Du kanske tror att ...?*, *Hur tycker du att ...?*), or
    the question asks yes or no (*Är det någon som tycker att ...?*): nobody claims anything."""
    d, w = r.doc, r.lex.word_class
    if question and r.tagged and (
            (c0 + 1 < r.e and d[c0 + 1].lower_ in w("addressee"))  # 'Hur tycker du att ...?'
            or "Fin" in d[r.skip_open(r.s, r.e)].morph.get("VerbForm", [])):  # 'Är det någon som tycker att ...?'
        return True
    k = c0 - 1
    while r.tagged and k >= r.s and c0 - k <= 4 and not d[k].is_punct and (d[k].pos_ == "AUX" or not r.is_verb(d[k])):
        if (d[k].lower_ in w("conditional") and d[k].pos_ == "SCONJ"
                and not (k > r.s and d[k - 1].lower_ in w("concessive"))) or (
                question and d[k].lower_ in w("addressee")):
            return True  # not 'även om studier tyder på att': a concession grants the claim
        k -= 1
    return False


def directive(r: SentenceRules, comp: int) -> bool:
    """'varnar män för att strida': 'för att' before a bare infinitive warns against a deed and states
    no claim; a perfect infinitive (*anklagar X för att ha stridit*) is a claim about the past. So does a
    copula before it, past a cue in a relative clause (*Det roligaste jag vet är att sova länge*): a deed."""
    d = r.doc
    x = next((x for x in range(comp - 1, r.s, -1) if d[x].pos_ != "ADV"), r.s)  # 'är fortfarande att'
    if not r.tagged or comp + 1 >= r.e or comp == r.s or (
            d[comp - 1].lower_ not in r.recipient and d[x].lower_ not in r.lex.word_class("copula")):
        return False
    return "Inf" in d[comp + 1].morph.get("VerbForm", []) and d[comp + 1].lower_ not in r.lex.word_class("perfect_aux")


def participle_phrase(r: SentenceRules, c0: int) -> bool:
    """A supine cue right after a comma or a predicative participle, with no auxiliary of its own, heads a
    participle phrase (*har anhållits, misstänkt för mord*, *är gripen misstänkt för*): it reports like a
    passive, with nobody named."""
    d = r.doc
    after_predicative = (c0 - 2 >= r.s and d[c0 - 2].lower_ in r.lex.word_class("copula")
                         and d[c0 - 1].pos_ in {"NOUN", "ADJ"})  # 'är gripen misstänkt för': the tagger's noun
    return (r.tagged and r.s < c0 < r.e - 1 and (d[c0 - 1].text == "," or after_predicative)
            and ("Sup" in d[c0].morph.get("VerbForm", []) or (
                "Part" in d[c0].morph.get("VerbForm", []) and "Pres" not in d[c0].morph.get("Tense", [])))
            and d[c0 + 1].lower_ in r.recipient)  # ', anklagade för att ha': a past participle too


def contrast_end(r: SentenceRules, start: int, end: int) -> int:
    """End of an 'att' claim (or one whose 'att' is left out) before ', men' or a comma, a subject pronoun
    and a finite verb, which open the speaker's or the writer's own clause (*säger att OS är annorlunda,
    men det är i OS-byn som*); ', men att' goes on with the claim, and so does anything inside quotation
    marks."""
    d, contrast = r.doc, r.lex.word_class("contrast")
    for x in range(start, end - 2):
        if r.is_quote(d[x]):
            return end
        if d[x].text == "," and d[x + 1].lower_ in contrast and d[x + 2].lower_ not in r.comp:
            return x
        if (d[x].text == "," and d[x + 1].lower_ in r.lex.word_class("coordinator") and r.tagged
                and "Fin" in d[x + 2].morph.get("VerbForm", [])):
            return x  # 'tycker att X är intressant, och ska nu utvärdera': the speaker's own next predicate
        if (d[x].text == "," and r.tagged and "Fin" in d[x + 2].morph.get("VerbForm", [])
                and (d[x + 1].lower_ in r.lex.word_class("nominative_pronoun")
                     or (d[x + 1].pos_ == "ADV" and d[x + 1].is_lower))):
            return x  # 'tror folk känner att det är jobbigt, man hör …', '…, däremot har …': a main clause
    return end


def evidence_v2(r: SentenceRules, c1: int, before: Range | None) -> tuple[Range | None, int] | None:
    """Sentence adverbs or a V2 subject between an evidence verb and its 'att' (*siffrorna visar också
    att*, *Snarare visar de inställda avgångarna att*): the source, and where the 'att' stands; or, after a
    noun (not *Han visar var X*), an indirect question (*Filmen visar även hur X*) from its question word."""
    wh = r.past_adverbs(c1, r.e)
    if before and wh < r.e and r.doc[wh].lower_ in r.lex.word_class("interrogative") and r.tagged and any(
            r.doc[x].pos_ in {"NOUN", "PROPN"} for x in range(*before)):
        return before, wh
    comp = r.find_comp(c1, r.e)
    if comp is None:
        return None
    i = r.past_adverbs(c1, comp)
    if i == comp or (r.tagged and all(r.doc[x].pos_ in {"ADV", "ADJ"} and r.doc[x].is_lower for x in range(i, comp))):
        return before, comp  # 'visar tydligt att'
    subject = r.subject_between(i, comp, before)
    if subject is None or subject[1] != comp or not any(r.doc[x].pos_ in {"NOUN", "PROPN"} for x in range(*subject)):
        return None  # 'visar inga tecken på att': an object; 'visade sig att': no evidence
    return subject, comp


def nothing_said(r: SentenceRules, content: Range) -> bool:
    """A content that opens with a negative pronoun and holds no finite verb before its first comma is what the
    speaker did not say (*Han sade inget djärvt och inget polemiskt, och ...*), no claim; *tror ingen
    vill det* claims something."""
    d, w = r.doc, r.lex.word_class
    first = d[content[0]].lower_
    if first not in w("negation") or first in w("negation_adverb"):
        return False
    for x in range(content[0] + 1, content[1]):
        if d[x].text == "," or r.is_quote(d[x]):
            break
        if "Fin" in d[x].morph.get("VerbForm", []):
            return False  # a finite verb: the negative pronoun is the claim's subject
    return True


def relative_adverbial(r: SentenceRules, c0: int) -> bool:
    """A relative word, then only an adverb or a prepositional phrase, then the cue (*regimen, som genom
    dåden anses få*, *personer som tidigare sägs ha verkat*): the relative clause's subject is the gap."""
    d = r.doc
    for k in range(c0 - 2, max(r.s, c0 - 5) - 1, -1):
        if d[k].lower_ in r.rel:
            between = [d[x] for x in range(k + 1, c0)]
            return r.tagged and (all(t.pos_ == "ADV" for t in between) or (
                between[0].pos_ == "ADP" and all(t.pos_ in {"DET", "ADJ", "NOUN", "PROPN"} for t in between[1:])))
        if d[k].is_punct:
            return False
    return False


def fronted_clause(r: SentenceRules, c0: int, c1: int) -> Range | None:
    """A sentence that opens with an 'att' clause and no comma before the cue, whose subject is the
    nominative pronoun right after it (*Att så många valde att stanna tyckte hon var sorgligt*): the
    fronted clause is the claim, the pronoun its source."""
    d = r.doc
    start = r.skip_open(r.s, c0)
    if not (r.tagged and c1 < r.e and d[c1].lower_ in r.lex.word_class("nominative_pronoun")):
        return None
    if d[start].lower_ not in r.comp:
        return _extracted(r, start, c0, c1)
    if start >= c0 - 2:
        return None
    if any(d[x].is_punct or x in r.cue_starts for x in range(start, c0)) or not any(
            d[x].pos_ in {"VERB", "AUX"} for x in range(start + 1, c0)):
        return None  # the tagger may call the opening 'att' a particle: a verb must follow it
    return (start, c0)


def _extracted(r: SentenceRules, start: int, c0: int, c1: int) -> Range | None:
    """A word of the claim fronted before the cue, the cue's pronoun subject, and then the claim's own finite
    verb with no 'att' (*Det tror jag är fel*, *Viktigast anser hon är att lösa X*, *Det tycker vi inom
    partiet är orättvist*): the claim is moved out of its clause around the cue; as test_swedish's *Viktigast
    tycker de är att X* writes it, the claim is what follows the subject, from that verb on. Up to three words before
    the cue, pronouns (no subject's), adjectives or adverbs, no noun, which may be the cue's own subject
    (*Polisen tror han har flytt*); a prepositional phrase may follow the pronoun; not in a question."""
    d, subjects = r.doc, r.lex.word_class("nominative_pronoun")
    if not 0 < c0 - start <= 3 or any(d[x].pos_ not in {"PRON", "DET", "ADJ", "ADV"} or d[x].lower_ in subjects
                                      for x in range(start, c0)) or (r.e < len(d) and d[r.e].text == "?"):
        return None  # not 'Men jag tror han kommer': a subject before the cue, the claim after it
    k = c1 + 1
    if k < r.e and d[k].pos_ == "ADP":  # 'vi inom Alliansen'
        k = next((x for x in range(k + 1, min(r.e, k + 4)) if d[x].pos_ not in {"DET", "ADJ", "NOUN", "PROPN"}), r.e)
    if k >= r.e or "Fin" not in d[k].morph.get("VerbForm", []):
        return None
    return (k, r.clause_end(k, sorted(x for x in r.cue_starts if x > c0)))


def unmarked_inverted(r: SentenceRules, c0: int, c1: int) -> tuple[Range, Range] | None:
    """An inverted cue with no comma before it: (content, source). After a quotation that opens the
    sentence (*”En dag blir allt ditt” säger hans pappa*), the quotation is the claim; after a whole
    clause, when a noun phrase with a noun or name after the cue ends the sentence (*Mannen dömdes
    till fängelse rapporterar lokala medier*), that clause is."""
    d = r.doc
    if (not r.tagged or c0 - r.s < 4 or d[c0 - 1].text == "," or d[c0 - 1].pos_ == "AUX"
            or "Fin" not in d[c0].morph.get("VerbForm", [])):
        return None  # 'har kommenterat måndagens attacker': a perfect, its object after it
    source = r.np_after(c1, r.e, "inverted")
    if source is None or not r.nominal(source) or not any(
            d[x].pos_ in {"NOUN", "PROPN"} or d[x].lower_ in r.lex.word_class("nominative_pronoun")
            for x in range(*source)):
        return None
    if r.is_quote(d[c0 - 1]) and r.is_quote(d[r.s]):
        content = r.trim((r.s, c0))
        return (content, source) if content else None
    tail = source[1]
    while tail < r.e and d[tail].is_punct and not r.is_quote(d[tail]) and d[tail].text != "?":
        tail += 1
    question = r.e < len(d) and d[r.e].text == "?"  # 'Så blir det bättre menar du?'
    joined = tail < r.e and d[source[1]].text == "," and d[tail].lower_ in r.conj  # 'rapporterar E24, och X'
    if (tail < r.e and not joined) or question or d[c0 - 1].is_punct or any(x in r.cue_starts for x in range(r.s, c0)):
        return None
    last = next((x for x in range(c0 - 1, r.s - 1, -1) if d[x].text == ","), r.s - 1)
    if any(d[x].lower_ in r.comp or d[x].lower_ in r.rel for x in range(last + 1, c0)):
        return None  # 'tid att Sverige erkänner Palestina': a subordinate clause's verb and its object
    start = r.skip_open(r.s, c0)
    if not any("Fin" in d[x].morph.get("VerbForm", []) for x in range(r.s, c0)) or (
            d[start].lower_ in r.lex.word_class("subordinator") | r.lex.word_class("conditional")):
        return None  # 'I går meddelade regeringen', 'När jag frågar svarar han': V2 after a fronted part
    content = r.trim((start, c0))
    return (content, source) if content else None


def past_aside(r: SentenceRules, i: int) -> int:
    """Past a cue phrase set off by commas with no verb inside (*säger sig, enligt polisen, inte känna*):
    the claim goes on after the second comma."""
    d = r.doc
    if not (i + 1 < r.e and d[i].text == "," and i + 1 in r.cue_starts):
        return i
    for x in range(i + 2, min(r.e, i + 10)):
        if d[x].text == ",":
            return x + 1
        if r.is_verb(d[x]):
            return i
    return i


def fronted_subject(r: SentenceRules, c0: int, c1: int) -> Range | None:
    """V2 after a fronted adverbial, predicative or subordinate clause (*och då säger man*, *Viktigast
    anser hon är*, *När jag svarar ja säger han*): the cue's subject is the subject pronoun right
    after it, when the words between the clause's start (or the fronted clause's verb) and the cue
    hold no noun, name or pronoun that could be the subject."""
    d, o = r.doc, r.s
    if not r.tagged:
        return None
    start = r.clause_start(c0)
    verbs = [x for x in range(start, c0) if r.verbs[x - o] or r.texts[x - o] == ","]
    links = [x for x in range(start + 1, c0) if r.lowers[x - o] in r.lex.word_class("predicate_link")]
    if verbs and links and verbs[0] < links[-1]:
        verbs.append(links[-1])  # 'ser det mörkt ut och då tycker jag': a second clause, V2 after 'och då'
    words = [x for x in range(max(verbs) + 1 if verbs else start, c0) if not r.puncts[x - o]]
    if (not verbs and not words) or any(d[x].pos_ not in _FRONTED_POS for x in words):
        return None
    i = r.past_adverbs(c1, r.e)
    return (i, i + 1) if i < r.e and d[i].lower_ in r.lex.word_class("nominative_pronoun") else None


def pronoun_then_quote(r: SentenceRules, c1: int) -> Range | None:
    """*säger han: ”...”*, *säger hon ”...”*: a nominative pronoun right after the cue, then a colon, a
    quotation mark or a dash, is the cue's subject whatever was fronted (*På frågan om X säger han:*)."""
    d = r.doc
    if not (r.tagged and c1 + 1 < r.e and d[c1].lower_ in r.lex.word_class("nominative_pronoun")):
        return None
    nxt = d[c1 + 1]
    return (c1, c1 + 1) if nxt.text == ":" or r.is_quote(nxt) or nxt.text in r.dashes else None


def clause_without_att(r: SentenceRules, k: int) -> bool:
    """A subject then a verb right after the cue: a claim whose 'att' is left out (*tror jag jobbat*)."""
    d = r.doc
    if not r.tagged or k >= r.e or d[k].pos_ not in {"PRON", "NOUN", "PROPN", "DET"}:
        return False
    cue = k - 2 if past_negation(r, k - 2) == k else k - 1  # 'tycker inte det tar bort'
    if d[cue].lower_ not in r.lex.word_class("clause_cue"):
        return False  # only verbs of saying and opinion take such a claim ('Abloys uttalade koncernmål är')
    if d[k].lower_ in r.recipient or d[k].lower_ in r.stop:
        return False
    if (d[k].pos_ == "PRON" and d[k].lower_ not in r.lex.word_class("subject_pronoun")
            and not (k + 1 < r.e and d[k + 1].pos_ == "NOUN")):
        return False  # 'meddelar vad den tror': a question word, not a subject; 'ditt förslag' is one
    for x in range(k + 1, min(r.e, k + 4)):
        if d[x].is_punct:
            return False
        if {"Fin", "Sup"} & set(d[x].morph.get("VerbForm", [])):
            return True
    return False


def past_negation(r: SentenceRules, c: int, k: int | None = None) -> int:
    """After the negation at ``k`` (by default right after ``c``) that follows a verb of opinion at ``c``
    (*tror inte man är*, *tycker inte det tar*, *tycker jag inte det är*: the negation belongs to the
    claim), else ``k``."""
    w = r.lex.word_class
    k = c + 1 if k is None else k
    if r.s <= c and k < r.e and r.lowers[c - r.s] in w("neg_raising") \
            and r.lowers[k - r.s] in w("negation_adverb"):
        return k + 1
    return k


def adverbials_only(r: SentenceRules, content: Range, source: Range) -> bool:
    """Words before an inverted cue that are only fronted adverbials, each part opening with a preposition
    and holding no verb (*I dag, på luciadagen, skriver X om Y*), are no claim when the cue's phrase goes on
    after its subject."""
    d = r.doc
    if not r.tagged or source[1] >= r.e or r.is_quote(d[content[0]]) or r.is_quote(d[content[1]]):
        return False  # 'På en sjö i Finland ”, sade X och skrattade': a quote, whatever its words
    starts = [content[0], *(x + 1 for x in range(*content) if d[x].text == ",")]
    return all(x < content[1] and d[x].pos_ == "ADP" for x in starts) and not any(
        r.is_verb(d[x]) for x in range(*content))


def contact_relative(r: SentenceRules, source: Range) -> int | None:
    """The end of a relative clause with no relative word on a fronted 'enligt X' (*Enligt de uppgifter jag
    fick upptäcktes felet*): after a free-standing article (``definite_article``) and its noun, a subject and
    a finite verb, then another finite verb: the first is the relative clause's, the second the main
    clause's. Returns where the main clause starts (the source runs to it), else None."""
    d = r.doc
    if not (r.tagged and source[1] - source[0] >= 3 and d[source[0]].lower_ in r.lex.word_class("definite_article")
            and d[source[1] - 1].pos_ in {"PRON", "NOUN", "PROPN"}):
        return None
    finite = [x for x in range(source[1], min(r.e, source[1] + 5)) if "Fin" in d[x].morph.get("VerbForm", [])]
    if len(finite) < 2 or finite[0] != source[1] or any(d[x].is_punct for x in range(source[1], finite[1])):
        return None
    return finite[1]
