"""Gymnasium's own environment checker passes on every registered environment, single and vectorized."""

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import swiftgym
from conftest import MDP_FILE

IDS = sorted(swiftgym.gymnasium_id(entry["id"]) for entry in swiftgym.environments())


def options_for(env_id):
    return {"file": str(MDP_FILE)} if env_id == "swiftgym/mdp" else {}


def test_every_environment_is_registered():
    for env_id in ["swiftgym/CartPole-v1", "swiftgym/FrozenLake-v1", "swiftgym/Breakout-v1", "swiftgym/Pendulum-v1",
                   "swiftgym/gridworld"]:
        assert env_id in gym.registry, env_id
    assert len(IDS) == len(swiftgym.environments()) >= 30


@pytest.mark.parametrize("env_id", IDS)
def test_check_env_passes(env_id):
    env = gym.make(env_id, **options_for(env_id)).unwrapped
    check_env(env, skip_render_check=False)
    env.close()


@pytest.mark.parametrize("env_id", IDS)
def test_spec_and_spaces_match_the_library(env_id):
    entry = next(e for e in swiftgym.environments() if swiftgym.gymnasium_id(e["id"]) == env_id)
    env = gym.make(env_id, **options_for(env_id))
    assert env.spec.max_episode_steps == entry["max_episode_steps"]
    assert env.spec.reward_threshold == entry["reward_threshold"]
    observation, _ = env.reset(seed=5)
    assert env.observation_space.contains(observation)
    env.close()


@pytest.mark.parametrize("env_id", ["swiftgym/CartPole-v1", "swiftgym/Breakout-v1", "swiftgym/FrozenLake-v1",
                                    "swiftgym/Pendulum-v1"])
def test_gymnasium_make_vec_uses_the_vector_entry_point(env_id):
    envs = gym.make_vec(env_id, num_envs=3, vectorization_mode="vector_entry_point")
    assert isinstance(envs, swiftgym.SwiftGymVectorEnv)
    observations, _ = envs.reset(seed=1)
    assert observations.shape == (3, *envs.single_observation_space.shape)
    assert envs.observation_space.contains(observations)
    envs.action_space.seed(2)
    for _ in range(20):
        observations, rewards, terminated, truncated, _ = envs.step(envs.action_space.sample())
        assert envs.observation_space.contains(observations)
        assert rewards.dtype == np.float64 and terminated.dtype == np.bool_ and truncated.dtype == np.bool_
    envs.close()
