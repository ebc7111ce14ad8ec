"""The rules as spaCy components: what the statistical pipeline hands on, the rules read.

A language's pipeline is its model (or a blank tokenizer and a sentencizer) followed by the
components its ``lang/<code>/pipeline.tsv`` lists, so a language is assembled from its folder.
Each component writes what it finds on the Doc as an extension attribute, in token or
character offsets of that Doc; ``nlp.records`` turns them into records in article offsets:

* ``claimledger_attributions`` -> ``doc._.claimledger_attributions``: a ``Found`` per
  attribution, sentence by sentence (``attributions.sentence_attributions``, the one
  dispatcher over the surface and dependency rules);
* ``claimledger_quantities`` -> ``doc._.claimledger_quantities``: a ``FoundQuantity`` per
  figure (``quantities.find_quantities``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.lang import table
from claimledger.nlp import lexicon
from claimledger.nlp.components.around import elided_counts
from claimledger.nlp.components.attributions import sentence_attributions
from claimledger.nlp.components.quantities import find_quantities
from claimledger.nlp.windows import rule_sentences

ATTRIBUTIONS = "claimledger_attributions"
QUANTITIES = "claimledger_quantities"

for _name in (ATTRIBUTIONS, QUANTITIES):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def rule_components(lang: str) -> list[str]:
    """The components ``lang/<code>/pipeline.tsv`` appends to the language's model, in order."""
    return [row[0] for row in table(lang, "pipeline.tsv") if len(row) == 1 and row[0]]


def blank_language(lang: str) -> str:
    """The spaCy language whose blank tokenizer reads ``lang`` when it has no model folder
    (``blank  nb`` in its ``pipeline.tsv``), else spaCy's multi-language ``xx``."""
    return next((row[1] for row in table(lang, "pipeline.tsv") if len(row) >= 2 and row[0] == "blank"), "xx")


class AttributionFinder:
    """Every attribution of a Doc's sentences, as the language's rules find them."""

    def __init__(self, lang: str) -> None:
        self.lex = lexicon.load(lang)

    def __call__(self, doc: Doc) -> Doc:
        tagged = doc.has_annotation("POS")
        doc._.set(ATTRIBUTIONS, [f for sent in rule_sentences(doc)
                                 for f in sentence_attributions(doc, sent, self.lex, tagged)])
        return doc


class QuantityFinder:
    """Every figure of a Doc, with what it counts; part-of-speech tags sharpen what is counted."""

    def __init__(self, lang: str) -> None:
        self.lex = lexicon.load(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(QUANTITIES, elided_counts(find_quantities(doc.text, self.lex, doc), doc, self.lex))
        return doc


@Language.factory(ATTRIBUTIONS, default_config={"lang": "und"})
def _attributions(nlp: Language, name: str, lang: str) -> AttributionFinder:
    return AttributionFinder(lang)


@Language.factory(QUANTITIES, default_config={"lang": "und"})
def _quantities(nlp: Language, name: str, lang: str) -> QuantityFinder:
    return QuantityFinder(lang)
