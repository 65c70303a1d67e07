"""Bad input raises a Python exception with the library's message, and the interpreter goes on."""

import ctypes
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import swiftgym
from swiftgym import _native


def test_unknown_id_names_the_valid_ones():
    with pytest.raises(swiftgym.EnvironmentRejectedError, match=r"unknown environment 'CartPole-v9'.*did you mean 'CartPole-v1'"):
        swiftgym.make("CartPole-v9")


def test_unknown_and_bad_options():
    with pytest.raises(swiftgym.EnvironmentRejectedError, match="has no option 'colour'; valid options: .*slippery"):
        swiftgym.make("FrozenLake-v1", colour="blue")
    with pytest.raises(swiftgym.EnvironmentRejectedError, match="must be true or false, got 'maybe'"):
        swiftgym.make("FrozenLake-v1", is_slippery="maybe")


def test_invalid_actions_raise_and_leave_the_environment_usable():
    env = swiftgym.make("CartPole-v1")
    env.reset(seed=0)
    with pytest.raises(swiftgym.InvalidActionError, match=r"invalid action 2 .*Discrete\(2\)"):
        env.step(2)
    with pytest.raises(TypeError, match="must be an integer"):
        env.step(0.5)
    assert env.step(1)[1] == 1.0
    pendulum = swiftgym.make("Pendulum-v1")
    pendulum.reset(seed=0)
    with pytest.raises(swiftgym.InvalidActionError, match="component 0 is 3.0"):
        pendulum.step(np.array([3.0], dtype=np.float32))
    with pytest.raises(swiftgym.InvalidActionError, match="nan"):
        pendulum.step(np.array([np.nan], dtype=np.float32))
    with pytest.raises(ValueError, match=r"shape \(1,\)"):
        pendulum.step(np.zeros(2, dtype=np.float32))


def test_a_bad_action_in_a_batch_steps_no_copy():
    envs = swiftgym.make_vec("CartPole-v1", 3)
    before, _ = envs.reset(seed=0)
    with pytest.raises(swiftgym.InvalidActionError, match="for copy 2"):
        envs.step(np.array([0, 1, 7]))
    reference = swiftgym.make_vec("CartPole-v1", 3)
    reference.reset(seed=0)
    np.testing.assert_array_equal(envs.step(np.array([0, 1, 1]))[0], reference.step(np.array([0, 1, 1]))[0])
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        envs.step(np.array([0, 1]))
    with pytest.raises(TypeError, match="must be integers"):
        envs.step(np.array([0.0, 1.0, 1.0]))


def test_arguments_out_of_range():
    with pytest.raises(swiftgym.InvalidArgumentError, match=r"num_envs must be 1\.\.\.65536, got 0"):
        swiftgym.make_vec("CartPole-v1", 0)
    with pytest.raises(swiftgym.InvalidArgumentError, match="threads must be"):
        swiftgym.make_vec("CartPole-v1", 2, threads=-3)
    with pytest.raises(swiftgym.InvalidArgumentError, match="max_episode_steps must be"):
        swiftgym.make("CartPole-v1", max_episode_steps=-5)
    with pytest.raises(ValueError, match="seed must be"):
        swiftgym.make("CartPole-v1").reset(seed=-1)
    with pytest.raises(ValueError, match="render_mode 'human' is not supported"):
        swiftgym.make("CartPole-v1", render_mode="human")
    with pytest.raises(swiftgym.UnsupportedError, match="no state vector"):
        swiftgym.make("FrozenLake-v1").state = [0.0]
    with pytest.raises(swiftgym.InvalidArgumentError, match="4 numbers, got a buffer of 3"):
        swiftgym.make("CartPole-v1").state = [0.0, 0.0, 0.0]


def test_closed_environments_refuse_calls():
    env = swiftgym.make("CartPole-v1")
    env.reset(seed=0)
    env.close()
    env.close()
    with pytest.raises(swiftgym.ClosedError, match="is closed"):
        env.step(0)


def test_the_c_abi_refuses_bad_buffers_and_handles():
    lib = _native.lib
    handle = ctypes.c_void_p()
    assert lib.swiftgym_make(b"CartPole-v1", None, 2, 0, 1, -1, 0, ctypes.byref(handle)) == _native.OK
    observations = np.zeros((2, 4), dtype=np.float32)
    pointer = ctypes.c_void_p(observations.ctypes.data)
    assert lib.swiftgym_reset(handle, None, None, 0, pointer, 31) == _native.BUFFER_SIZE
    assert "needs exactly 32" in lib.swiftgym_last_error().decode()
    assert lib.swiftgym_reset(handle, None, None, 0, None, 32) == _native.INVALID_ARGUMENT
    assert "observations must not be NULL" in lib.swiftgym_last_error().decode()
    mask = np.ones(3, dtype=np.uint8)
    assert lib.swiftgym_reset(handle, None, ctypes.c_void_p(mask.ctypes.data), 3, pointer, 32) == _native.BUFFER_SIZE
    actions = np.zeros(2, dtype=np.int64)
    rewards = np.zeros(2)
    flags = np.zeros(2, dtype=np.uint8)
    arguments = [ctypes.c_void_p(a.ctypes.data) for a in (actions, observations, rewards, flags, flags)]
    assert lib.swiftgym_step(handle, arguments[0], 16, arguments[1], 32, arguments[2], arguments[3], arguments[4], 3,
                             None, 0) == _native.BUFFER_SIZE
    assert lib.swiftgym_step(handle, arguments[0], 8, arguments[1], 32, arguments[2], arguments[3], arguments[4], 2,
                             None, 0) == _native.BUFFER_SIZE
    assert lib.swiftgym_step(handle, arguments[0], 16, arguments[1], 32, arguments[2], arguments[3], arguments[4], 2,
                             arguments[1], 8) == _native.BUFFER_SIZE
    assert lib.swiftgym_step(handle, arguments[0], 16, arguments[1], 32, arguments[2], arguments[3], arguments[4], 2,
                             None, 0) == _native.OK
    pixels, height, width = ctypes.c_void_p(), ctypes.c_int64(), ctypes.c_int64()
    assert lib.swiftgym_render_rgb(handle, 2, ctypes.byref(pixels), ctypes.byref(height),
                                   ctypes.byref(width)) == _native.INVALID_ARGUMENT
    assert "copy 2 is outside this batch of 2" in lib.swiftgym_last_error().decode()
    assert lib.swiftgym_make(b"CartPole-v1", b"[1, 2]", 1, 0, 1, -1, 0, ctypes.byref(ctypes.c_void_p())) == \
        _native.INVALID_ARGUMENT
    assert lib.swiftgym_make(b"CartPole-v1", None, 1, 0, 1, -1, 9, ctypes.byref(ctypes.c_void_p())) == \
        _native.INVALID_ARGUMENT
    assert lib.swiftgym_close(handle) == _native.OK
    assert lib.swiftgym_close(handle) == _native.INVALID_HANDLE
    assert lib.swiftgym_step(handle, *arguments[:1], 16, arguments[1], 32, *arguments[2:], 2, None, 0) == \
        _native.INVALID_HANDLE
    assert lib.swiftgym_close(ctypes.c_void_p(12345)) == _native.INVALID_HANDLE
    assert lib.swiftgym_describe(None, ctypes.byref(ctypes.c_char_p())) == _native.INVALID_HANDLE


def test_the_interpreter_survives_every_refusal():
    script = textwrap.dedent("""
        import numpy as np, swiftgym
        refused = 0
        for attempt in [lambda: swiftgym.make("nope"), lambda: swiftgym.make_vec("CartPole-v1", 10**9),
                        lambda: swiftgym.make("CartPole-v1").step(99), lambda: swiftgym.make("mdp"),
                        lambda: swiftgym.make("mdp", file="/no/such/file.json"),
                        lambda: swiftgym.make("garnet", states=10**12)]:
            try:
                attempt()
            except swiftgym.SwiftGymError as error:
                assert str(error), "an empty message"
                refused += 1
        env = swiftgym.make("CartPole-v1")
        env.reset(seed=0)
        print(refused, env.step(0)[1])
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["6", "1.0"]
