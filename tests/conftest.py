"""Fixtures shared by every test folder: where ../shared is, when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.evaluation.devsets import find_shared

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder beside the checkout; tests that need it skip without it."""
    found = find_shared(ROOT)
    if found is None:
        pytest.skip("../shared is not beside this checkout")
    return found


@pytest.fixture(scope="session")
def examples() -> Path:
    return ROOT / "examples"
