"""``python -m swiftgym.sweep SPACE.json``: a Ray Tune sweep of swift-gym trainings; prints the best configurations.

SPACE.json is a ``swiftgym.train`` configuration in which values may be domains (see ``swiftgym.tune.DOMAINS``)::

    {"agent": "q-learning", "env": "frozenlake", "eval_episodes": 200,
     "seed": {"grid_search": [0, 1]},
     "settings": {"episodes": 2000, "learning_rate": {"loguniform": [0.02, 0.5]}}}

Each trial uses one CPU. ``--address`` joins a running Ray cluster (default: start one on this machine).
"""

import argparse
import json
import os
import sys


def flatten(config: dict, prefix: str = "") -> dict:
    """A nested config as ``settings.learning_rate``-style keys."""
    flat = {}
    for key, value in config.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def worker_environment() -> dict:
    """The runtime environment that lets Ray's workers load this swiftgym: the library and package paths given to
    this process (SWIFTGYM_LIBRARY, PYTHONPATH), if any."""
    variables = {name: os.environ[name] for name in ("SWIFTGYM_LIBRARY", "PYTHONPATH") if name in os.environ}
    return {"env_vars": variables} if variables else {}


def ranked(results, metric: str, mode: str) -> list:
    """The trials that reported `metric`, best first, as (value, config, checkpoint path or None)."""
    rows = []
    for result in results:
        if result.error is not None or metric not in (result.metrics or {}):
            continue
        checkpoint = result.checkpoint.path if result.checkpoint is not None else None
        rows.append((result.metrics[metric], result.config, checkpoint))
    rows.sort(key=lambda row: row[0], reverse=(mode == "max"))
    return rows


def ranking_lines(rows: list, trials: int, failed: int, metric: str, mode: str, top: int) -> list:
    """The printed ranking: a headline, then the `top` best rows with their flattened configs and checkpoints."""
    lines = [f"{trials} trials, {failed} failed; best by {metric} ({mode}):"]
    for rank, (value, config, checkpoint) in enumerate(rows[:top], start=1):
        settings = ", ".join(f"{key}={item!r}" for key, item in sorted(flatten(config).items()))
        lines.append(f"{rank}. {metric} {value:.6g}: {settings}")
        if checkpoint:
            lines.append(f"   checkpoint {checkpoint}")
    return lines


def main(arguments=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m swiftgym.sweep", description=__doc__.split("\n")[0])
    parser.add_argument("space", help="the search space: a JSON swiftgym.train configuration with domains")
    parser.add_argument("--samples", type=int, default=1,
                        help="samples of the space (each grid point is tried this many times)")
    parser.add_argument("--metric", default="eval_mean_return", help="the result to rank trials by")
    parser.add_argument("--mode", choices=("max", "min"), default="max")
    parser.add_argument("--top", type=int, default=3, help="how many of the best configurations to print")
    parser.add_argument("--cpus", type=int, default=None, help="CPUs of the local Ray instance (default: all)")
    parser.add_argument("--address", default=None, help="a Ray cluster to join instead of starting one")
    parser.add_argument("--storage", default=None, help="where Tune keeps the trials (default: ~/ray_results)")
    parser.add_argument("--json", action="store_true", help="print the ranked trials as one JSON object")
    options = parser.parse_args(arguments)
    if options.samples < 1 or options.top < 1:
        parser.error("--samples and --top must be at least 1")
    try:
        with open(options.space, encoding="utf-8") as file:
            space = json.load(file)
    except (OSError, json.JSONDecodeError) as error:
        parser.error(f"cannot read the search space {options.space}: {error}")
    if not isinstance(space, dict) or "agent" not in space or "env" not in space:
        parser.error(f"{options.space} must hold a JSON object with at least \"agent\" and \"env\"")

    import ray
    from ray import tune

    from .tune import search_space, trainable

    ray.init(address=options.address, num_cpus=options.cpus, include_dashboard=False, log_to_driver=False,
             configure_logging=False, runtime_env=worker_environment())
    try:
        tuner = tune.Tuner(
            tune.with_resources(trainable, {"cpu": 1}),
            param_space=search_space(space),
            tune_config=tune.TuneConfig(num_samples=options.samples),
            run_config=tune.RunConfig(storage_path=options.storage, verbose=0),
        )
        results = tuner.fit()
    finally:
        ray.shutdown()
    rows = ranked(results, options.metric, options.mode)
    failed = sum(result.error is not None for result in results)
    if options.json:
        print(json.dumps({"trials": len(results), "failed": failed, "metric": options.metric,
                          "ranked": [{"value": value, "config": config, "checkpoint": checkpoint}
                                     for value, config, checkpoint in rows]}))
    else:
        print("\n" + "\n".join(ranking_lines(rows, len(results), failed, options.metric, options.mode, options.top)))
    return 0 if rows and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
