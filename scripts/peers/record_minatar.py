"""Records MinAtar episodes that swift-gym's arcade tests replay frame for frame.

Requires: pip install minatar numpy
Usage: python scripts/peers/record_minatar.py > Tests/EnvironmentsTests/Fixtures/minatar-episodes.json

MinAtar is driven as a black box: `Environment(game, sticky_action_prob=0, difficulty_ramping=True)`, actions of
the full 6-action set from a seeded policy, and `env.state()` read after reset and after every step. The game's
own randomness (spawn lanes, sides, kinds) comes from the numpy `RandomState` the game object holds; the recorder
puts a spy around that object which passes each call through and notes its name, arguments and result. So each
frame lists the draws made while it was played, in order, and a replay can hand the same numbers to the same rules:

- `[x]` for `rand()`: a uniform float in [0, 1);
- `[n, k]` for `randint(n)`: an integer k in 0..<n;
- `[low, high, k]` for `randint(low=low, high=high)`: an integer k in low..<high.

A frame's channels are written as hex strings of a 100-bit integer whose bit `row * 10 + column` is set where the
channel is (channels in MinAtar's order), so a frame of five channels is five short strings.
"""
import copy
import json
import sys

import minatar
import numpy as np
from minatar import Environment


class DrawSpy:
    """Passes every call through to the wrapped random generator and notes it in `draws`."""

    def __init__(self, inner):
        self.inner = inner
        self.draws = []

    def rand(self, *shape):
        assert not shape, f"rand{shape}: only scalar draws are recorded"
        value = self.inner.rand()
        self.draws.append([float(value)])
        return value

    def randint(self, *args, **keywords):
        value = self.inner.randint(*args, **keywords)
        if args and not keywords and len(args) == 1:
            self.draws.append([int(args[0]), int(value)])
        elif not args and set(keywords) == {"low", "high"}:
            self.draws.append([int(keywords["low"]), int(keywords["high"]), int(value)])
        else:
            raise AssertionError(f"randint{args}{keywords}: a form the recorder does not know")
        return value

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise AssertionError(f"the game called random.{name}, which the recorder does not record")

    def take(self):
        draws, self.draws = self.draws, []
        return draws


def planes(state):
    """Each channel of a 10x10xC boolean state as the hex of its 100-bit integer."""
    result = []
    for channel in range(state.shape[2]):
        bits = 0
        for row, column in zip(*np.nonzero(state[:, :, channel])):
            bits |= 1 << (int(row) * 10 + int(column))
        result.append(format(bits, "x"))
    return result


def survives(env, actions):
    """Whether a copy of `env` plays `actions` without the episode ending (the copy draws from a copy of the
    game's generator, so the real one is untouched)."""
    trial = copy.deepcopy(env)
    for action in actions:
        if trial.act(action)[1]:
            return False
    return True


def surfacing(weights):
    """Seaquest weights that head for the surface (action 2, up) once the oxygen gauge is low with a diver on
    board, or six divers are; `weights` otherwise."""
    def choose(state):
        oxygen, divers = state[9, :, 7].sum(), state[9, :, 8].sum()
        if divers > 0 and (oxygen <= 3 or divers == 6):
            return [1, 1, 12, 1, 0, 1]
        return weights
    return choose


def policy(weights, seed, lookahead):
    """Actions 0..5 drawn with probabilities proportional to `weights` (a list, or a function of the state giving
    one), from a seeded generator. With
    `lookahead` > 0 a drawn action is kept only if some of a few random continuations of that many frames
    survive (up to eight draws, then the last one is played): a cautious player that lives long enough to
    reach the later rules (cleared waves, ramping, surfacing)."""
    rng = np.random.default_rng(seed)
    weigh = weights if callable(weights) else lambda state: weights

    def choose(env):
        probabilities = np.array(weigh(env.state()), dtype=float)
        probabilities /= probabilities.sum()

        def draw():
            return int(rng.choice(6, p=probabilities))

        action = draw()
        for _ in range(8 if lookahead else 0):
            if any(survives(env, [action] + [draw() for _ in range(lookahead)]) for _ in range(3)):
                break
            action = draw()
        return action

    return choose


def record(game, name, weights, seed, frames, lookahead):
    env = Environment(game, sticky_action_prob=0.0, difficulty_ramping=True)
    env.seed(seed)
    env.reset()
    spy = DrawSpy(env.env.random)
    env.env.random = spy
    # Reset again with the spy in place, so the starting draws are recorded too.
    env.reset()
    choose = policy(weights, seed, lookahead)
    channels = sorted(env.env.channels, key=env.env.channels.get)
    episode = dict(game=game, name=name, channels=channels, start=dict(draws=spy.take(), planes=planes(env.state())), steps=[])
    for _ in range(frames):
        action = choose(env)
        reward, terminal = env.act(action)
        episode["steps"].append(dict(action=action, reward=float(reward), terminal=bool(terminal),
                                     draws=spy.take(), planes=planes(env.state())))
        if terminal:
            break
    return episode


#            noop left up right down fire
UNIFORM = [1, 1, 1, 1, 1, 1]
FIRING = [1, 2, 0, 2, 0, 5]
DODGING = [1, 3, 3, 3, 3, 1]
FIRING_MOVING = [1, 2, 2, 2, 2, 4]

EPISODES = [
    ("space_invaders", "uniform random", UNIFORM, 1, 500, 0),
    ("space_invaders", "cautious, mostly firing", FIRING, 3, 1500, 10),
    ("space_invaders", "cautious, mostly firing", FIRING, 4, 1500, 10),
    ("asterix", "uniform random", UNIFORM, 1, 500, 0),
    ("asterix", "cautious, mostly moving", DODGING, 2, 1000, 2),
    ("asterix", "cautious, mostly moving", DODGING, 3, 1000, 2),
    ("seaquest", "uniform random", UNIFORM, 1, 500, 0),
    ("seaquest", "cautious, firing and moving, surfacing for oxygen", surfacing(FIRING_MOVING), 2, 3000, 3),
    ("seaquest", "cautious, firing and moving, surfacing for oxygen", surfacing(FIRING_MOVING), 9, 3000, 3),
]


def main():
    episodes = [record(*arguments) for arguments in EPISODES]
    sys.stdout.write('{"minatar": "%s", "numpy": "%s", "episodes": [\n' % (minatar.__version__ if hasattr(minatar, "__version__") else "1.0.15", np.__version__))
    sys.stdout.write(",\n".join(json.dumps(episode, separators=(",", ":")) for episode in episodes))
    sys.stdout.write("\n]}\n")


if __name__ == "__main__":
    main()
