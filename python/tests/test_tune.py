"""Ray Tune sweeps of swift-gym trainings (skipped where ray is not installed)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray.tune", reason="the Ray Tune tests need ray (pip install 'ray[tune]')")

REPOSITORY = Path(__file__).resolve().parents[2]


def test_a_sweep_of_four_q_learning_trials_reports_the_best(tmp_path):
    space = tmp_path / "space.json"
    rates = [0.02, 0.05, 0.1, 0.3]
    space.write_text(json.dumps({
        "agent": "q-learning", "env": "frozenlake", "eval_episodes": 200, "report_every": 500,
        "settings": {"episodes": 3000, "learning_rate": {"grid_search": rates}},
    }))
    command = [sys.executable, "-m", "swiftgym.sweep", str(space), "--cpus", "2", "--storage", str(tmp_path / "tune"),
               "--json"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600, env=os.environ.copy())
    assert finished.returncode == 0, finished.stderr[-4000:]
    summary = json.loads(finished.stdout.strip().splitlines()[-1])
    assert summary["trials"] == 4 and summary["failed"] == 0
    values = [row["value"] for row in summary["ranked"]]
    assert len(values) == 4 and values == sorted(values, reverse=True) and values[0] > 0
    assert sorted(row["config"]["settings"]["learning_rate"] for row in summary["ranked"]) == rates
    # The best trial's figure is what a direct run of its configuration reports (same seed, same result).
    import swiftgym
    best = summary["ranked"][0]["config"]
    assert swiftgym.train(best)["eval_mean_return"] == values[0]



def test_the_ranking_prints_the_best_configurations_first():
    from swiftgym.sweep import ranking_lines

    rows = [(0.7, {"agent": "dqn", "settings": {"learning_rate": 0.1}}, "/tmp/a"), (0.5, {"agent": "dqn"}, None)]
    assert ranking_lines(rows, 3, 1, "eval_mean_return", "max", 1) == [
        "3 trials, 1 failed; best by eval_mean_return (max):",
        "1. eval_mean_return 0.7: agent='dqn', settings.learning_rate=0.1",
        "   checkpoint /tmp/a",
    ]


def test_a_trial_reports_progress_and_its_checkpoint_is_the_agents_safetensors(tmp_path):
    import ray
    from ray import tune

    import swiftgym.tune
    from swiftgym.sweep import worker_environment

    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, runtime_env=worker_environment())
    try:
        space = {"agent": "dqn", "env": "CartPole-v1", "eval_episodes": 3, "report_every": 10,
                 "settings": {"steps": 2000, "hidden": [16], "learning_rate": tune.grid_search([0.001, 0.0005])}}
        results = tune.Tuner(swiftgym.tune.trainable, param_space=space,
                             run_config=tune.RunConfig(storage_path=str(tmp_path), verbose=0)).fit()
        # Tune stops a long trial early on its intermediate results.
        endless = {"agent": "q-learning", "env": "frozenlake", "report_every": 100, "settings": {"episodes": 10**9}}
        stopped = tune.Tuner(swiftgym.tune.trainable, param_space=endless,
                             run_config=tune.RunConfig(storage_path=str(tmp_path), verbose=0,
                                                       stop={"training_iteration": 3})).fit()[0]
    finally:
        ray.shutdown()
    assert stopped.error is None and stopped.metrics["episodes"] == 300 and "eval_mean_return" not in stopped.metrics
    assert len(results) == 2 and not results.errors
    for result in results:
        history = result.metrics_dataframe
        assert len(history) >= 3 and history["steps"].is_monotonic_increasing
        assert result.metrics["steps"] == 2000 and "eval_mean_return" in result.metrics
        with result.checkpoint.as_directory() as directory:
            data = (Path(directory) / swiftgym.tune.CHECKPOINT_FILE).read_bytes()
        header = json.loads(data[8:8 + int.from_bytes(data[:8], "little")])
        assert any(tensor.get("shape") == [16, 4] for tensor in header.values() if "shape" in tensor)


def test_search_spaces_in_json_become_tune_domains():
    from ray.tune.search.sample import Categorical, Float, Integer

    from swiftgym.tune import search_space

    space = search_space({"seed": {"randint": [0, 10]}, "settings": {"learning_rate": {"loguniform": [1e-4, 1e-2]},
                                                                    "hidden": {"choice": [[64], [64, 64]]},
                                                                    "discount": 0.99}})
    assert isinstance(space["seed"], Integer) and isinstance(space["settings"]["learning_rate"], Float)
    assert isinstance(space["settings"]["hidden"], Categorical) and space["settings"]["discount"] == 0.99
    with pytest.raises(ValueError, match=r"uniform takes \[low, high\]"):
        search_space({"x": {"uniform": [1]}})
