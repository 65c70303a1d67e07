"""Ray Tune on swift-gym: a trainable that runs the library's trainer in-process (``swiftgym.train``), and search
spaces written as JSON.

A trial's config is a ``swiftgym.train`` configuration in which any value may be a Tune domain::

    from ray import tune
    import swiftgym.tune

    space = {"agent": "q-learning", "env": "frozenlake", "eval_episodes": 200,
             "settings": {"episodes": 2000, "learning_rate": tune.grid_search([0.05, 0.1, 0.2, 0.4])}}
    results = tune.Tuner(swiftgym.tune.trainable, param_space=space).fit()
    best = results.get_best_result("eval_mean_return", "max")

Every progress event reaches Tune as an intermediate result (``mean_return``, ``moving_average_100``, ``steps``,
``epsilon``, ``loss``, ...; schedulers such as ASHA can stop a trial on them), and the last result is the run's
report (``eval_mean_return``, ``solved``, ...). A neural agent's checkpoint is its safetensors file, attached to the
last result as a Tune checkpoint (``agent.safetensors`` in its directory).

Ray is imported only when a trainable runs or a space is converted: the rest of the package never needs it.
"""

import os
import tempfile

from .training import train

CHECKPOINT_FILE = "agent.safetensors"

# The agents that keep checkpoints (the others are tabular: their result is the report).
NEURAL_AGENTS = ("dqn", "reinforce", "actor-critic", "ppo", "a2c", "sac")

# The figures of the report sent as the last result (the values, policy and hyperparameters stay out of it).
REPORT_METRICS = ("eval_mean_return", "eval_return_std", "eval_mean_length", "eval_success_rate", "solved",
                  "episodes", "steps", "interrupted", "updates", "final_loss", "best_moving_average_100",
                  "final_moving_average_100",
                  "solved_at_episode", "train_seconds", "steps_per_second")


def trainable(config: dict):
    """A Tune function trainable: trains ``config`` (a ``swiftgym.train`` configuration, domains resolved) and
    reports each progress event, then the run's report with the checkpoint of a neural agent."""
    from ray import tune

    configuration = dict(config)
    configuration.pop("save", None)
    directory = tempfile.mkdtemp(prefix="swiftgym-trial-")
    neural = configuration.get("agent") in NEURAL_AGENTS
    if neural:
        configuration["save"] = os.path.join(directory, CHECKPOINT_FILE)

    def on_progress(event):
        event.pop("event", None)
        tune.report(event)

    report = train(configuration, on_progress)
    final = {key: report[key] for key in REPORT_METRICS if report.get(key) is not None}
    checkpoint = tune.Checkpoint.from_directory(directory) if neural else None
    tune.report(final, checkpoint=checkpoint)


# JSON forms of Tune's domains: {"grid_search": [...]}, {"choice": [...]}, {"uniform": [low, high]},
# {"loguniform": [low, high]}, {"randint": [low, high]} (high excluded, as in Tune).
DOMAINS = ("grid_search", "choice", "uniform", "loguniform", "randint")


def search_space(value):
    """`value` (parsed JSON) with each one-key object naming a domain replaced by that Tune domain, at any depth."""
    from ray import tune

    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in DOMAINS:
            kind, arguments = next(iter(value.items()))
            if not isinstance(arguments, list) or not arguments:
                raise ValueError(f"{kind} takes a non-empty list, got {arguments!r}")
            if kind in ("grid_search", "choice"):
                return getattr(tune, kind)(arguments)
            if len(arguments) != 2:
                raise ValueError(f"{kind} takes [low, high], got {arguments!r}")
            return getattr(tune, kind)(*arguments)
        return {key: search_space(item) for key, item in value.items()}
    if isinstance(value, list):
        return [search_space(item) for item in value]
    return value
