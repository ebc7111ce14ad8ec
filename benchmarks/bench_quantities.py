"""Quantities: claimledger against quantulum3 0.10.0 on quantulum3's own English test cases.

The cases are read from the installed quantulum3 package (a dev dependency), the scoring
conventions are those of ``peer_quantities.py`` (ranges match on either end or the midpoint;
counting units multiplied out; ``policy`` leaves gold years out, as our policy does not count
years). Prints value precision, recall and F1, unit agreement where both sides name a unit,
and quantulum3's own figures on the same cases in the same run as the peer figure; with
``--misses`` also every miss and extra of ours. Asserts nothing.

``python benchmarks/bench_quantities.py [--misses]``
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import peer_quantities as peer  # noqa: E402


def _peer_unit(name: str) -> str | None:
    return None if name == "dimensionless" else name


def _row(name: str, every: peer.Score, policy: peer.Score, seconds: float) -> str:
    return (f"{name:<22} {every.precision:6.3f} {every.recall:6.3f} {every.f1:6.3f}   "
            f"{policy.precision:6.3f} {policy.recall:6.3f} {policy.f1:6.3f}   "
            f"{policy.unit_agreement:5.3f} ({policy.unit_agree}/{policy.unit_pairs})  {seconds:6.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list our misses and extras (policy scoring)")
    args = parser.parse_args()
    cases = peer.load_cases()
    gold = sum(len(g) for _t, g in cases)
    years = sum(g.is_year for _t, gs in cases for g in gs)
    print(f"quantulum3 {peer.CASES}: {len(cases)} sentences, {gold} gold values ({years} of them years)")
    print(f"{'system':<22} {'all P':>6} {'R':>6} {'F1':>6}   {'pol P':>6} {'R':>6} {'F1':>6}   units")
    peer.claimledger_predict("Warm-up: 3 models load.")
    t0 = time.perf_counter()
    ours = peer.score_all(cases, peer.claimledger_predict)
    print(_row("claimledger", *ours, time.perf_counter() - t0))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its optional classifier is not installed: a warning per import
        peer.quantulum_predict("Warm-up: 3 m.")
        t0 = time.perf_counter()
        theirs = peer.score_all(cases, peer.quantulum_predict, _peer_unit)
        print(_row("quantulum3 0.10.0", *theirs, time.perf_counter() - t0))
        spell_ours = peer.spellout_score(peer.claimledger_predict)
        spell_theirs = peer.spellout_score(peer.quantulum_predict)
    print(f"spellout TEST_CASES value F1: claimledger {spell_ours.f1:.3f} "
          f"(P {spell_ours.precision:.3f} R {spell_ours.recall:.3f}), quantulum3 {spell_theirs.f1:.3f}")
    if args.misses:
        for line in ours[1].misses:
            print("  " + line)


if __name__ == "__main__":
    main()
