"""A run's deadline: past it, the process stops with one line, whatever it waits on.

A stuck read (a trickling server, a hung disk) cannot be interrupted from
inside, so a watchdog thread ends the process. That is safe by design: every
state file is replaced atomically, and a message without a recorded answer is
handled as in doubt by the next run, as after a kill.
"""

from __future__ import annotations

import os
import sys
import threading

EXIT_CODE = 124  # as timeout(1)


def arm(seconds: float, what: str) -> threading.Timer:
    def expire() -> None:
        sys.stderr.write(f"briefgen: error: {what} passed its deadline of {seconds:g} s "
                         "(schedule.deadline) and was stopped; the next run goes on\n")
        sys.stderr.flush()
        os._exit(EXIT_CODE)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer
