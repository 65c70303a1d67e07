"""Builds the Swift library (libSwiftGymC) into the package.

`pip install ./python` runs `swift build -c release --product SwiftGymC` in the repository above this folder and
ships the library inside the `swiftgym` package. Set SWIFTGYM_LIBRARY to a prebuilt library's path to ship that
one instead of building.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

LIBRARY_NAME = "libSwiftGymC.dylib" if sys.platform == "darwin" else "libSwiftGymC.so"


def swift_library() -> Path:
    """The library to ship: SWIFTGYM_LIBRARY's, or one built from the Swift package above this folder."""
    prebuilt = os.environ.get("SWIFTGYM_LIBRARY")
    if prebuilt:
        path = Path(prebuilt)
        if not path.is_file():
            sys.exit(f"SWIFTGYM_LIBRARY is {prebuilt!r}, which is not a file; unset it to build the library")
        return path
    package_root = Path(__file__).resolve().parent.parent
    if not (package_root / "Package.swift").is_file():
        sys.exit(f"no Package.swift in {package_root}: install from the swift-gym repository (pip install ./python) "
                 "or set SWIFTGYM_LIBRARY to a prebuilt libSwiftGymC")
    if shutil.which("swift") is None:
        sys.exit("building swiftgym needs the Swift toolchain (`swift` on PATH), or SWIFTGYM_LIBRARY set to a "
                 "prebuilt libSwiftGymC")
    command = ["swift", "build", "-c", "release", "--product", "SwiftGymC"]
    print("swiftgym: " + " ".join(command), flush=True)
    subprocess.run(command, cwd=package_root, check=True)
    binaries = subprocess.run(command[:4] + ["--show-bin-path"], cwd=package_root, check=True,
                              capture_output=True, text=True).stdout.strip()
    return Path(binaries) / LIBRARY_NAME


class BuildWithSwiftLibrary(build_py):
    """Copies the Swift library next to the Python modules."""

    def run(self):
        super().run()
        target = Path(self.build_lib) / "swiftgym" / LIBRARY_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(swift_library(), target)


class BinaryDistribution(Distribution):
    """A platform wheel: the package carries a native library."""

    def has_ext_modules(self):
        return True


setup(cmdclass={"build_py": BuildWithSwiftLibrary}, distclass=BinaryDistribution)
