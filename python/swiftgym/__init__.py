"""swift-gym's environments in Python: Gymnasium environments and vector environments stepped by the Swift library.

    import gymnasium as gym
    import swiftgym

    env = swiftgym.make("CartPole-v1")                     # a gymnasium.Env
    envs = swiftgym.make_vec("CartPole-v1", num_envs=64)   # a gymnasium.vector.VectorEnv
    env = gym.make("swiftgym/CartPole-v1")                 # every environment is registered with Gymnasium
    envs = gym.make_vec("swiftgym/CartPole-v1", 64, vectorization_mode="vector_entry_point")

Errors from the library are raised with its message: ``InvalidActionError`` for an action outside the space,
``EnvironmentRejectedError`` for an unknown id or option, ``InvalidArgumentError`` for bad arguments (all are
``SwiftGymError``s and ``ValueError``s).

``swiftgym.train(configuration, on_progress)`` runs the library's trainer in-process (any agent, any environment,
any setting); ``swiftgym.DQNAgent`` is a Swift DQN acting on batches, learning from transitions and moving its
weights as safetensors bytes (Ape-X actors and learner, ``swiftgym.apex``); ``swiftgym.tune`` wraps it as a Ray Tune trainable and ``python -m swiftgym.sweep`` runs a sweep.
"""

from ._native import (ClosedError, EnvironmentRejectedError, InvalidActionError, InvalidArgumentError,
                      SwiftGymError, UnsupportedError, environments, version)
from .agent import DQNAgent
from .env import SwiftGymEnv
from .registration import GYMNASIUM_NAMESPACE, gymnasium_id, native_id, register_environments
from .training import train
from .vector import SwiftGymVectorEnv

__all__ = [
    "make", "make_vec", "train", "environments", "version", "register_environments", "gymnasium_id", "GYMNASIUM_NAMESPACE",
    "SwiftGymEnv", "SwiftGymVectorEnv", "DQNAgent", "SwiftGymError", "InvalidActionError", "InvalidArgumentError",
    "EnvironmentRejectedError", "UnsupportedError", "ClosedError",
]


def make(env_id: str, **kwargs) -> SwiftGymEnv:
    """One copy of `env_id` (``"CartPole-v1"``, ``"swiftgym/CartPole-v1"``, ``"frozenlake"``) as a `gymnasium.Env`,
    with the registered time limit applied by the library (``max_episode_steps=0`` for none). Keyword arguments are
    ``render_mode``, ``max_episode_steps``, ``seed`` and the environment's options."""
    return SwiftGymEnv(native_id(env_id), **kwargs)


def make_vec(env_id: str, num_envs: int = 1, **kwargs) -> SwiftGymVectorEnv:
    """`num_envs` copies of `env_id` as a `gymnasium.vector.VectorEnv` (see `SwiftGymVectorEnv` for the keyword
    arguments: ``autoreset_mode``, ``threads``, ``copy``, ``render_mode``, ``max_episode_steps``, ``seed`` and the
    environment's options)."""
    return SwiftGymVectorEnv(native_id(env_id), num_envs, **kwargs)


register_environments()
