"""Ape-X throughput with 1, 2 and 4 actors on a simulated two-node Ray cluster (ray.cluster_utils.Cluster) on this
machine: environment steps/s the learner receives and its updates/s, in steady state (between the first and the last
status after a warm-up). Prints a Markdown table.

    SWIFTGYM_LIBRARY=.build/release/libSwiftGymC.so PYTHONPATH=python python scripts/apex_scaling.py [--seconds 30]
"""

import argparse
import os

import ray
from ray.cluster_utils import Cluster

from swiftgym import apex
from swiftgym.sweep import worker_environment


def measure(actors: int, seconds: float) -> dict:
    statuses = []
    apex.train(ray, actors=actors, steps=10**12, evaluate_every=seconds / 6, evaluation_episodes=1, timeout=seconds,
               on_status=lambda status, *_: statuses.append(status))
    first, last = statuses[1], statuses[-1]  # statuses[0] is the warm-up
    elapsed = last["seconds"] - first["seconds"]
    return {"actors": actors, "steps_per_second": (last["steps"] - first["steps"]) / elapsed,
            "updates_per_second": (last["updates"] - first["updates"]) / elapsed}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--actors", default="1,2,4")
    options = parser.parse_args()
    counts = [int(count) for count in options.actors.split(",")]
    load_before = os.getloadavg()[0]
    cluster = Cluster()
    for _ in range(2):
        cluster.add_node(num_cpus=max(counts) + 1)
    ray.init(address=cluster.address, runtime_env=worker_environment(), log_to_driver=False)
    try:
        rows = [measure(actors, options.seconds) for actors in counts]
    finally:
        ray.shutdown()
        cluster.shutdown()
    print(f"cores: {os.cpu_count()}, load average before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f}")
    print("| actors | env steps/s | learner updates/s |\n|---|---|---|")
    for row in rows:
        print(f"| {row['actors']} | {row['steps_per_second']:.3g} | {row['updates_per_second']:.3g} |")


if __name__ == "__main__":
    main()
