"""Fixtures for the rule tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def polnear_contents(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Rules as PolNeAR annotates: any stance verb's noun-phrase object is its content (setting
    ``contents=polnear``; FORMAT.md's narrower rule is the default)."""
    monkeypatch.setenv("CLAIMLEDGER_CONTENTS", "polnear")
    yield
