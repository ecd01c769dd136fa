"""The ``newsdedup`` command, as ``pip install`` puts it on PATH (and as
``python -m newsdedup``): the binary's own code, compiled into the native
module, run with this process's arguments."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    """Runs ``newsdedup`` with ``sys.argv`` and exits with its status."""
    from newsdedup import _newsdedup

    # As the binary behaves: Ctrl-C ends the run at once (Python's handler
    # would wait for the native code to return). A closed pipe is already
    # ignored by Python, as by Rust, so the command sees EPIPE and ends
    # quietly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    status = _newsdedup.run_cli(["newsdedup", *sys.argv[1:]])
    sys.exit(status)


if __name__ == "__main__":
    main()
