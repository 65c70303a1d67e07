"""Training a swift-gym agent in-process: the library's trainer (what `gym run` does) driven by a configuration."""

import ctypes
import json

from . import _native
from ._native import lib


def train(configuration: dict, on_progress=None) -> dict:
    """Trains, checkpoints and evaluates the agent `configuration` describes, in this thread, and returns the report
    (`gym run --json`'s object: ``eval_mean_return``, ``solved``, ``steps``, ``hyperparameters``, ...).

    `configuration` holds ``agent`` and ``env`` and optionally ``seed``, ``settings`` (the agent's settings by JSON
    key, e.g. ``{"learning_rate": 0.1, "hidden": [64, 64]}``), ``env_options``, ``max_episode_steps``,
    ``eval_episodes``, ``save`` and ``load`` (safetensors checkpoints of neural agents) and ``report_every``
    (episodes between progress events); see ``swiftgym_train`` in swiftgym.h.

    `on_progress`, when given, is called with each progress event (a dict: ``episodes``, ``steps``, ``seconds``,
    ``mean_return``, ``last_return`` and, where the learner has them, ``moving_average_100``, ``success_rate``,
    ``epsilon``, ``loss``, ``updates``); a true return value stops training after the current episode, and the run
    is still saved, evaluated and reported (``interrupted`` true). An exception it raises also stops training and is
    raised again here once the library has returned.
    """
    if not isinstance(configuration, dict):
        raise TypeError(f"the configuration must be a dict, got {configuration!r}")
    text = json.dumps(configuration).encode()
    raised = []

    def forward(event, _user_data):
        if raised:
            return 1
        try:
            return 1 if on_progress(json.loads(event.decode("utf-8"))) else 0
        except BaseException as error:  # raised again below: ctypes would only print it
            raised.append(error)
            return 1

    callback = _native.TRAIN_CALLBACK(forward) if on_progress is not None else _native.TRAIN_CALLBACK()
    report = ctypes.c_char_p()
    status = lib.swiftgym_train(text, callback, None, ctypes.byref(report))
    if raised:
        raise raised[0]
    _native.check(status)
    return json.loads(report.value.decode("utf-8"))
