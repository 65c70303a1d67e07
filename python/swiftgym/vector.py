"""Many copies of a swift-gym environment as a `gymnasium.vector.VectorEnv`."""

import gymnasium
import numpy as np
from gymnasium.vector import AutoresetMode
from gymnasium.vector.utils import batch_space

from . import _spaces
from ._handle import Handle, check_seed

_MODES = {"same-step": AutoresetMode.SAME_STEP, "next-step": AutoresetMode.NEXT_STEP,
          "disabled": AutoresetMode.DISABLED}


class SwiftGymVectorEnv(gymnasium.vector.VectorEnv):
    """`num_envs` copies of a registered swift-gym environment, stepped together by the Swift library's worker
    threads; observations, rewards and flags come from buffers the library fills in place.

    Copy i is seeded `seed + i`. The autoreset mode is declared in `metadata["autoreset_mode"]`:

    - ``SAME_STEP`` (default): a finished copy is reset within the step; its last observation is in
      ``infos["final_obs"][i]`` (with the mask ``infos["_final_obs"]``), as Stable-Baselines3's VecEnv does.
    - ``NEXT_STEP``: the step that ends an episode returns its last observation; the copy's next step resets it,
      ignoring its action (Gymnasium's default for its own vector environments).
    - ``DISABLED``: finished copies wait for ``reset(options={"reset_mask": mask})``.

    Args:
        env_id: a registered name or alias.
        num_envs: copies (1 to 65536).
        autoreset_mode: an ``AutoresetMode`` or its value (``"SameStep"``, ...).
        threads: worker threads (0: one per core).
        copy: return copies of the buffers (True, Gymnasium's default) or the buffers themselves, which the next call
            overwrites (False: faster).
        render_mode: ``"rgb_array"`` or ``"ansi"`` (renders copy 0) or None.
        max_episode_steps: -1 for the registered time limit, 0 for none.
        seed: the seeds of the first episodes when ``reset`` is called without one.
        **options: the environment's options.
    """

    def __init__(self, env_id: str, num_envs: int, autoreset_mode=AutoresetMode.SAME_STEP, threads: int = 0,
                 copy: bool = True, render_mode=None, max_episode_steps: int = -1, seed: int = 0, **options):
        mode = AutoresetMode(autoreset_mode)
        native_mode = next(name for name, value in _MODES.items() if value == mode)
        self._native = Handle(env_id, num_envs, options, seed=seed, threads=threads,
                              max_episode_steps=max_episode_steps, autoreset_mode=native_mode)
        description = self._native.description
        self.num_envs = self._native.num_envs
        self.metadata = {**self._native.metadata, "autoreset_mode": mode}
        self._native.check_render_mode(render_mode)
        self.render_mode = render_mode
        self.single_observation_space = _spaces.space(description["observation_space"])
        self.single_action_space = _spaces.space(description["action_space"])
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self._copy = bool(copy)
        self._same_step = mode == AutoresetMode.SAME_STEP
        self._actions = self._native.actions
        self._action_shape = self._actions.shape
        self._discrete_actions = description["action_space"]["type"] == "discrete"
        self._done = np.zeros(self.num_envs, dtype=np.bool_)

    def reset(self, *, seed=None, options=None):
        if isinstance(seed, (list, tuple)):
            raise ValueError("give one integer seed (copy i is seeded seed + i), not a list")
        check_seed(seed)
        super().reset(seed=seed)
        mask = None
        if options:
            unknown = set(options) - {"reset_mask"}
            if unknown:
                raise ValueError(f"reset takes the option 'reset_mask' only, got {sorted(unknown)}")
            mask = options["reset_mask"]
        self._native.reset(seed=seed, mask=mask)
        observations = self._native.observations
        return (observations.copy() if self._copy else observations), {}

    def step(self, actions):
        native = self._native
        actions = np.asarray(actions)
        if actions.shape != self._action_shape:
            raise ValueError(f"expected actions of shape {self._action_shape} (one per copy), got {actions.shape}")
        if self._discrete_actions and actions.dtype.kind not in "iu":
            raise TypeError(f"discrete actions must be integers, got dtype {actions.dtype}; the action space is "
                            f"{self.action_space}")
        self._actions[...] = actions
        native.step()
        infos = {}
        if self._same_step:
            done = np.logical_or(native.terminated, native.truncated, out=self._done)
            if done.any():
                final = np.empty(self.num_envs, dtype=object)
                finals = native.final_observations
                for index in done.nonzero()[0].tolist():
                    final[index] = finals[index].copy()
                infos = {"final_obs": final, "_final_obs": done.copy(), "final_info": {}, "_final_info": done.copy()}
        if self._copy:
            return (native.observations.copy(), native.rewards.copy(), native.terminated.copy(),
                    native.truncated.copy(), infos)
        return native.observations, native.rewards, native.terminated, native.truncated, infos

    def render(self):
        return self._native.render(self.render_mode)

    def close_extras(self, **kwargs):
        self._native.close()
