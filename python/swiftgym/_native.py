"""The Swift library, loaded with ctypes: its functions with their C types, and statuses turned into exceptions."""

import ctypes
import json
import os
import sys
from pathlib import Path

LIBRARY_NAME = "libSwiftGymC.dylib" if sys.platform == "darwin" else "libSwiftGymC.so"

# Statuses of swiftgym.h.
OK = 0
INVALID_ARGUMENT = 1
BUFFER_SIZE = 2
INVALID_ACTION = 3
UNSUPPORTED = 4
ENVIRONMENT = 5
INVALID_HANDLE = 6

# Autoreset modes of swiftgym.h, by Gymnasium's names.
AUTORESET_MODES = {"same-step": 0, "next-step": 1, "disabled": 2}


class SwiftGymError(Exception):
    """A failure reported by the Swift library; the message is the library's."""


class InvalidActionError(SwiftGymError, ValueError):
    """An action outside the action space (no copy was stepped)."""


class InvalidArgumentError(SwiftGymError, ValueError):
    """A bad argument: a number out of range, malformed options, a buffer of the wrong size."""


class UnsupportedError(SwiftGymError, NotImplementedError):
    """Something the environment cannot do (no frames, no text, no state vector)."""


class EnvironmentRejectedError(SwiftGymError, ValueError):
    """The environment refused: an unknown id, a bad option value, a failed step."""


class ClosedError(SwiftGymError, RuntimeError):
    """A handle that is not open."""


_EXCEPTIONS = {
    INVALID_ARGUMENT: InvalidArgumentError,
    BUFFER_SIZE: InvalidArgumentError,
    INVALID_ACTION: InvalidActionError,
    UNSUPPORTED: UnsupportedError,
    ENVIRONMENT: EnvironmentRejectedError,
    INVALID_HANDLE: ClosedError,
}


# swiftgym_train_callback: an event as JSON text and the caller's pointer; nonzero stops training.
TRAIN_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_char_p, ctypes.c_void_p)


def _library_path() -> Path:
    """SWIFTGYM_LIBRARY, else the library shipped in the package, else a development build of the repository."""
    configured = os.environ.get("SWIFTGYM_LIBRARY")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise ImportError(f"SWIFTGYM_LIBRARY is {configured!r}, which is not a file")
        return path
    package = Path(__file__).resolve().parent
    candidates = [package / LIBRARY_NAME, package.parent.parent / ".build" / "release" / LIBRARY_NAME]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ImportError(f"swiftgym's Swift library {LIBRARY_NAME} is not installed: install the package with "
                      "`pip install ./python` from the swift-gym repository, or set SWIFTGYM_LIBRARY to the path of "
                      "a library built with `swift build -c release --product SwiftGymC`")


def _load():
    library = ctypes.CDLL(str(_library_path()))
    c_int32, c_int64, c_void_p, c_char_p = ctypes.c_int32, ctypes.c_int64, ctypes.c_void_p, ctypes.c_char_p
    pointer = ctypes.POINTER
    prototypes = {
        "swiftgym_version": (c_char_p, []),
        "swiftgym_last_error": (c_char_p, []),
        "swiftgym_environments": (c_int32, [pointer(c_char_p)]),
        "swiftgym_make": (c_int32, [c_char_p, c_char_p, c_int64, ctypes.c_uint64, c_int32, c_int64, c_int32,
                                    pointer(c_void_p)]),
        "swiftgym_describe": (c_int32, [c_void_p, pointer(c_char_p)]),
        "swiftgym_reset": (c_int32, [c_void_p, c_void_p, c_void_p, c_int64, c_void_p, c_int64]),
        "swiftgym_step": (c_int32, [c_void_p, c_void_p, c_int64, c_void_p, c_int64, c_void_p, c_void_p, c_void_p,
                                    c_int64, c_void_p, c_int64]),
        "swiftgym_render_rgb": (c_int32, [c_void_p, c_int64, pointer(c_void_p), pointer(c_int64), pointer(c_int64)]),
        "swiftgym_render_text": (c_int32, [c_void_p, c_int64, pointer(c_char_p)]),
        "swiftgym_get_state": (c_int32, [c_void_p, c_int64, c_void_p, c_int64]),
        "swiftgym_set_state": (c_int32, [c_void_p, c_int64, c_void_p, c_int64]),
        "swiftgym_close": (c_int32, [c_void_p]),
        "swiftgym_train": (c_int32, [c_char_p, TRAIN_CALLBACK, c_void_p, pointer(c_char_p)]),
        "swiftgym_agent_make": (c_int32, [c_char_p, pointer(c_void_p)]),
        "swiftgym_agent_describe": (c_int32, [c_void_p, pointer(c_char_p)]),
        "swiftgym_agent_act": (c_int32, [c_void_p, c_void_p, c_int64, c_int64, ctypes.c_double, c_void_p]),
        "swiftgym_agent_add": (c_int32, [c_void_p, c_int64, c_void_p, c_void_p, c_int64, c_void_p, c_void_p, c_void_p]),
        "swiftgym_agent_learn": (c_int32, [c_void_p, c_int64, pointer(ctypes.c_double)]),
        "swiftgym_agent_get_weights": (c_int32, [c_void_p, pointer(c_void_p), pointer(c_int64)]),
        "swiftgym_agent_set_weights": (c_int32, [c_void_p, c_char_p, c_int64]),
        "swiftgym_agent_counters": (c_int32, [c_void_p, pointer(c_int64), pointer(c_int64), pointer(c_int64)]),
        "swiftgym_agent_save": (c_int32, [c_void_p, c_char_p]),
        "swiftgym_agent_close": (c_int32, [c_void_p]),
    }
    for name, (restype, argtypes) in prototypes.items():
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes
    return library


lib = _load()


def fail(status: int):
    """Raises the exception for a nonzero status, with the library's message."""
    message = lib.swiftgym_last_error().decode("utf-8", "replace")
    raise _EXCEPTIONS.get(status, SwiftGymError)(message)


def check(status: int):
    """Raises for a nonzero status."""
    if status != OK:
        fail(status)


def environments() -> list:
    """The registered environments, as the library describes them."""
    text = ctypes.c_char_p()
    check(lib.swiftgym_environments(ctypes.byref(text)))
    return json.loads(text.value.decode("utf-8"))


def version() -> str:
    """The Swift library's version."""
    return lib.swiftgym_version().decode("utf-8")
