#!/usr/bin/env python3
"""Peers for `gym bench deep`: Stable-Baselines3 DQN and a plain PyTorch REINFORCE on CartPole-v1, and a PyTorch
DQN on MinAtar Breakout.

All run the settings DeepAgentSuite uses, on CPU with one torch thread (and with two when asked), and print
environment steps per second of the whole training loop.

    pip install stable-baselines3 torch gymnasium minatar
    python3 scripts/peers/deep_peers.py [--threads 1] [--dqn-steps 50000] [--reinforce-steps 100000] [--minatar-steps 6000]
"""
import argparse
import time

import gymnasium as gym
import numpy as np
import torch


def sb3_dqn(steps: int) -> float:
    from stable_baselines3 import DQN

    env = gym.make("CartPole-v1")
    # CleanRL's CartPole values (dqn.py defaults): the same ones DeepAgentSuite.cleanRLDQN sets.
    model = DQN("MlpPolicy", env, learning_rate=2.5e-4, buffer_size=10_000, learning_starts=10_000, batch_size=128,
                tau=1.0, gamma=0.99, train_freq=10, gradient_steps=1, target_update_interval=500,
                exploration_fraction=0.5, exploration_initial_eps=1.0, exploration_final_eps=0.05,
                policy_kwargs=dict(net_arch=[120, 84]), seed=0, device="cpu", verbose=0)
    start = time.perf_counter()
    model.learn(total_timesteps=steps)
    return steps / (time.perf_counter() - start)


def plain_reinforce(steps: int) -> float:
    torch.manual_seed(0)
    env = gym.make("CartPole-v1")
    policy = torch.nn.Sequential(torch.nn.Linear(4, 128), torch.nn.ReLU(), torch.nn.Linear(128, 2))
    optimizer = torch.optim.Adam(policy.parameters(), lr=1e-2)
    taken = 0
    start = time.perf_counter()
    observation, _ = env.reset(seed=0)
    while taken < steps:
        log_probs, rewards = [], []
        done = False
        while not done and taken < steps:
            logits = policy(torch.as_tensor(observation, dtype=torch.float32))
            distribution = torch.distributions.Categorical(logits=logits)
            action = distribution.sample()
            log_probs.append(distribution.log_prob(action))
            observation, reward, terminated, truncated, _ = env.step(action.item())
            rewards.append(reward)
            taken += 1
            done = terminated or truncated
        returns, running = [], 0.0
        for reward in reversed(rewards):
            running = reward + 0.99 * running
            returns.insert(0, running)
        returns = torch.tensor(returns)
        if len(returns) > 1:
            returns = (returns - returns.mean()) / (returns.std(unbiased=False) + 1e-8)
        loss = -(torch.stack(log_probs) * returns).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        observation, _ = env.reset()
    return steps / (time.perf_counter() - start)


def minatar_dqn(steps: int, learning_starts: int = 1_000) -> float:
    """DQN with MinAtar's network and settings (conv 16 3x3 -> 128, batch 32, replay 100k, RMSProp centered 2.5e-4,
    Huber, target copy every 1000 steps, one update every step), written for this benchmark."""
    from minatar import Environment

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    env = Environment("breakout", sticky_action_prob=0.1)
    env.seed(0)
    channels, actions = env.state_shape()[2], env.num_actions()

    def network() -> torch.nn.Module:
        return torch.nn.Sequential(torch.nn.Conv2d(channels, 16, 3), torch.nn.ReLU(), torch.nn.Flatten(),
                                   torch.nn.Linear(16 * 8 * 8, 128), torch.nn.ReLU(), torch.nn.Linear(128, actions))

    online, target = network(), network()
    target.load_state_dict(online.state_dict())
    optimizer = torch.optim.RMSprop(online.parameters(), lr=2.5e-4, alpha=0.95, eps=0.01, centered=True)
    capacity = 100_000
    states = np.zeros((capacity, channels, 10, 10), dtype=np.uint8)
    next_states = np.zeros_like(states)
    taken_actions = np.zeros(capacity, dtype=np.int64)
    rewards = np.zeros(capacity, dtype=np.float32)
    terminals = np.zeros(capacity, dtype=np.float32)
    size = 0

    def observe() -> np.ndarray:
        return env.state().transpose(2, 0, 1).astype(np.uint8)

    env.reset()
    state = observe()
    start = time.perf_counter()
    for step in range(steps):
        epsilon = max(0.1, 1.0 - 0.9 * step / 100_000)
        if rng.random() < epsilon:
            action = int(rng.integers(actions))
        else:
            with torch.no_grad():
                action = int(online(torch.as_tensor(state, dtype=torch.float32)[None]).argmax())
        reward, terminal = env.act(action)
        next_state = observe()
        slot = step % capacity
        states[slot], next_states[slot], taken_actions[slot] = state, next_state, action
        rewards[slot], terminals[slot] = reward, float(terminal)
        size = min(size + 1, capacity)
        if terminal:
            env.reset()
            next_state = observe()
        state = next_state
        if step >= learning_starts:
            batch = rng.integers(size, size=32)
            with torch.no_grad():
                best = target(torch.as_tensor(next_states[batch], dtype=torch.float32)).max(1).values
                goal = torch.as_tensor(rewards[batch]) + 0.99 * (1 - torch.as_tensor(terminals[batch])) * best
            predicted = online(torch.as_tensor(states[batch], dtype=torch.float32)).gather(
                1, torch.as_tensor(taken_actions[batch])[:, None]).squeeze(1)
            loss = torch.nn.functional.smooth_l1_loss(predicted, goal)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if step % 1_000 == 0:
            target.load_state_dict(online.state_dict())
    return steps / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dqn-steps", type=int, default=50_000)
    parser.add_argument("--reinforce-steps", type=int, default=100_000)
    parser.add_argument("--minatar-steps", type=int, default=6_000)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    print(f"threads {arguments.threads}, torch {torch.__version__}, numpy {np.__version__}")
    print(f"sb3_dqn_cartpole_cleanrl_steps      {sb3_dqn(arguments.dqn_steps):12.1f} steps/s")
    print(f"torch_reinforce_cartpole_plain_steps {plain_reinforce(arguments.reinforce_steps):12.1f} steps/s")
    print(f"torch_dqn_breakout_minatar_steps     {minatar_dqn(arguments.minatar_steps):12.1f} steps/s")


if __name__ == "__main__":
    main()
