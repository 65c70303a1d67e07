"""The vector environment: per-copy seeding, each autoreset mode as declared, threads that change nothing."""

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.vector import AutoresetMode

import swiftgym

ENVS = 6


def single_copies(env_id, seed, **options):
    """One single environment per copy, copy i reset with seed + i: what each row of the vector must follow."""
    copies = [swiftgym.make(env_id, **options) for _ in range(ENVS)]
    return copies, [env.reset(seed=seed + i)[0] for i, env in enumerate(copies)]


def test_metadata_declares_the_autoreset_mode():
    for mode in AutoresetMode:
        envs = swiftgym.make_vec("CartPole-v1", 2, autoreset_mode=mode)
        assert envs.metadata["autoreset_mode"] == mode
        envs.close()
    assert gym.make_vec("swiftgym/CartPole-v1", 2, vectorization_mode="vector_entry_point").metadata[
        "autoreset_mode"] == AutoresetMode.SAME_STEP


def test_same_step_matches_single_environments_with_final_observations():
    envs = swiftgym.make_vec("CartPole-v1", ENVS, max_episode_steps=30)
    copies, expected = single_copies("CartPole-v1", 40, max_episode_steps=30)
    observations, _ = envs.reset(seed=40)
    np.testing.assert_array_equal(observations, np.stack(expected))
    rng = np.random.default_rng(0)
    finished = {"terminated": 0, "truncated": 0}
    for _ in range(200):
        actions = rng.integers(0, 2, size=ENVS)
        observations, rewards, terminated, truncated, infos = envs.step(actions)
        for i, env in enumerate(copies):
            observation, reward, term, trunc, _ = env.step(int(actions[i]))
            assert (rewards[i], terminated[i], truncated[i]) == (reward, term, trunc)
            if term or trunc:
                finished["terminated" if term else "truncated"] += 1
                assert infos["_final_obs"][i]
                np.testing.assert_array_equal(infos["final_obs"][i], observation)
                observation, _ = env.reset()
            else:
                assert "_final_obs" not in infos or not infos["_final_obs"][i]
            np.testing.assert_array_equal(observations[i], observation)
    assert finished["terminated"] > 5 and finished["truncated"] > 5


def test_next_step_returns_the_last_observation_then_resets_ignoring_the_action():
    envs = swiftgym.make_vec("CartPole-v1", ENVS, autoreset_mode="NextStep", max_episode_steps=25)
    copies, expected = single_copies("CartPole-v1", 3, max_episode_steps=25)
    observations, _ = envs.reset(seed=3)
    np.testing.assert_array_equal(observations, np.stack(expected))
    pending = [False] * ENVS
    rng = np.random.default_rng(1)
    resets = 0
    for _ in range(150):
        actions = rng.integers(0, 2, size=ENVS)
        observations, rewards, terminated, truncated, infos = envs.step(actions)
        assert "final_obs" not in infos
        for i, env in enumerate(copies):
            if pending[i]:
                observation, _ = env.reset()
                assert (rewards[i], terminated[i], truncated[i]) == (0.0, False, False)
                pending[i] = False
                resets += 1
            else:
                observation, reward, term, trunc, _ = env.step(int(actions[i]))
                assert (rewards[i], terminated[i], truncated[i]) == (reward, term, trunc)
                pending[i] = term or trunc
            np.testing.assert_array_equal(observations[i], observation)
    assert resets > 10


def test_disabled_waits_for_a_masked_reset():
    envs = swiftgym.make_vec("CartPole-v1", 3, autoreset_mode=AutoresetMode.DISABLED, max_episode_steps=5)
    envs.reset(seed=0)
    for _ in range(5):
        last, _, terminated, truncated, _ = envs.step(np.zeros(3, dtype=np.int64))
    assert truncated.all()
    fresh = swiftgym.make_vec("CartPole-v1", 3, autoreset_mode=AutoresetMode.DISABLED)
    expected, _ = fresh.reset(seed=10)
    observations, _ = envs.reset(seed=10, options={"reset_mask": np.array([False, True, False])})
    np.testing.assert_array_equal(observations[1], expected[1])
    np.testing.assert_array_equal(observations[[0, 2]], last[[0, 2]])


@pytest.mark.parametrize("env_id", ["CartPole-v1", "MinAtar/Breakout-v1", "FrozenLake-v1"])
def test_thread_count_changes_nothing(env_id):
    runs = []
    for threads in (1, 2, 3):
        envs = swiftgym.make_vec(env_id, 7, threads=threads)
        observations, _ = envs.reset(seed=9)
        trace = [observations]
        rng = np.random.default_rng(2)
        for _ in range(300):
            step = envs.step(rng.integers(0, envs.single_action_space.n, size=7))
            trace.extend(step[:4])
        runs.append(trace)
        envs.close()
    for other in runs[1:]:
        for a, b in zip(runs[0], other):
            np.testing.assert_array_equal(a, b)


def test_copy_false_fills_the_same_arrays_in_place():
    envs = swiftgym.make_vec("CartPole-v1", 4, copy=False)
    first, _ = envs.reset(seed=0)
    observations, rewards, _, _, _ = envs.step(np.ones(4, dtype=np.int64))
    assert observations is first
    again, rewards_again, _, _, _ = envs.step(np.ones(4, dtype=np.int64))
    assert again is first and rewards_again is rewards
    copied = swiftgym.make_vec("CartPole-v1", 4)
    a, _ = copied.reset(seed=0)
    b, *_ = copied.step(np.ones(4, dtype=np.int64))
    assert a is not b


def test_continuous_actions_step_every_copy():
    envs = swiftgym.make_vec("Pendulum-v1", 4)
    envs.reset(seed=0)
    observations, rewards, *_ = envs.step(np.full((4, 1), 0.5, dtype=np.float32))
    assert observations.shape == (4, 3) and observations.dtype == np.float32 and (rewards < 0).all()
