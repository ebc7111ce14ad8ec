"""The surface rules: who says what through which cue, read from word order and word classes.

One rule per cue kind (``RULES``): a reporting verb, a preposition naming a source, a reportative passive, a noun
cue, an evidence verb, a self-report. ``surface_attributions`` runs them over one sentence's cues; ``colon_lead``
finds a paragraph that ends in *X sa:*. They serve every language, and the sentences the dependency rules hand back.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from claimledger.nlp.components.clauses import (
    adverbials_only,
    clause_without_att,
    contrast_end,
    directive,
    evidence_v2,
    free_relative,
    fronted_clause,
    fronted_subject,
    hypothetical,
    no_report,
    nothing_said,
    participle_phrase,
    past_negation,
    past_relative,
    pronoun_then_quote,
    relative_adverbial,
    trailing_claim_start,
    trailing_phrase,
    unmarked_inverted,
    verbless_to_comma,
)
from claimledger.nlp.components.colons import colon_continuation, colon_quotes, late_colon
from claimledger.nlp.components.colons import colon_lead as colon_lead  # continuations.py asks here
from claimledger.nlp.components.colons import headline_colon as headline_colon  # and attributions.py
from claimledger.nlp.components.found import Found, Range, bracket_around, fold_hearsay, fold_named_passives
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.components.subclauses import (
    as_aside,
    colon_quote_of_later,
    generic_self_talk,
    in_than_clause,
    labelled,
    linked_clause,
    name_then_noun,
    negated,
    participle_lead,
    relative_aside,
    rule_noun,
    rule_self,
    sentence_pieces,
)
from claimledger.nlp.components.wordorder import (
    authored,
    clause_joints,
    dislocated_end,
    finite_between,
    fronted_source,
    infinitive_end,
    inserted_subject,
    main_clause_order,
    relative_adverb,
    relative_end,
    second_predicate,
    subordinate_start,
)
from claimledger.nlp.lexicon import Cue, Lexicon


def _rule_prep(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    before = d[c0 - 1] if c0 > r.s else None
    at_start = (before is None or before.lower_ in r.conj or before.text in r.dashes
                or before.text == ":" or r.is_quote(before))
    source = r.np_after(c1, r.e, "prep")
    if source is None:
        return None
    source, certainty = name_then_noun(r, source), cue.certainty
    w = r.lex.word_class
    norms = tuple(w("norm_source"))
    if norms and any(d[x].lower_.endswith(norms) for x in range(*source)):
        return None  # 'enligt lagen', 'bygga enligt kraven': in keeping with a rule, nobody says anything
    if (source[1] - source[0] > 2 and d[source[0]].lower_ in w("hearsay_noun")
            and d[source[0] + 1].lower_ in w("hearsay_prep")):
        # 'enligt uppgifter från X': X is the source, and what it says is hearsay
        source, certainty = (source[0] + 2, source[1]), "reported"
    cue = replace(cue, certainty=certainty)
    if at_start:
        i = past_relative(r, source[1])  # 'Enligt App Data som mäter trafiken sjönk antalet': the claim at 'sjönk'
        # 'Enligt de uppgifter jag fick upptäcktes felet', 'Enligt domen i en tingsrätt döms X': by verb second
        source, i = fronted_source(r, source, i)
        modifier = verbless_to_comma(r, i)
        if modifier is not None and d[i].text != ",":
            source, i = (source[0], modifier), modifier  # 'Enligt en källa med insyn i utredningen, som ...'
        if i < r.e and d[i].text == ",":
            i += 1
            aside = verbless_to_comma(r, i)
            if i < r.e and d[i].lower_ in r.rel:  # ', som kontrolleras av Hamas,'
                while i < r.e and d[i].text != ",":
                    i += 1
                i += 1
            elif aside is not None:  # 'Enligt Eva Ek, professor vid KI, har ...': an apposition
                i = aside + 1
        end = r.clause_end(i, later)
        end = next((x for x in clause_joints(r, i, end) if any(x < c < end for c in later)), end)
        colons = colon_quotes(r, i, end)  # 'Enligt P4 är det X: – Jag har ...': the quote is the speaker's
        content = r.trim((i, colons[0] if colons else end))
        if content is None:
            return None
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "prep-first")
    inside = bracket_around(r.doc, r.s, r.e, c0, source[1])
    if inside:  # '(öst, 15 000 enligt facken)': the phrase speaks for its bracket only
        content = r.trim((inside[0], c0)) or r.trim((source[1], inside[1]))
        return Found((c0, c1), content, source, certainty, cue.kind, "prep-bracket") if content else None
    if c0 - 1 in r.cue_starts and source[1] < r.e and d[source[1]].lower_ in r.comp:
        # 'SVT uppger med hänvisning till Flightradar att X': the relay passes on what the verb says
        content = r.trim((source[1] + 1, r.clause_end(source[1] + 1, later)))
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "prep-relay") if content else None
    start = trailing_claim_start(r, c0)
    head = r.trim((start, c0))
    tail = r.trim((source[1], r.e)) if source[1] < r.e - 1 else None
    if head is None:
        return None
    after = source[1] + (source[1] < r.e and d[source[1]].text == ",")
    if tail and after < r.e and d[after].lower_ in r.rel and ("," in {d[c0 - 1].text, d[source[1]].text}):
        tail = None  # 'Y, enligt det besked som X gav', 'Y enligt flygplatsen, som är ...': it describes the source
    # 'banken ska enligt X, bankens vd, leva upp till': an apposition set off after the source keeps it embedded
    app = verbless_to_comma(r, source[1] + 1) if tail and d[source[1]].text == "," else None
    if tail and d[c0 - 1].text != "," and (d[source[1]].text != "," or app is not None):
        # 'Gruppen ska enligt Gladkov ha attackerat två byar': no commas set the phrase off, so the
        # claim is the whole clause around it
        start = max([start] + [x + 1 for x in clause_joints(r, start, c0)])  # '… och banken ska enligt X'
        comps = [x for x in range(start, c0) if d[x].lower_ in r.comp]
        if comps:  # 'skriver att roboten enligt X ska ...': the embedded claim starts after 'att'
            start = comps[-1] + 1
        if d[c0 - 1].lower_ in r.rel and c0 - 2 >= r.s and (d[c0 - 2].text == "," or d[c0 - 2].lower_ in r.conj):
            start = source[1]  # ', men som enligt X blir försenat': a trailing relative clause's own words
        whole = r.trim((start, r.clause_end(source[1] if app is None else app + 1, later)))
        if whole:
            return Found((c0, c1), whole, source, certainty, cue.kind, "prep-embedded")
    if tail and tail[1] - tail[0] > head[1] - head[0] and not linked_clause(r, tail):
        return Found((c0, c1), tail, source, cue.certainty, cue.kind, "prep-middle", (head,))
    return Found((c0, c1), head, source, cue.certainty, cue.kind, "prep-last", (tail,) if tail else ())


DENIED_NP = 5
"""Longest noun phrase (tokens) taken as what a denial verb denies, without an *att* clause."""


def _rule_verb(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    after = c1
    if d[c1 - 1].text == ":":  # a cue that needs its colon: 'och fortsätter: – ...'
        after = c1 - 1
    if after < r.e and d[after].text == ":":
        content = r.trim((after + 1, r.e))
        source = r.np_before(c0)
        return Found((c0, min(c1, after)), content, source, cue.certainty, cue.kind, "verb-colon") if content else None
    late = late_colon(r, c0, c1, cue)
    if late is not None:  # 'skriver Hamilton bland annat följande: ” Tack för ...'
        return late
    aside = as_aside(r, c0, c1, cue, later)  # 'Som X påpekar, Y', ', som X uttryckte det,'
    if aside is not None:
        return aside if isinstance(aside, Found) else None
    if in_than_clause(r, c0):  # 'roligare än de trodde att det skulle vara'
        return None
    gap = free_relative(r, c0, c1, later)
    if gap is not None:
        return gap if isinstance(gap, Found) else None
    prev = c0 - 1
    while prev >= r.s and r.is_quote(d[prev]):
        prev -= 1
    if prev >= r.s and (d[prev].text in {",", "!", "?"} or d[prev].text in r.dashes) and prev > r.s \
            and not (r.tagged and c1 - c0 > 1 and d[c1 - 1].pos_ == "ADP"):
        # 'Y, säger X.' / '"Y," said X.'; not after a cue that ends in its preposition (*X, som sitter
        # häktad, nekar till anklagelserna*): what follows is the preposition's object, not a subject
        source = r.np_after(c1, r.e, "inverted")
        # 'Enligt P4 är det X: – Jag har varit sjuk, säger han': the quote opens at the dash after the colon
        colons = colon_quotes(r, r.s, prev) or [x for x in range(r.s, prev - 1) if d[x].text == ":" and r.is_quote(
            d[x + 1]) and r.is_quote(d[c0 - 1])]  # 'X beklagar att Y: ”Z,” sade hon': the quote closed before the cue
        content = r.trim((r.skip_open(colons[-1] + 1 if colons else r.s, prev), prev))
        subject_before = d.has_annotation("DEP") and not any(r.is_quote(d[x]) for x in range(r.s, c0)) and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.i < prev and c.pos_ in {"NOUN", "PROPN"} for c in d[c0].children)
        if content and source and r.nominal(source) and r.own_comp(source[1], r.e) is None \
                and not adverbials_only(r, content, source) and not subject_before and not relative_aside(r, content):
            # 'I dag, på luciadagen, skriver X om Y'; 'The Taliban, however, claimed X': the parse's subject
            return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-inverted")
    if c0 == r.s and d[c0].is_lower and r.sent_before is not None:
        # 'Ryssland kommer bli fritt! skanderar en av soldaterna': the claim is the sentence before
        source = r.np_after(c1, r.e, "inverted")
        content = r.trim(r.sent_before)
        if content and source and r.nominal(source):
            return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-inverted")
    if c0 == r.s + 1 and d[r.s].lower_ in r.anaphor and r.sent_before is not None:
        # 'Nordkorea har skickat 10 000 soldater. Det uppger militären.': the claim is the sentence before
        source = r.np_after(c1, r.e, "inverted")
        content = r.trim(r.sent_before)
        if content and source and r.nominal(source) and r.own_comp(source[1], r.e) is None:
            return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-anaphoric")
    if (c1 + 1 == r.e and d[c1].lower_ in r.lex.word_class("nominative_pronoun") and c0 - r.s >= 3
            and (r.e >= len(d) or d[r.e].text != "?")
            and not d[c0 - 1].is_punct and any(r.is_verb(d[x]) for x in range(r.s, c0))):
        # 'Det ska vara bröd på julbordet tycker jag.': an inverted cue with no comma, its subject last
        content = r.trim((r.skip_open(r.s, c0), dislocated_end(r, c0)))  # 'X, det vet vi': the claim is X
        return Found((c0, c1), content, (c1, c1 + 1), cue.certainty, cue.kind, "verb-inverted") if content else None
    unmarked = unmarked_inverted(r, c0, c1)
    if unmarked is not None:
        # '”Y” säger hans pappa', 'Y dömdes till fängelse rapporterar lokala medier': no comma before the cue
        return Found((c0, c1), (unmarked[0][0], dislocated_end(r, unmarked[0][1])), unmarked[1], cue.certainty,
                     cue.kind, "verb-inverted")
    fronted_att = fronted_clause(r, c0, c1)
    if fronted_att is not None:
        # 'Att så många valde att stanna tyckte hon var sorgligt': the fronted 'att' clause is the claim
        content = r.trim(fronted_att)
        return Found((c0, c1), content, (c1, c1 + 1), cue.certainty, cue.kind, "verb-fronted") if content else None
    comma = next((x for x in range(c0 - 1, r.s, -1) if d[x].text == ","), None)
    if comma is not None and c0 - comma <= 6:  # 'Y, X said.' with only a short tail after the cue
        source = r.trim((comma + 1 + (d[comma + 1].lower_ in r.rel and comma + 2 < c0), c0))
        tail = r.e - c1  # ', vilket partierna anser är onödigt': the relative word is no part of the source
        if source and r.nominal(source) and tail <= 4 and r.find_comp(c1, r.e) is None and not any(
            r.is_verb(d[x]) for x in range(source[0], source[1])
        ):
            content = r.trim((r.skip_open(r.s, comma), comma))
            if content and not participle_lead(r, content):  # not 'Asked whether he would run, Smith said no'
                return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-final")
    comp = r.find_comp(c1, r.e)
    if comp is not None and directive(r, comp):
        return None
    if c1 - c0 > len(cue.words):  # a split particle verb: its subject is the words inside the cue
        start = c1 + 1 if comp == c1 else c1
        content = r.trim((start, r.clause_end(start, later)))
        inside = r.trim((c0 + 1, c1 - len(cue.words) + 1))
        if inside is not None and d[inside[0]].lower_ in r.negation:
            return None  # 'går inte heller ut med': nothing is put forward
        if inside is not None and (d[inside[0]].lower_ in r.stop
                                   or (r.tagged and all(d[x].pos_ == "ADV" for x in range(*inside)))):
            inside = r.np_before(c0)  # 'varnade i sitt nyårstal för', 'trodde knappt på': an adverbial, not the subject
        if content is None or inside is None:
            return None
        return Found((c0, c1), content, inside, cue.certainty, cue.kind, "verb-split")
    if comp is not None and finite_between(r, c1, comp):
        comp = None  # 'Jag tror folk känner att ...': the claim starts right after the cue
    if comp is not None and any(d[x].lower_ in r.lex.word_class("predicate_link") and r.verbs[x + 1 - r.s]
                                for x in range(c1, comp - 1)):
        return None  # 'erkänner sitt ansvar och fortsätter arbetet med att': the 'att' is another verb's
    if comp is not None:
        before = r.np_before(c0)
        linked = c0 - 1 > r.s and d[c0 - 1].lower_ in r.lex.word_class("predicate_link")  # 'och betonade X att': no V2
        source = (None if linked else r.subject_between(c1, comp, before)) or before
        end = r.clause_end(comp + 1, later)
        if c0 - 2 >= r.s and d[c0 - 1].lower_ in r.rel and d[c0 - 2].text == ",":
            # 'Förlaget, som säger att appen är ett sätt att ..., ger även ut': the relative clause
            # closes at the comma after which the main clause's verb goes on
            end = next((x for x in range(comp + 1, end - 1) if d[x].text == "," and r.is_verb(d[x + 1])), end)
        end = infinitive_end(r, comp + 1, contrast_end(r, comp + 1, end))  # 'att ha sett X och jagas av Y'
        end = main_clause_order(r, comp + 1, end, c0)  # 'att X och höjde därför Y': the writer's next clause
        stops = colon_quotes(r, comp + 1, end) + colon_quote_of_later(r, comp + 1, end, later)  # ': – Vad är': a quote
        content = r.trim((comp + 1, min(stops, default=end)))
        if content is None:
            return None
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-that")
    source = r.np_before(c0)
    start = r.recipient_end(past_negation(r, c1 - 1), r.e)  # 'tror inte man är': the negation is the claim's
    fronted = fronted_subject(r, c0, c1) or pronoun_then_quote(r, c1)
    if fronted is not None:  # 'Så säger man till sig själv: ...': the subject follows the cue
        source, start = fronted, r.recipient_end(past_negation(r, c1 - 1, fronted[1]), r.e)
        start += start < r.e and d[start].text == ":"
    end = r.clause_end(start, later)
    if clause_without_att(r, start):  # 'tror folk känner att X, man hör Y': the claim ends before Y
        end = contrast_end(r, start, end)
    lead = start  # 'dementerade strax därefter all inblandning': adverbs before a noun phrase are no part of it
    while r.tagged and lead < end and d[lead].pos_ == "ADV" and d[lead].lower_ not in r.negation:
        lead += 1
    if lead > start and lead < end and not any(r.is_verb(d[x]) for x in range(lead, end)) and d[lead].pos_ in {
            "DET", "NOUN", "PROPN", "NUM"}:  # not before an adjective, which it grades ('kraftigt stigande priser')
        start = lead
    content = r.trim((start, end))
    # 'Kreml förnekar uppgifterna': what a denial denies may be a short noun phrase
    denied_np = (cue.certainty == "denied" and content is not None and content[1] - content[0] <= DENIED_NP
                 and not any(r.is_verb(d[x]) for x in range(*content)))
    if source is None or content is None or (content[1] - content[0] < 2 and not denied_np):
        return None
    if source == (r.s, r.s + 1) and d[r.s].lower_ in r.anaphor and fronted is None:
        return None  # 'Så beskriver det statliga företaget läget': a fronted object, its claim not in the sentence
    if r.tagged and nothing_said(r, content):
        return None  # 'Han sade inget djärvt': a negative pronoun, no verb before the comma
    quoted = r.is_quote(d[start]) if start < r.e else False
    if (r.bare and not quoted and " ".join(cue.words) not in r.bare and not denied_np and not labelled(r, cue, content)
            and not clause_without_att(r, start if fronted is None else c1)):  # 'pekar ut X som skyldig': a label
        return None
    if not quoted and labelled(r, cue, content):  # 'pekat ut dem som X och de har visat': the label's clause only
        content = r.trim((start, next(iter(clause_joints(r, start + 1, content[1])), content[1]))) or content
    elif not quoted and cue.certainty == "denied" and r.tagged:  # 'förnekar allt och vägrar kommentera': what is
        joints = set(clause_joints(r, start + 1, content[1]))  # denied ends where the speaker's next verb begins
        cut = next((x for x in range(start + 1, content[1] - 1) if d[x].lower_ in r.conj and (
            x in joints or "Fin" in d[x + 1].morph.get("VerbForm", []))), content[1])
        content = r.trim((start, cut)) or content
    if (r.tagged and not quoted and d[c0].lower_ in r.lex.word_class("clause_cue") and d[start].text not in r.dashes
            and d[start - 1].text != ":"
            and not any(d[x].pos_ in {"VERB", "AUX"} for x in range(*content))):
        return None  # 'Segern säger en hel del om laget': a verb of saying with a bare noun phrase claims nothing
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-bare")


def _rule_passive(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    if no_report(r, c0, c1, cue):
        return None
    if c0 > r.s and d[c0 - 1].text == "," and all(d[x].lower_ in r.expletive for x in range(c1, r.e)):
        # 'Tio personer har skadats, uppges det.', '..., heter det.': the claim is the clause before
        content = r.trim((r.skip_open(r.s, c0 - 1), c0 - 1))
        return Found((c0, c1), content, None, cue.certainty, cue.kind, "passive-inverted") if content else None
    end = r.clause_end(c1, later)
    if c1 < end and d[c1].lower_ in r.comp and d[c1].pos_ == "SCONJ":  # 'Det sägs att X': the att clause
        content = r.trim((c1 + 1, end))
        return Found((c0, c1), content, None, cue.certainty, cue.kind, "passive") if content else None
    comma = next((x for x in range(c0 - 1, r.s - 1, -1) if d[x].text == ","), r.s - 1)
    if any(d[x].lower_ in r.rel for x in range(comma + 1, c0)):
        # 'Fartyget, som … och tros tillhöra skuggflottan, är misstänkt': a relative clause ends at its comma;
        # one opened with no comma goes on past a list of predicates (som sades ha kastat sten, barrikaderat ...)
        opened = any(d[x].lower_ in r.rel and d[x - 1].text == "," for x in range(comma + 1, c0))
        end = next((x for x in range(c1, end) if d[x].text == "," and (
            opened or not (r.tagged and x + 1 < end and d[x + 1].is_lower and "Fin" not in d[x + 1].morph.get(
                "VerbForm", []) and (d[x + 1].pos_ == "VERB" or d[x + 1].morph.get("VerbForm", []))))), end)
    if c0 > r.s and (d[c0 - 1].lower_ in r.rel or relative_adverbial(r, c0)):
        # 'Fartyget som misstänks ligga bakom kabelbrotten har flyttats': with no comma, the relative
        # clause ends where the main clause's verb begins
        content = r.trim((c1, relative_end(r, c1, end)))
        return Found((c0, c1), content, None, cue.certainty, cue.kind, "passive-relative") if content else None
    start = r.clause_start(c0)
    second = second_predicate(r, c0)
    if second is not None:  # 'och därefter tros ha anslutit sig': at the adverb before it
        # '... uppges ha hittats och sägs avslöja hemligheter': the second clause starts at its cue;
        # 'Fartyget, som …, är misstänkt för att': so does a predicate after an inserted clause with a cue of its
        # own; 'Föraren, som …, misstänks för X': with none, at the subject (wordorder.inserted_relative)
        start = second
    subject = inserted_subject(r, c0)
    start = subject if subject is not None else subordinate_start(r, c0, start)
    end = relative_end(r, c1, end, aux=False) if start > r.s and relative_adverb(r, start - 1) else end
    # 'X ligger på sjukhus och fem personer har rapporterats saknade': a main clause joined on, with its own subject,
    # after a clause with a verb ('Mannen och kvinnan uppges': one subject)
    joints = [x + 1 for x in clause_joints(r, start, c0 + 1) if any(r.is_verb(d[z]) for z in range(start, x))]
    start = max([start, *joints])
    # '…, after it was suspected to have …': the claim is the subordinate clause, not the sentence
    # 'uppges vara i 60-årsåldern och är välkänd': a finite verb after 'och' is no coordinate of the infinitive
    content = r.trim((r.skip_open(start, c0), infinitive_end(r, c1, contrast_end(r, c1, end))))  # '…, men i hans fall'
    return Found((c0, c1), content, None, cue.certainty, cue.kind, "passive") if content else None


def _rule_evidence(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    if c0 > r.s + 1 and (d[c0 - 1].text == "," or d[c0 - 1].text in r.dashes) and len(cue.words) == 1:
        # 'Stormarna fördubblade avbrotten, visar uppgifter från X.': the evidence names itself after the
        # cue; so after a dash that closes an aside (*Y – Z är bäst – visar X*)
        source = r.np_after(c1, r.e, "inverted")
        content = r.trim((r.skip_open(r.s, c0 - 1), c0 - 1))
        if source and content and r.nominal(source) and (source[1] == r.e or trailing_phrase(r, source[1])):
            return Found((c0, c1), content, source, cue.certainty, cue.kind, "evidence-inverted")
    if cue.words[-1] in r.source_prep:
        comp = r.find_comp(c1, r.e)
        source = r.np_after(c1, comp if comp is not None else r.e, "inverted")
        if comp is None or source is None:
            return None
        content = r.trim((comp + 1, r.clause_end(comp + 1, later)))
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "evidence-by") if content else None
    source = r.np_before(c0)
    if source and source[1] - source[0] == 1 and d[source[0]].lower_ in r.lex.word_class("subject_pronoun"):
        source = None if d[source[0]].lower_ in {"det", "it"} else source
    bare = len(cue.words) == 1  # 'visar' alone: evidence only before 'att' or a colon ('siffror visar:')
    if bare and not (c1 < r.e and (d[c1].lower_ in r.comp or d[c1].text == ":")):
        v2 = evidence_v2(r, c1, source)
        if v2 is None:
            return None
        source, at = v2
    else:
        at = c1
    start = at + 1 if at < r.e and (d[at].lower_ in r.comp or d[at].text == ":") else at
    content = r.trim((start, r.clause_end(start, later)))
    if content is None or (source is None and cue.words[-1] not in r.comp and "det" not in cue.words):
        return None
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "evidence")


RULES = {
    "prep": lambda r, c0, c1, cue, later: authored(r, _rule_prep(r, c0, c1, cue, later)),  # 'som X gav' names X
    "verb": _rule_verb,
    "passive": _rule_passive,
    "modal": _rule_passive,
    "adverb": _rule_passive,
    "noun": rule_noun,
    "evidence": _rule_evidence,
    "self": rule_self,
}


def surface_attributions(doc: Doc, sent: Span, lex: Lexicon, tagged: bool,
                         cues: list[tuple[int, int, Cue]]) -> list[Found]:
    """The attributions the surface rules find for a sentence's cues."""
    pieces = sentence_pieces(doc, sent, lex)
    if len(pieces) == 1:
        return fold_hearsay(_piece_attributions(doc, sent, lex, tagged, cues, None))
    out: list[Found] = []
    before: Range | None = None
    for piece in pieces:
        mine = [c for c in cues if piece.start <= c[0] < piece.end]
        if mine:
            out.extend(_piece_attributions(doc, piece, lex, tagged, mine, before))
        before = (piece.start, piece.end)
    return fold_hearsay(out)


def _piece_attributions(doc: Doc, sent: Span, lex: Lexicon, tagged: bool,
                        cues: list[tuple[int, int, Cue]], before: Range | None) -> list[Found]:
    r = SentenceRules(doc, sent, lex, tagged)
    if before is not None:
        r.sent_before = before
    starts = [c0 for c0, _, _ in cues]
    r.cue_starts = set(starts)
    out: list[Found] = []
    subject: Range | None = None
    question = r.e < sent.end and doc[sent.end - 1].text == "?"
    for c0, c1, cue in cues:
        inverted = c1 + 1 == r.e and doc[c1].lower_ in r.lex.word_class("nominative_pronoun")
        if cue.kind in {"verb", "noun"} and cue.certainty != "estimated" and negated(r, c0) and not inverted:
            continue  # 'har inte kommenterat'; 'Det är inte värdigt tycker jag': the claim's own negation
        if (question and c0 == r.s) or hypothetical(r, c0, question):
            continue  # 'Tror du att ...?', 'om vi säger att': a question or a condition puts nothing forward
        later = [x for x in starts if x > c0]
        if cue.kind == "verb" and participle_phrase(r, c0):
            cue = replace(cue, kind="passive")  # ', misstänkt för att ha ...': no subject, a passive sense
        found = RULES[cue.kind](r, c0, c1, cue, later)
        shared = c0 > r.s and doc[c0 - 1].lower_ in r.conj and subject is not None
        if shared and found is not None and found.kind in {"verb", "self"}:
            found = replace(found, source=subject)  # 'Partiet förnekar det och säger att ...': one subject
        if cue.kind in {"verb", "self", "evidence"} and not shared:
            subject = found.source if found and found.source else r.np_before(c0)
        if found is None or found.content[0] >= found.content[1]:
            continue
        if (found.source and doc[found.source[0]].lower_ in r.negation) or generic_self_talk(r, c1, found.source):
            continue  # 'varken polisen eller SOS Alarm rapporterade', 'säger man till sig själv'
        if found.source is None and found.kind == "verb" and found.certainty == "asserted":
            found = replace(found, certainty="reported")  # 'det är uttalat att': nobody named
        out.append(found)
        more = colon_continuation(r, found)  # 'Det är för dyrt, anser hon: – Vi har inte råd'
        if more is not None:
            out.append(more)
    return fold_named_passives(out, doc, lex)
