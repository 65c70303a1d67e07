"""A swift-gym environment as a `gymnasium.Env`."""

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
        self.metadata = {"render_modes": list(description["render_modes"]), "render_fps": description["render_fps"]}
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            self._native.close()
            valid = ", ".join(self.metadata["render_modes"]) or "none"
            raise ValueError(f"render_mode {render_mode!r} is not supported by {env_id!r}; valid render modes: {valid}")
        self.render_mode = render_mode
        self.observation_space = _spaces.space(description["observation_space"])
        self.action_space = _spaces.space(description["action_space"])
        self._discrete_observations = description["observation_space"]["type"] == "discrete"
        self._discrete_actions = description["action_space"]["type"] == "discrete"
        self._action = self._native.actions
        # A view of copy 0's row (its observation when the space is a box).
        self._observations = self._native.observations

    def reset(self, *, seed=None, options=None):
        check_seed(seed)
        super().reset(seed=seed)
        if options:
            raise ValueError(f"reset takes no options, got {options!r}")
        self._native.reset(seed=seed)
        return self._current_observation(), {}

    def step(self, action):
        if self._discrete_actions:
            if not isinstance(action, (numbers.Integral, np.integer)) and not (
                    isinstance(action, np.ndarray) and action.shape == () and np.issubdtype(action.dtype, np.integer)):
                raise TypeError(f"a discrete action must be an integer, got {action!r}; the action space is "
                                f"{self.action_space}")
            self._action[0] = int(action)
        else:
            values = np.asarray(action, dtype=np.float32)
            if values.shape != self.action_space.shape:
                raise ValueError(f"an action must have shape {self.action_space.shape}, got {values.shape}; the "
                                 f"action space is {self.action_space}")
            self._action[0] = values
        native = self._native
        native.step()
        return (self._current_observation(), float(native.rewards[0]), bool(native.terminated[0]),
                bool(native.truncated[0]), {})

    def _current_observation(self):
        if self._discrete_observations:
            return int(self._observations[0])
        return self._observations[0].copy()

    def render(self):
        if self.render_mode == "rgb_array":
            return self._native.render_rgb()
        if self.render_mode == "ansi":
            return self._native.render_text()
        return None

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
