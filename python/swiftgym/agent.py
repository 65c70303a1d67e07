"""A Swift DQN agent as an Ape-X actor or learner: act on batches, learn from transitions, move weights as bytes."""

import ctypes
import json

import numpy as np

from . import _native
from ._native import lib


class DQNAgent:
    """A DQN agent of the Swift library for the observations of a registered environment.

    `configuration` is a dict like ``swiftgym.train``'s: ``env`` (required), and ``seed``, ``settings`` (e.g.
    ``{"hidden": [64, 64], "batch_size": 64}``), ``env_options``, ``load`` (a checkpoint to start from). The agent
    starts from the tuned DQN preset of the environment's observation kind, as ``gym run dqn`` does.

    Observations are passed in the environment's own layout (what ``swiftgym.make_vec`` returns), a batch at a time.
    """

    def __init__(self, configuration: dict):
        if not isinstance(configuration, dict):
            raise TypeError(f"the configuration must be a dict, got {configuration!r}")
        configuration = {"agent": "dqn", **configuration}
        handle = ctypes.c_void_p()
        _native.check(lib.swiftgym_agent_make(json.dumps(configuration).encode(), ctypes.byref(handle)))
        self._handle = handle
        description = ctypes.c_char_p()
        _native.check(lib.swiftgym_agent_describe(handle, ctypes.byref(description)))
        self.description = json.loads(description.value.decode("utf-8"))
        space = self.description["observation_space"]
        self.observation_shape = tuple(space["shape"])
        self.observation_dtype = np.dtype(space["dtype"])
        self.action_count = self.description["action_count"]
        self._actions = np.zeros(0, dtype=np.int64)

    def _open_handle(self):
        if self._handle is None:
            raise _native.ClosedError("this agent is closed")
        return self._handle

    def _observations(self, observations, name="observations") -> np.ndarray:
        array = np.ascontiguousarray(observations, dtype=self.observation_dtype)
        if array.shape[1:] != self.observation_shape or array.ndim != len(self.observation_shape) + 1:
            raise ValueError(f"{name} must have shape (count, {', '.join(map(str, self.observation_shape))}), "
                             f"got {array.shape}")
        return array

    def act(self, observations, epsilon: float) -> np.ndarray:
        """An action for each row of `observations`: random with probability `epsilon`, else greedy."""
        observations = self._observations(observations)
        count = len(observations)
        if len(self._actions) != count:
            self._actions = np.zeros(count, dtype=np.int64)
        _native.check(lib.swiftgym_agent_act(self._open_handle(), observations.ctypes.data, observations.nbytes, count,
                                             float(epsilon), self._actions.ctypes.data))
        return self._actions.copy()

    def add(self, observations, actions, rewards, next_observations, terminated):
        """Adds a batch of transitions to the replay memory (`terminated` true only for real episode ends; a
        truncated transition's next observation is the last real one)."""
        observations = self._observations(observations)
        next_observations = self._observations(next_observations, "next_observations")
        count = len(observations)
        actions = np.ascontiguousarray(actions, dtype=np.int64)
        rewards = np.ascontiguousarray(rewards, dtype=np.float64)
        terminated = np.ascontiguousarray(terminated, dtype=np.uint8)
        for name, array in (("next_observations", next_observations), ("actions", actions), ("rewards", rewards),
                            ("terminated", terminated)):
            if len(array) != count:
                raise ValueError(f"{name} holds {len(array)} transitions, observations {count}")
        _native.check(lib.swiftgym_agent_add(self._open_handle(), count, observations.ctypes.data,
                                             next_observations.ctypes.data, observations.nbytes, actions.ctypes.data,
                                             rewards.ctypes.data, terminated.ctypes.data))

    def learn(self, updates: int = 1) -> float:
        """`updates` gradient steps on minibatches from the replay memory; returns the latest loss."""
        loss = ctypes.c_double()
        _native.check(lib.swiftgym_agent_learn(self._open_handle(), int(updates), ctypes.byref(loss)))
        return loss.value

    def get_weights(self) -> bytes:
        """The online network's parameters as safetensors bytes."""
        pointer, size = ctypes.c_void_p(), ctypes.c_int64()
        _native.check(lib.swiftgym_agent_get_weights(self._open_handle(), ctypes.byref(pointer), ctypes.byref(size)))
        return ctypes.string_at(pointer.value, size.value)

    def set_weights(self, weights: bytes):
        """Replaces the networks' parameters with bytes from `get_weights`."""
        if not isinstance(weights, (bytes, bytearray)):
            raise TypeError(f"weights must be bytes, got {type(weights).__name__}")
        _native.check(lib.swiftgym_agent_set_weights(self._open_handle(), bytes(weights), len(weights)))

    @property
    def counters(self) -> dict:
        """``steps`` (transitions received), ``updates`` (gradient steps) and ``stored`` (transitions held)."""
        steps, updates, stored = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_int64()
        _native.check(lib.swiftgym_agent_counters(self._open_handle(), ctypes.byref(steps), ctypes.byref(updates),
                                                  ctypes.byref(stored)))
        return {"steps": steps.value, "updates": updates.value, "stored": stored.value}

    def save(self, path: str):
        """Writes a full checkpoint (networks, optimizer state, counters); ``load`` starts an agent from it."""
        _native.check(lib.swiftgym_agent_save(self._open_handle(), str(path).encode()))

    def close(self):
        """Frees the agent; closing twice is harmless."""
        if self._handle is not None:
            handle, self._handle = self._handle, None
            _native.check(lib.swiftgym_agent_close(handle))

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
