"""One open batch of the Swift library, with the buffers its calls fill in place."""

import ctypes
import json

import numpy as np

from . import _native
from ._native import lib


def check_seed(seed):
    """Raises unless `seed` is None or an integer in [0, 2**64)."""
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or
                             not 0 <= seed < 2**64):
        raise ValueError(f"seed must be an integer in [0, 2**64) or None, got {seed!r}")


class Handle:
    """A batch of `num_envs` copies of a registered environment and its preallocated buffers.

    `observations`, `rewards`, `terminated`, `truncated` and `final_observations` are filled in place by `reset` and
    `step`; the actions of the next step are written into `actions`.
    """

    def __init__(self, env_id: str, num_envs: int, options: dict, seed: int, threads: int,
                 max_episode_steps: int, autoreset_mode: str):
        if not isinstance(env_id, str):
            raise TypeError(f"the environment id must be a string, got {env_id!r}")
        if autoreset_mode not in _native.AUTORESET_MODES:
            raise ValueError(f"autoreset_mode must be one of {', '.join(_native.AUTORESET_MODES)}, got {autoreset_mode!r}")
        for name, value in [("num_envs", num_envs), ("seed", seed), ("threads", threads),
                            ("max_episode_steps", max_episode_steps)]:
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
                raise TypeError(f"{name} must be an integer, got {value!r}")
        check_seed(seed)
        handle = ctypes.c_void_p()
        status = lib.swiftgym_make(env_id.encode(), json.dumps(options).encode(), int(num_envs), int(seed),
                                   int(threads), int(max_episode_steps),
                                   _native.AUTORESET_MODES[autoreset_mode], ctypes.byref(handle))
        _native.check(status)
        self._handle = handle
        description = ctypes.c_char_p()
        _native.check(lib.swiftgym_describe(handle, ctypes.byref(description)))
        self.description = json.loads(description.value.decode("utf-8"))
        self.num_envs = int(num_envs)
        observation = self.description["observation_space"]
        action = self.description["action_space"]
        self.observation_shape = tuple(observation["shape"])
        self.action_shape = tuple(action["shape"])
        self.observations = np.zeros((self.num_envs, *self.observation_shape), dtype=observation["dtype"])
        self.final_observations = np.zeros_like(self.observations)
        self.rewards = np.zeros(self.num_envs, dtype=np.float64)
        self.terminated = np.zeros(self.num_envs, dtype=np.bool_)
        self.truncated = np.zeros(self.num_envs, dtype=np.bool_)
        self.actions = np.zeros((self.num_envs, *self.action_shape), dtype=action["dtype"])
        self._reset_mask = np.zeros(self.num_envs, dtype=np.uint8)
        # The arguments of every step, converted to C once.
        address = lambda array: ctypes.c_void_p(array.ctypes.data)
        self._step_arguments = (
            handle, address(self.actions), self.actions.nbytes, address(self.observations), self.observations.nbytes,
            address(self.rewards), address(self.terminated), address(self.truncated), self.num_envs,
            address(self.final_observations), self.final_observations.nbytes,
        )
        self._observations_address = address(self.observations)
        self._step = lib.swiftgym_step

    @property
    def metadata(self) -> dict:
        """Gymnasium's metadata of the environment: its render modes and frame rate."""
        return {"render_modes": list(self.description["render_modes"]), "render_fps": self.description["render_fps"]}

    def check_render_mode(self, render_mode):
        """Closes the batch and raises unless `render_mode` is None or one the environment supports."""
        modes = self.description["render_modes"]
        if render_mode is not None and render_mode not in modes:
            self.close()
            raise ValueError(f"render_mode {render_mode!r} is not supported by {self.description['id']!r}; valid "
                             f"render modes: {', '.join(modes) or 'none'}")

    def render(self, render_mode):
        """Copy 0 drawn in `render_mode` (an RGB array, text), or None without a mode."""
        if render_mode == "rgb_array":
            return self.render_rgb()
        if render_mode == "ansi":
            return self.render_text()
        return None

    def _open_handle(self):
        if self._handle is None:
            raise _native.ClosedError(f"the environment {self.description['id']!r} is closed")
        return self._handle

    def reset(self, seed=None, mask=None):
        """Resets the copies `mask` selects (all when None), copy i with `seed + i` when a seed is given."""
        handle = self._open_handle()
        seed_argument = None
        if seed is not None:
            check_seed(seed)
            seed_argument = ctypes.byref(ctypes.c_uint64(int(seed)))
        mask_argument, mask_count = None, 0
        if mask is not None:
            mask = np.asarray(mask)
            if mask.shape != (self.num_envs,):
                raise ValueError(f"reset_mask must hold one Boolean per copy ({self.num_envs}), got shape {mask.shape}")
            self._reset_mask[:] = mask.astype(bool)
            mask_argument, mask_count = ctypes.c_void_p(self._reset_mask.ctypes.data), self.num_envs
        _native.check(lib.swiftgym_reset(handle, seed_argument, mask_argument, mask_count,
                                         self._observations_address, self.observations.nbytes))

    def step(self):
        """Steps every copy with `actions`, filling the buffers."""
        status = self._step(*self._step_arguments)
        if status:
            self._open_handle()
            _native.fail(status)

    def render_rgb(self, copy: int = 0) -> np.ndarray:
        """Copy `copy`'s picture as a height x width x 3 uint8 array."""
        pixels, height, width = ctypes.c_void_p(), ctypes.c_int64(), ctypes.c_int64()
        _native.check(lib.swiftgym_render_rgb(self._open_handle(), copy, ctypes.byref(pixels), ctypes.byref(height),
                                              ctypes.byref(width)))
        size = height.value * width.value * 3
        frame = np.frombuffer(ctypes.string_at(pixels.value, size), dtype=np.uint8)
        return frame.reshape(height.value, width.value, 3).copy()

    def render_text(self, copy: int = 0) -> str:
        """Copy `copy`'s text picture."""
        text = ctypes.c_char_p()
        _native.check(lib.swiftgym_render_text(self._open_handle(), copy, ctypes.byref(text)))
        return text.value.decode("utf-8")

    def get_state(self, copy: int = 0) -> np.ndarray:
        """Copy `copy`'s physical state (Gymnasium's `env.unwrapped.state`)."""
        values = np.zeros(self.description["state_vector_size"], dtype=np.float64)
        _native.check(lib.swiftgym_get_state(self._open_handle(), copy, ctypes.c_void_p(values.ctypes.data),
                                             len(values)))
        return values

    def set_state(self, state, copy: int = 0):
        """Sets copy `copy`'s physical state; its next step starts from there."""
        values = np.ascontiguousarray(np.asarray(state, dtype=np.float64).ravel())
        _native.check(lib.swiftgym_set_state(self._open_handle(), copy, ctypes.c_void_p(values.ctypes.data),
                                             len(values)))

    def close(self):
        """Frees the batch; later calls raise ClosedError. Closing twice is harmless."""
        if self._handle is not None:
            handle, self._handle = self._handle, None
            # A later step passes NULL, never the freed address (which a new batch may come to occupy).
            self._step_arguments = (None,) + self._step_arguments[1:]
            _native.check(lib.swiftgym_close(handle))

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
