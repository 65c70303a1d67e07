"""The environments behave step for step like Gymnasium's own, checked against Gymnasium in the same process."""

import gymnasium as gym
import numpy as np
import pytest

import swiftgym


def random_actions(count, n, seed):
    return np.random.default_rng(seed).integers(0, n, size=count)


@pytest.mark.parametrize("start", [
    [0.0, 0.0, 0.0, 0.0],
    [0.03, -0.02, 0.04, 0.01],
    [-1.5, 0.7, -0.15, 0.9],
    [2.2, 1.0, 0.19, -1.1],
])
def test_cartpole_from_set_states(start):
    ours = swiftgym.make("CartPole-v1")
    theirs = gym.make("CartPole-v1").unwrapped
    ours.reset(seed=0)
    theirs.reset(seed=0)
    ours.state = start
    theirs.state = np.array(start, dtype=np.float64)
    steps = 0
    for action in random_actions(500, 2, seed=7):
        observation, reward, terminated, truncated, _ = ours.step(int(action))
        expected, expected_reward, expected_terminated, _, _ = theirs.step(int(action))
        steps += 1
        np.testing.assert_array_equal(observation, expected.astype(np.float32))
        np.testing.assert_allclose(ours.state, theirs.state, rtol=1e-12, atol=0)
        assert reward == expected_reward and terminated == expected_terminated and not truncated
        if terminated:
            break
    assert steps > 5


@pytest.mark.parametrize("gym_id,options", [
    ("FrozenLake-v1", {"is_slippery": False}),
    ("FrozenLake-v1", {"is_slippery": False, "map_name": "8x8"}),
    ("FrozenLake8x8-v1", {"is_slippery": False}),
    ("CliffWalking-v1", {}),
])
def test_deterministic_toy_text_step_for_step(gym_id, options):
    ours = gym.make(f"swiftgym/{gym_id}", **options)
    theirs = gym.make(gym_id, **options)
    assert ours.spec.max_episode_steps == theirs.spec.max_episode_steps
    assert ours.observation_space == theirs.observation_space and ours.action_space == theirs.action_space
    episodes = falls = 0
    observation, _ = ours.reset(seed=3)
    expected, _ = theirs.reset(seed=3)
    for action in random_actions(3000, 4, seed=11):
        assert observation == expected
        observation, reward, terminated, truncated, _ = ours.step(int(action))
        expected, expected_reward, expected_terminated, expected_truncated, _ = theirs.step(int(action))
        assert (observation, reward, terminated, truncated) == (expected, expected_reward, expected_terminated,
                                                               expected_truncated)
        falls += reward == -100
        if terminated or truncated:
            episodes += 1
            observation, _ = ours.reset()
            expected, _ = theirs.reset()
    # FrozenLake's episodes end in holes, at the goal and at the time limit; CliffWalking's walker falls (-100) and
    # starts again within the episode.
    assert episodes + falls >= 10


@pytest.mark.parametrize("gym_id,options", [
    ("FrozenLake-v1", {}),
    ("FrozenLake-v1", {"map_name": "8x8"}),
    ("CliffWalking-v1", {"is_slippery": True}),
])
def test_slippery_transitions_are_gymnasiums(gym_id, options):
    """Random moves differ (another generator), but every move is one Gymnasium's model allows, and each of its
    outcomes turns up about as often as the model says."""
    ours = gym.make(f"swiftgym/{gym_id}", **options)
    model = gym.make(gym_id, **options).unwrapped.P
    counts = {}
    state, _ = ours.reset(seed=1)
    for action in random_actions(20000, 4, seed=5):
        action = int(action)
        next_state, reward, terminated, truncated, _ = ours.step(action)
        outcomes = {(s, r, t): 0.0 for _, s, r, t in model[state][action]}
        for probability, s, r, t in model[state][action]:
            outcomes[(s, r, t)] += probability
        assert (next_state, reward, terminated) in outcomes, (state, action, next_state, reward, terminated)
        counts.setdefault((state, action), {}).setdefault((next_state, reward, terminated), 0)
        counts[(state, action)][(next_state, reward, terminated)] += 1
        state = next_state
        if terminated or truncated:
            state, _ = ours.reset()
    checked = 0
    for (state, action), seen in counts.items():
        total = sum(seen.values())
        if total < 300:
            continue
        merged = {}
        for probability, s, r, t in model[state][action]:
            merged[(s, r, t)] = merged.get((s, r, t), 0.0) + probability
        for outcome, probability in merged.items():
            frequency = seen.get(outcome, 0) / total
            # Four standard errors of a binomial proportion.
            assert abs(frequency - probability) <= 4 * np.sqrt(probability * (1 - probability) / total) + 1e-9
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("gym_id,start,n_actions", [
    ("Acrobot-v1", [0.1, -0.2, 0.3, 0.05], 3),
    ("MountainCar-v0", [-0.52, 0.001], 3),
    ("Pendulum-v1", [2.5, -0.4], None),
    ("MountainCarContinuous-v0", [-0.4, 0.01], None),
])
def test_other_classic_control_from_set_states(gym_id, start, n_actions):
    ours = swiftgym.make(gym_id, max_episode_steps=0)
    theirs = gym.make(gym_id).unwrapped
    ours.reset(seed=0)
    theirs.reset(seed=0)
    ours.state = start
    theirs.state = np.array(start, dtype=theirs.state.dtype)
    rng = np.random.default_rng(3)
    for _ in range(150):
        if n_actions:
            action = int(rng.integers(0, n_actions))
        else:
            low, high = theirs.action_space.low, theirs.action_space.high
            action = rng.uniform(low, high).astype(np.float32)
        observation, reward, terminated, _, _ = ours.step(action)
        expected, expected_reward, expected_terminated, _, _ = theirs.step(action)
        np.testing.assert_allclose(observation, expected, rtol=2e-7, atol=1e-7)
        assert reward == pytest.approx(expected_reward, rel=1e-12, abs=1e-12)
        assert terminated == expected_terminated
        if terminated:
            break
