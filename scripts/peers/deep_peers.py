#!/usr/bin/env python3
"""Peers for `gym bench deep`: Stable-Baselines3 DQN and a plain PyTorch REINFORCE on CartPole-v1.

Both run the settings DeepAgentSuite uses, on CPU with one torch thread (and with two when asked), and print
environment steps per second of the whole training loop.

    pip install stable-baselines3 torch gymnasium
    python3 scripts/peers/deep_peers.py [--threads 1] [--dqn-steps 50000] [--reinforce-steps 100000]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dqn-steps", type=int, default=50_000)
    parser.add_argument("--reinforce-steps", type=int, default=100_000)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    print(f"threads {arguments.threads}, torch {torch.__version__}, numpy {np.__version__}")
    print(f"sb3_dqn_cartpole_cleanrl_steps      {sb3_dqn(arguments.dqn_steps):12.1f} steps/s")
    print(f"torch_reinforce_cartpole_plain_steps {plain_reinforce(arguments.reinforce_steps):12.1f} steps/s")


if __name__ == "__main__":
    main()
