"""Gymnasium spaces from the library's JSON descriptions."""

import numpy as np
from gymnasium import spaces


def _bound(value):
    if value == "inf":
        return np.inf
    if value == "-inf":
        return -np.inf
    return value


def space(description: dict) -> spaces.Space:
    """The Gymnasium space a description names: `Discrete(n, start)` or a `Box` of the given shape and dtype."""
    if description["type"] == "discrete":
        return spaces.Discrete(description["n"], start=description["start"])
    dtype = np.dtype(description["dtype"])
    shape = tuple(description["shape"])
    low, high = description["low"], description["high"]
    if isinstance(low, list):
        low = np.array([_bound(v) for v in low], dtype=dtype).reshape(shape)
        high = np.array([_bound(v) for v in high], dtype=dtype).reshape(shape)
    return spaces.Box(low=low, high=high, shape=shape, dtype=dtype)

