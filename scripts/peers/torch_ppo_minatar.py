#!/usr/bin/env python3
"""A PyTorch PPO loop on MinAtar Breakout: the peer of `gym bench batched`'s PPO MinAtar figure.

It trains with the settings of swift-gym's PPO MinAtar preset (OnPolicyConfiguration.ppoMinAtar, after Pgx's MinAtar
PPO example): 128 copies of the `minatar` package's Breakout (sticky actions 0.1, all 6 actions) stepped in turn,
rollouts of 128 steps, GAE with gamma 0.99 and lambda 0.95, 3 epochs of 4 minibatches of 4096, the clipped surrogate
(0.2) with value clipping, entropy weight 0.01, value weight 0.5, Adam at 3e-4 (eps 1e-5, not annealed), gradient
norm clipped to 0.5, advantages standardized per minibatch, and the same network: conv 32 2x2 padded by 1, ReLU,
2x2 average pool, 64 with ReLU, then actor and critic heads of 64 tanh 64 tanh, orthogonally initialized. The
figure is training steps per second over a fixed number of rollouts, each followed by its updates.

    /work/venv/bin/python scripts/peers/torch_ppo_minatar.py [--threads 2] [--rollouts 3]
"""
import argparse
import time

COPIES = 128
ROLLOUT_STEPS = 128
MINIBATCH = 4096
EPOCHS = 3
GAMMA, LAMBDA = 0.99, 0.95
CLIP, ENTROPY_WEIGHT, VALUE_WEIGHT, MAX_GRAD_NORM = 0.2, 0.01, 0.5, 0.5
LEARNING_RATE = 3e-4


def build_network(channels: int, actions: int):
    import torch
    from torch import nn

    def orthogonal(layer, gain):
        nn.init.orthogonal_(layer.weight, gain)
        nn.init.zeros_(layer.bias)
        return layer

    root2 = 2 ** 0.5

    class PolicyValue(nn.Module):
        def __init__(self):
            super().__init__()
            self.trunk = nn.Sequential(
                orthogonal(nn.Conv2d(channels, 32, 2, padding=1), root2), nn.ReLU(), nn.AvgPool2d(2),
                nn.Flatten(), orthogonal(nn.Linear(32 * 5 * 5, 64), root2), nn.ReLU())

            def head(outputs, gain):
                return nn.Sequential(orthogonal(nn.Linear(64, 64), root2), nn.Tanh(),
                                     orthogonal(nn.Linear(64, 64), root2), nn.Tanh(),
                                     orthogonal(nn.Linear(64, outputs), gain))

            self.actor = head(actions, 0.01)
            self.critic = head(1, 1.0)

        def forward(self, observations):
            features = self.trunk(observations)
            return self.actor(features), self.critic(features).squeeze(-1)

    return PolicyValue()


def train(rollouts: int, seed: int = 0) -> float:
    """Trains for `rollouts` rollouts and their updates; returns environment steps per second."""
    import numpy as np
    import torch
    from minatar import Environment

    torch.manual_seed(seed)
    environments = [Environment("breakout", sticky_action_prob=0.1) for _ in range(COPIES)]
    for copy, environment in enumerate(environments):
        environment.seed(seed + copy)
        environment.reset()
    channels, actions = environments[0].state_shape()[2], environments[0].num_actions()
    network = build_network(channels, actions)
    optimizer = torch.optim.Adam(network.parameters(), lr=LEARNING_RATE, eps=1e-5)
    generator = np.random.default_rng(seed)

    def observe() -> np.ndarray:
        return np.stack([environment.state() for environment in environments]).transpose(0, 3, 1, 2).astype(np.float32)

    shape = (ROLLOUT_STEPS, COPIES)
    observations = torch.zeros(shape + (channels, 10, 10))
    chosen, old_log_probabilities, old_values = torch.zeros(shape, dtype=torch.long), torch.zeros(shape), torch.zeros(shape)
    rewards, ends = np.zeros(shape, dtype=np.float32), np.zeros(shape, dtype=np.float32)
    current = torch.from_numpy(observe())

    start = time.perf_counter()
    for _ in range(rollouts):
        # Acting: one forward pass for all copies, then each copy steps (and resets when its episode ends).
        for step in range(ROLLOUT_STEPS):
            observations[step] = current
            with torch.no_grad():
                logits, values = network(current)
                distribution = torch.distributions.Categorical(logits=logits)
                action = distribution.sample()
            chosen[step], old_log_probabilities[step], old_values[step] = action, distribution.log_prob(action), values
            for copy, environment in enumerate(environments):
                reward, terminal = environment.act(int(action[copy]))
                rewards[step, copy], ends[step, copy] = reward, terminal
                if terminal:
                    environment.reset()
            current = torch.from_numpy(observe())

        # GAE(lambda), stopping at episode ends.
        with torch.no_grad():
            _, last_values = network(current)
        values = old_values.numpy()
        advantages = np.zeros(shape, dtype=np.float32)
        running = np.zeros(COPIES, dtype=np.float32)
        following = last_values.numpy()
        for step in reversed(range(ROLLOUT_STEPS)):
            continuing = 1.0 - ends[step]
            delta = rewards[step] + GAMMA * following * continuing - values[step]
            running = delta + GAMMA * LAMBDA * continuing * running
            advantages[step] = running
            following = values[step]
        advantages = torch.from_numpy(advantages).flatten()
        returns = advantages + old_values.flatten()

        # Learning: epochs over shuffled minibatches of the flattened rollout.
        flat_observations = observations.flatten(0, 1)
        flat_actions, flat_log_probabilities = chosen.flatten(), old_log_probabilities.flatten()
        flat_values = old_values.flatten()
        rows = ROLLOUT_STEPS * COPIES
        for _ in range(EPOCHS):
            order = torch.from_numpy(generator.permutation(rows))
            for first in range(0, rows, MINIBATCH):
                batch = order[first:first + MINIBATCH]
                logits, values_now = network(flat_observations[batch])
                distribution = torch.distributions.Categorical(logits=logits)
                ratio = (distribution.log_prob(flat_actions[batch]) - flat_log_probabilities[batch]).exp()
                advantage = advantages[batch]
                advantage = (advantage - advantage.mean()) / (advantage.std() + 1e-8)
                policy_loss = torch.max(-advantage * ratio, -advantage * ratio.clamp(1 - CLIP, 1 + CLIP)).mean()
                clipped = flat_values[batch] + (values_now - flat_values[batch]).clamp(-CLIP, CLIP)
                value_loss = 0.5 * torch.max((values_now - returns[batch]) ** 2, (clipped - returns[batch]) ** 2).mean()
                loss = policy_loss + VALUE_WEIGHT * value_loss - ENTROPY_WEIGHT * distribution.entropy().mean()
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(network.parameters(), MAX_GRAD_NORM)
                optimizer.step()
    return rollouts * ROLLOUT_STEPS * COPIES / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="torch threads")
    parser.add_argument("--rollouts", type=int, default=3)
    arguments = parser.parse_args()
    import torch

    torch.set_num_threads(arguments.threads)
    rate = train(arguments.rollouts)
    print(f"torch_ppo_breakout_minatar_t{arguments.threads}_steps {rate:14.4g} steps/s")


if __name__ == "__main__":
    main()
