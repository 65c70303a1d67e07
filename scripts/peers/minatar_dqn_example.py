#!/usr/bin/env python3
"""Runs MinAtar's own PyTorch DQN example as the peer of `gym run dqn <game>` at the same budget.

The example is `examples/dqn.py` of https://github.com/kenjyoung/MinAtar (GPL, so it is not vendored here: pass the
path of a checkout's copy). This script only drives it: it sets the frame budget, seeds Python's, NumPy's and
PyTorch's generators and the environment, trains with the example's own `dqn` function (its constants are the
MinAtar paper's DQN settings, the ones `DQNConfiguration.minAtar` declares), then evaluates the trained network
greedily on sticky-action episodes seeded `seed + 1`. It prints one JSON object with the keys `gym run --json` uses
for the same facts (`steps`, `train_seconds`, `episodes`, `best_moving_average_100`, `eval_mean_return`, ...).

    git clone https://github.com/kenjyoung/MinAtar /tmp/MinAtar
    /work/venv/bin/python scripts/peers/minatar_dqn_example.py --example /tmp/MinAtar/examples/dqn.py \
        --game breakout --frames 1000000 --seed 0 --threads 2
"""
import argparse
import importlib.util
import json
import math
import os
import random
import sys
import tempfile
import time


def best_moving_average(returns: list, window: int = 100) -> float:
    """The largest mean of `window` consecutive episode returns (NaN when there are fewer episodes)."""
    if len(returns) < window:
        return float("nan")
    total = sum(returns[:window])
    best = total
    for index in range(window, len(returns)):
        total += returns[index] - returns[index - window]
        best = max(best, total)
    return best / window


def load_example(path: str):
    """Imports MinAtar's example script as a module without running its `main`."""
    if not os.path.isfile(path):
        sys.exit(f"error: --example {path!r} is not a file; pass the path of MinAtar's examples/dqn.py")
    spec = importlib.util.spec_from_file_location("minatar_dqn_example", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("dqn", "QNetwork", "get_state", "NUM_FRAMES"):
        if not hasattr(module, name):
            sys.exit(f"error: {path!r} has no {name}; it is not MinAtar's examples/dqn.py")
    return module


def evaluate(module, network, game: str, episodes: int, seed: int) -> tuple:
    """Greedy mean return and its standard deviation over `episodes` sticky-action episodes."""
    import torch
    from minatar import Environment

    environment = Environment(game)
    environment.seed(seed)
    returns = []
    with torch.no_grad():
        for _ in range(episodes):
            environment.reset()
            total, terminated = 0.0, False
            while not terminated:
                action = network(module.get_state(environment.state())).argmax(1).item()
                reward, terminated = environment.act(action)
                total += reward
            returns.append(total)
    mean = sum(returns) / len(returns)
    deviation = math.sqrt(sum((value - mean) ** 2 for value in returns) / len(returns))
    return mean, deviation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--example", required=True, help="path of MinAtar's examples/dqn.py")
    parser.add_argument("--game", default="breakout", help="a MinAtar game: breakout, space_invaders, freeway, "
                        "asterix or seaquest (default: breakout)")
    parser.add_argument("--frames", type=int, default=1_000_000, help="training frames (default: 1000000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of every generator (default: 0)")
    parser.add_argument("--threads", type=int, default=2, help="PyTorch threads (default: 2)")
    parser.add_argument("--eval-episodes", type=int, default=100, help="greedy evaluation episodes (default: 100)")
    arguments = parser.parse_args()
    if arguments.frames < 1 or arguments.eval_episodes < 1 or arguments.threads < 1:
        sys.exit("error: --frames, --eval-episodes and --threads must be positive integers")
    try:
        import numpy
        import torch
        from minatar import Environment
    except ImportError as error:
        print(f"peer not installed: {error.name} (pip install torch minatar numpy)")
        sys.exit(2)

    module = load_example(arguments.example)
    module.NUM_FRAMES = arguments.frames
    torch.set_num_threads(arguments.threads)
    random.seed(arguments.seed)
    numpy.random.seed(arguments.seed)
    torch.manual_seed(arguments.seed)
    environment = Environment(arguments.game)
    environment.seed(arguments.seed)

    with tempfile.TemporaryDirectory() as directory:
        prefix = os.path.join(directory, "run")
        start = time.perf_counter()
        module.dqn(environment, False, False, prefix)
        seconds = time.perf_counter() - start
        saved = torch.load(prefix + "_data_and_weights", weights_only=False)

    network = module.QNetwork(environment.state_shape()[2], environment.num_actions())
    network.load_state_dict(saved["policy_net_state_dict"])
    network.eval()
    returns = [float(value) for value in saved["returns"]]
    mean, deviation = evaluate(module, network, arguments.game, arguments.eval_episodes, arguments.seed + 1)
    print(json.dumps({
        "peer": "MinAtar examples/dqn.py (PyTorch %s)" % torch.__version__,
        "game": arguments.game,
        "seed": arguments.seed,
        "steps": arguments.frames,
        "train_seconds": seconds,
        "steps_per_second": arguments.frames / seconds,
        "episodes": len(returns),
        "best_moving_average_100": best_moving_average(returns),
        "final_moving_average_100": sum(returns[-100:]) / min(100, len(returns)),
        "eval_episodes": arguments.eval_episodes,
        "eval_mean_return": mean,
        "eval_return_std": deviation,
    }))


if __name__ == "__main__":
    main()
