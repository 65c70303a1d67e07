"""A swift-gym environment as a `gymnasium.Env`."""

import ctypes
import numbers

import gymnasium
import numpy as np

from . import _spaces
from ._handle import Handle, check_seed


class SwiftGymEnv(gymnasium.Env):
    """One copy of a registered swift-gym environment, stepped by the Swift library.

    Seeding follows Gymnasium: `reset(seed=s)` reseeds the environment, `reset()` continues its random stream.
    Episodes end with `terminated` (the task ended) or `truncated` (the time limit); step again only after `reset`.
    Discrete observations are Python ints; box observations are fresh NumPy arrays.

    Args:
        env_id: a registered name or alias (``"CartPole-v1"``, ``"cartpole"``, ``"MinAtar/Breakout-v1"``).
        render_mode: ``"rgb_array"``, ``"ansi"`` (where the environment supports it) or None.
        max_episode_steps: -1 for the registered time limit, 0 for none (Gymnasium's ``make`` applies its own).
        seed: the seed of the first episode when ``reset`` is called without one.
        **options: the environment's options (``is_slippery=False``, ``map_name="8x8"``, ...).
    """

    def __init__(self, env_id: str, render_mode=None, max_episode_steps: int = -1, seed: int = 0, **options):
        self._native = Handle(env_id, 1, options, seed=seed, threads=1, max_episode_steps=max_episode_steps,
                              autoreset_mode="disabled")
        description = self._native.description
        self.metadata = self._native.metadata
        self._native.check_render_mode(render_mode)
        self.render_mode = render_mode
        self.observation_space = _spaces.space(description["observation_space"])
        self.action_space = _spaces.space(description["action_space"])
        self._discrete_observations = description["observation_space"]["type"] == "discrete"
        self._discrete_actions = description["action_space"]["type"] == "discrete"
        native = self._native
        # Copy 0's entries of the native buffers, read and written through ctypes views (cheaper per step than
        # NumPy indexing).
        self._action = native.actions
        self._action_value = (ctypes.c_int64 * 1).from_buffer(native.actions) if self._discrete_actions else None
        self._observation_row = native.observations[0]
        self._state_value = (ctypes.c_int64 * 1).from_buffer(native.observations) if self._discrete_observations else None
        self._reward = (ctypes.c_double * 1).from_buffer(native.rewards)
        self._terminated = (ctypes.c_bool * 1).from_buffer(native.terminated)
        self._truncated = (ctypes.c_bool * 1).from_buffer(native.truncated)

    def reset(self, *, seed=None, options=None):
        check_seed(seed)
        super().reset(seed=seed)
        if options:
            raise ValueError(f"reset takes no options, got {options!r}")
        self._native.reset(seed=seed)
        return self._current_observation(), {}

    def step(self, action):
        if self._discrete_actions:
            if type(action) is not int and not _is_integer(action):
                raise TypeError(f"a discrete action must be an integer, got {action!r}; the action space is "
                                f"{self.action_space}")
            self._action_value[0] = action
        else:
            values = np.asarray(action, dtype=np.float32)
            if values.shape != self.action_space.shape:
                raise ValueError(f"an action must have shape {self.action_space.shape}, got {values.shape}; the "
                                 f"action space is {self.action_space}")
            self._action[0] = values
        self._native.step()
        return self._current_observation(), self._reward[0], self._terminated[0], self._truncated[0], {}

    def _current_observation(self):
        if self._discrete_observations:
            return self._state_value[0]
        return self._observation_row.copy()

    def render(self):
        return self._native.render(self.render_mode)

    @property
    def state(self) -> np.ndarray:
        """The physical state of the classic-control tasks, in Gymnasium's order (`env.unwrapped.state`)."""
        return self._native.get_state()

    @state.setter
    def state(self, value):
        self._native.set_state(value)

    def close(self):
        self._native.close()
        super().close()


def _is_integer(value) -> bool:
    """Whether `value` is an integer of any kind (Python, NumPy, or a 0-d integer array)."""
    if isinstance(value, (numbers.Integral, np.integer)):
        return not isinstance(value, bool)
    return isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "iu"
