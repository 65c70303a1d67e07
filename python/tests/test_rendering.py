"""rgb_array and ansi rendering return the library's pictures."""

import gymnasium as gym
import numpy as np

import swiftgym


def test_rgb_frames_follow_the_state():
    env = gym.make("swiftgym/Breakout-v1", render_mode="rgb_array")
    env.reset(seed=0)
    first = env.render()
    assert first.dtype == np.uint8 and first.ndim == 3 and first.shape[2] == 3 and first.any()
    for _ in range(5):
        env.step(0)
    assert not np.array_equal(first, env.render())


def test_ansi_text():
    env = swiftgym.make("FrozenLake-v1", render_mode="ansi")
    env.reset(seed=0)
    text = env.render()
    assert isinstance(text, str) and "G" in text


def test_render_without_a_mode_returns_none():
    env = swiftgym.make("CartPole-v1")
    env.reset(seed=0)
    assert env.render() is None
    assert "rgb_array" in env.metadata["render_modes"]


def test_vector_renders_copy_zero():
    envs = swiftgym.make_vec("CartPole-v1", 3, render_mode="rgb_array")
    envs.reset(seed=0)
    single = swiftgym.make("CartPole-v1", render_mode="rgb_array")
    single.reset(seed=0)
    np.testing.assert_array_equal(envs.render(), single.render())
