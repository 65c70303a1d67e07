"""Every swift-gym environment registered with Gymnasium as ``swiftgym/<id>``, with a vector entry point."""

import gymnasium

from ._native import environments

GYMNASIUM_NAMESPACE = "swiftgym"
# MinAtar's ids carry a namespace of their own, and a Gymnasium id has room for one: swiftgym/Breakout-v1.
_FOREIGN_NAMESPACES = ("MinAtar/",)


def gymnasium_id(native: str) -> str:
    """The Gymnasium id of the library's id `native` (``MinAtar/Breakout-v1`` → ``swiftgym/Breakout-v1``)."""
    for namespace in _FOREIGN_NAMESPACES:
        if native.startswith(namespace):
            native = native[len(namespace):]
    return f"{GYMNASIUM_NAMESPACE}/{native}"


_ENTRIES = environments()
_BY_GYMNASIUM_ID = {gymnasium_id(entry["id"]): entry["id"] for entry in _ENTRIES}


def native_id(env_id: str) -> str:
    """The library's id for `env_id`: a Gymnasium id of this package, or the library's own id as it is."""
    return _BY_GYMNASIUM_ID.get(env_id, env_id)


def _make_single(native: str):
    def create(**kwargs):
        from .env import SwiftGymEnv
        # Gymnasium's make applies the time limit (TimeLimit) from the spec; the library applies none.
        kwargs.setdefault("max_episode_steps", 0)
        return SwiftGymEnv(native, **kwargs)
    return create


def _make_vector(native: str):
    def create(num_envs: int = 1, max_episode_steps=None, **kwargs):
        from .vector import SwiftGymVectorEnv
        # Gymnasium's make_vec passes the spec's time limit here; the library applies it to every copy.
        return SwiftGymVectorEnv(native, num_envs, max_episode_steps=-1 if max_episode_steps is None else
                                 max_episode_steps, **kwargs)
    return create


def register_environments():
    """Registers every environment with Gymnasium (done when the package is imported)."""
    for entry in _ENTRIES:
        env_id = gymnasium_id(entry["id"])
        if env_id in gymnasium.registry:
            continue
        gymnasium.register(
            id=env_id,
            entry_point=_make_single(entry["id"]),
            vector_entry_point=_make_vector(entry["id"]),
            max_episode_steps=entry.get("max_episode_steps"),
            reward_threshold=entry.get("reward_threshold"),
            disable_env_checker=False,
        )
