"""Skips the whole suite with a clear message when its packages are missing; finds the MDP example file."""

from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
MDP_FILE = REPOSITORY / "Examples" / "MDPs" / "recycling-robot.json"

for package in ("gymnasium", "numpy"):
    pytest.importorskip(package, reason=f"the swiftgym tests need {package} (pip install {package})")
