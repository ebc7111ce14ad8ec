"""pud_news: PUD news documents rebuilt as one-paragraph pseudo-articles, drawn and split by seed."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.evaluation import pud_news

# invented sentences, in the layout of UD English PUD (no corpus text)
_CONLLU = """# newdoc id = n01001
# sent_id = n01001001
# text = The mayor of Eastbrook said the bridge would reopen in May.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_

# sent_id = n01001004
# text = About 300 cars cross it every day.
1\tAbout\tabout\tADV\tRB\t_\t2\tadvmod\t_\t_

# newdoc id = n01002
# sent_id = n01002001
# text = A single sentence stands alone here.
1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_

# newdoc id = w01003
# sent_id = w01003001
# text = An encyclopedia line is no news.
1\tAn\ta\tDET\tDT\t_\t2\tdet\t_\t_

# sent_id = w01003002
# text = Nor is this one.
1\tNor\tnor\tCCONJ\tCC\t_\t2\tcc\t_\t_

# newdoc id = n02004
# sent_id = n02004002
# text = Officials denied the report.
1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_

# sent_id = n02004003
# text = "It is false," one of them told reporters.
1\t"\t"\tPUNCT\t``\t_\t2\tpunct\t_\t_
"""


def test_news_documents_joined_as_one_paragraph() -> None:
    docs = pud_news.news(_CONLLU)
    assert [d["id"] for d in docs] == ["en-pud-n01001", "en-pud-n02004"]  # 1-sentence and w… left out
    first = docs[0]
    assert first["text"] == ("The mayor of Eastbrook said the bridge would reopen in May. "
                             "About 300 cars cross it every day.")
    assert "\n" not in first["text"]
    assert (first["lang"], first["title"], first["url"], first["published"]) == ("en", None, None, None)
    assert first["attributions"] == [] and first["quantities"] == []


def test_split_is_fixed_by_seed_and_disjoint() -> None:
    docs = [pud_news.record(f"n01{i:03d}", ["One.", "Two."]) for i in range(80)]
    review, held = pud_news.split(docs, seed=5, split_seed=6, chosen=20, heldout=10)
    assert len(review) == 10 and len(held) == 10
    assert not {d["id"] for d in review} & {d["id"] for d in held}
    again = pud_news.split(list(reversed(docs)), seed=5, split_seed=6, chosen=20, heldout=10)
    assert [d["id"] for d in again[0]] == [d["id"] for d in review]  # input order does not matter
    assert [d["id"] for d in held] == sorted(d["id"] for d in held)
    other = pud_news.split(docs, seed=5, split_seed=7, chosen=20, heldout=10)
    assert {d["id"] for d in other[1]} != {d["id"] for d in held}


def test_main_writes_both_halves(tmp_path: Path) -> None:
    src = tmp_path / "x.conllu"
    src.write_text(_CONLLU, encoding="utf-8")
    assert pud_news.main([str(src), str(tmp_path / "out")]) == 0
    rows = [json.loads(line) for name in ("review", "heldout")
            for line in (tmp_path / "out" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in rows) == ["en-pud-n01001", "en-pud-n02004"]


def test_devsets_registers_all_pud_sets() -> None:
    from claimledger.evaluation.devsets import SETS
    from claimledger.evaluation.predict import read_gold

    ids: list[set[str]] = []
    for name, size in (("en-pud-news-review", 25), ("en-pud-news-heldout", 25), ("en-pud-news-review2", 40),
                       ("en-pud-news-heldout2", 40)):
        (path,) = SETS[name]
        docs = read_gold(Path(path))
        assert len(docs) == size
        for d in docs:  # every annotated span stands in the text
            assert d["id"].startswith("en-pud-n") and "\n" not in d["text"]
            for a in d["attributions"]:
                assert all(a[k] is None or a[k] in d["text"] for k in ("source", "cue", "content"))
            for q in d["quantities"]:
                assert q["text"] in d["text"]
        ids.append({d["id"] for d in docs})
    assert sum(map(len, ids)) == len(set().union(*ids))  # the four sets are disjoint


def test_second_draw_leaves_the_first_alone() -> None:
    """split2 draws only from documents the first draw left, so the first gold stays valid."""
    docs = [pud_news.record(f"n01{i:03d}", ["One.", "Two."]) for i in range(152)]
    first = {d["id"] for half in pud_news.split(docs) for d in half}
    review2, held2 = pud_news.split2(docs)
    second = [d["id"] for d in review2 + held2]
    assert len(review2) == pud_news.CHOSEN2 - pud_news.HELDOUT2 and len(held2) == pud_news.HELDOUT2
    assert len(set(second)) == len(second) and not first & set(second)
    rest = {d["id"] for d in pud_news.unused(docs)}
    assert len(rest) == 152 - 50 - 80 and not rest & (first | set(second))
    assert [d["id"] for d in pud_news.split2(list(reversed(docs)))[0]] == [d["id"] for d in review2]
