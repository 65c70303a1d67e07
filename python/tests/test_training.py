"""swiftgym.train: the library's trainer in-process, its progress events, early stops, checkpoints and refusals."""

import json
import struct

import pytest

import swiftgym

FROZENLAKE = {"agent": "q-learning", "env": "frozenlake", "seed": 2, "eval_episodes": 100, "report_every": 400,
              "settings": {"episodes": 2000, "learning_rate": 0.2}}
TIMINGS = ("train_seconds", "wall_seconds", "steps_per_second")


def without_timings(report: dict) -> dict:
    return {key: value for key, value in report.items() if key not in TIMINGS}


def test_a_run_reports_progress_and_is_the_same_for_the_same_seed():
    events = []
    report = swiftgym.train(FROZENLAKE, events.append)
    assert [event["episodes"] for event in events] == [400, 800, 1200, 1600, 2000]
    assert events[-1]["steps"] == report["steps"] and report["episodes"] == 2000
    assert all(0 <= event["mean_return"] <= 1 and "epsilon" in event for event in events)
    assert report["hyperparameters"]["learning_rate"] == "0.2" and not report["interrupted"]
    assert 0 < report["eval_mean_return"] <= 1
    assert without_timings(swiftgym.train(FROZENLAKE)) == without_timings(report)
    other_seed = swiftgym.train({**FROZENLAKE, "seed": 3})
    assert other_seed["steps"] != report["steps"]


def test_a_true_answer_stops_training_and_the_run_is_still_evaluated():
    configuration = {**FROZENLAKE, "report_every": 10, "settings": {"episodes": 1_000_000}}
    report = swiftgym.train(configuration, lambda event: event["episodes"] >= 30)
    assert report["interrupted"] and report["episodes"] == 30 and report["eval_episodes"] == 100


def test_an_exception_in_the_callback_stops_training_and_is_raised():
    class Enough(Exception):
        pass

    def fail(event):
        raise Enough(event["episodes"])

    with pytest.raises(Enough, match="400"):
        swiftgym.train(FROZENLAKE, fail)


def test_a_neural_agent_saves_its_safetensors_checkpoint(tmp_path):
    path = tmp_path / "dqn.safetensors"
    events = []
    report = swiftgym.train({"agent": "dqn", "env": "CartPole-v1", "eval_episodes": 3, "report_every": 5,
                             "save": str(path), "settings": {"steps": 1500, "hidden": [16, 16], "batch_size": 16}},
                            events.append)
    assert report["steps"] == 1500 and report["hyperparameters"]["hidden"] == "16,16"
    assert events and all("loss" in event or "updates" in event for event in events[1:])
    data = path.read_bytes()
    header_size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + header_size])
    assert header["__metadata__"]["env"] and any(shape["shape"] == [16, 4] for name, shape in header.items()
                                                  if name != "__metadata__")
    # Training goes on from the checkpoint.
    resumed = swiftgym.train({"agent": "dqn", "env": "CartPole-v1", "eval_episodes": 3, "load": str(path),
                              "settings": {"steps": 500}})
    assert resumed["steps"] > 0


@pytest.mark.parametrize("configuration, error, message", [
    ({"agent": "q-learning"}, swiftgym.InvalidArgumentError, "'env' is missing"),
    ({"agent": "q-learning", "env": "frozenlake", "episodes": 3}, swiftgym.InvalidArgumentError,
     "no key 'episodes'.*agent settings go inside \"settings\""),
    ({"agent": "q-learning", "env": "frozenlake", "settings": {"gamma": 1.5}}, swiftgym.InvalidArgumentError,
     r"discount must be a number in \[0, 1\], got '1.5'"),
    ({"agent": "dqn", "env": "frozenlake", "settings": {"clip_coef": 0.2}}, swiftgym.InvalidArgumentError,
     "dqn has no setting 'clip_coef'"),
    ({"agent": "ppo", "env": "CartPol"}, swiftgym.EnvironmentRejectedError, "did you mean 'cartpole'"),
    ({"agent": "sac", "env": "CartPole-v1"}, swiftgym.InvalidArgumentError, r"sac needs continuous \(Box\) actions"),
])
def test_bad_configurations_raise_with_the_library_message(configuration, error, message):
    with pytest.raises(error, match=message):
        swiftgym.train(configuration)


def test_a_configuration_must_be_a_dict():
    with pytest.raises(TypeError, match="must be a dict"):
        swiftgym.train('{"agent": "q-learning"}')
