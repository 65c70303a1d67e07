"""swiftgym.DQNAgent: a Swift DQN as an actor (act on batches with a given ε, take weights) and as a learner (store
transitions, learn, publish weights), through the C ABI."""

import json

import numpy as np
import pytest

import swiftgym
from swiftgym import _native

CARTPOLE = {"env": "CartPole-v1", "seed": 1, "settings": {"hidden": [32, 32], "batch_size": 32}}


def cartpole_observations(count=16, seed=0):
    envs = swiftgym.make_vec("CartPole-v1", count)
    observations, _ = envs.reset(seed=seed)
    envs.close()
    return observations


def test_acting_is_seeded_and_greedy_actions_follow_the_weights():
    observations = cartpole_observations()
    first, second = swiftgym.DQNAgent(CARTPOLE), swiftgym.DQNAgent(CARTPOLE)
    assert (first.act(observations, 0.3) == second.act(observations, 0.3)).all()
    random = first.act(np.repeat(observations, 64, axis=0), 1.0)
    assert set(random.tolist()) == {0, 1} and abs(random.mean() - 0.5) < 0.1
    other = swiftgym.DQNAgent({**CARTPOLE, "seed": 7})
    weights = first.get_weights()
    assert other.get_weights() != weights
    other.set_weights(weights)
    assert other.get_weights() == weights
    assert (other.act(observations, 0.0) == first.act(observations, 0.0)).all()


def test_weights_are_safetensors_with_the_networks_tensors():
    weights = swiftgym.DQNAgent(CARTPOLE).get_weights()
    header = json.loads(weights[8:8 + int.from_bytes(weights[:8], "little")])
    shapes = {name: tensor["shape"] for name, tensor in header.items() if name != "__metadata__"}
    assert shapes == {"0.weight": [32, 4], "0.bias": [32], "2.weight": [32, 32], "2.bias": [32],
                      "4.weight": [2, 32], "4.bias": [2]}


def test_a_learner_fits_the_values_of_a_small_chain():
    # FrozenLake without slipping: from state 14 action 2 (right) reaches the goal 15 with reward 1 and terminates;
    # from 13 right goes to 14 with reward 0. Q(14, right) → 1 and Q(13, right) → γ.
    learner = swiftgym.DQNAgent({"env": "FrozenLake-v1", "env_options": {"is_slippery": False}, "seed": 0,
                                 "settings": {"batch_size": 8, "learning_rate": 0.01, "target_update_interval": 50,
                                              "discount": 0.9}})
    observations, next_observations = np.array([14, 13]), np.array([15, 14])
    first_loss = None
    for _ in range(50):
        learner.add(observations, [2, 2], [1.0, 0.0], next_observations, [1, 0])
        loss = learner.learn(20)
        first_loss = loss if first_loss is None else first_loss
    assert learner.counters == {"steps": 100, "updates": 1000, "stored": 100}
    assert loss < first_loss / 10
    assert (learner.act(np.array([14, 13]), 0.0) == 2).all()


def test_a_saved_learner_resumes_with_its_counters_and_weights(tmp_path):
    learner = swiftgym.DQNAgent(CARTPOLE)
    observations = cartpole_observations(8)
    learner.add(observations, np.ones(8), np.ones(8), observations, np.zeros(8))
    learner.learn(5)
    path = tmp_path / "learner.safetensors"
    learner.save(path)
    resumed = swiftgym.DQNAgent({**CARTPOLE, "load": str(path)})
    assert resumed.get_weights() == learner.get_weights()
    assert resumed.counters == {"steps": 8, "updates": 5, "stored": 0}
    with pytest.raises(swiftgym.InvalidArgumentError, match="trained on 'cartpole', not 'acrobot'"):
        swiftgym.DQNAgent({"env": "Acrobot-v1", "load": str(path)})


def test_bad_input_raises_with_the_library_message():
    agent = swiftgym.DQNAgent(CARTPOLE)
    observations = cartpole_observations(4)
    with pytest.raises(ValueError, match=r"shape \(count, 4\)"):
        agent.act(observations[:, :3], 0.1)
    with pytest.raises(swiftgym.InvalidArgumentError, match=r"epsilon must be a number in \[0, 1\], got 1.5"):
        agent.act(observations, 1.5)
    bad = observations.copy()
    bad[2, 1] = np.nan
    with pytest.raises(swiftgym.InvalidArgumentError, match="observation 2 has the non-finite component 1"):
        agent.act(bad, 0.1)
    with pytest.raises(swiftgym.InvalidArgumentError, match="no transitions yet"):
        agent.learn(1)
    with pytest.raises(swiftgym.InvalidArgumentError, match=r"transition 3 has action 2; the actions are 0...1"):
        agent.add(observations, [0, 1, 0, 2], np.zeros(4), observations, np.zeros(4))
    assert agent.counters["stored"] == 0
    with pytest.raises(swiftgym.InvalidArgumentError, match="do not fit this agent"):
        agent.set_weights(swiftgym.DQNAgent({"env": "Acrobot-v1"}).get_weights())
    with pytest.raises(swiftgym.InvalidArgumentError):
        agent.set_weights(b"not safetensors at all")
    lake = swiftgym.DQNAgent({"env": "FrozenLake-v1"})
    with pytest.raises(swiftgym.InvalidArgumentError, match=r"observation 1 is state 16; the states are 0...15"):
        lake.act(np.array([3, 16]), 0.0)
    with pytest.raises(swiftgym.UnsupportedError, match="DQN agents"):
        swiftgym.DQNAgent({"env": "CartPole-v1", "agent": "ppo"})
    with pytest.raises(swiftgym.InvalidArgumentError, match="no key 'eval_episodes'"):
        swiftgym.DQNAgent({"env": "CartPole-v1", "eval_episodes": 3})
    agent.close()
    with pytest.raises(swiftgym.ClosedError):
        agent.act(observations, 0.1)


def test_channel_grids_cross_in_minatar_layout():
    envs = swiftgym.make_vec("MinAtar/Breakout-v1", 4)
    observations, _ = envs.reset(seed=3)
    envs.close()
    agent = swiftgym.DQNAgent({"env": "MinAtar/Breakout-v1", "settings": {"buffer_size": 100}})
    assert agent.description["input_size"] == 400 and agent.act(observations, 0.0).shape == (4,)
    agent.add(observations, [0, 1, 2, 0], [0, 0, 1, 0], observations, [0, 0, 0, 1])
    assert np.isfinite(agent.learn(1))
    # The C function itself refuses a byte other than 0 or 1 (the Python side passes booleans).
    bad = np.ascontiguousarray(observations, dtype=np.uint8)
    bad[0, 0, 0, 1] = 2
    actions = np.zeros(4, dtype=np.int64)
    status = _native.lib.swiftgym_agent_act(agent._handle, bad.ctypes.data, bad.nbytes, 4, 0.0, actions.ctypes.data)
    assert status == _native.INVALID_ARGUMENT
    assert "observation 0 has 2 in cell 0, channel 1; channel grids hold 0 or 1" in _native.lib.swiftgym_last_error().decode()
