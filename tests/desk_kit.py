"""Helpers of the desk tests: desk configs, real Celery workers, waiting for the queue to drain."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import redis

from .conftest import ROOT, SEEDS
from .redisserver import RedisServer

DAY = "2023-06-20"
VISIBILITY = 3  # seconds: a killed worker's task goes to the other one soon
CLAIM_TTL = 2


def write_desks(tmp: Path, names: list[str], smtp_port: int, sources: str | None = None) -> Path:
    """One config per desk, each mailing <desk>@example.org; by default two short articles."""
    articles = tmp / "articles"
    if sources is None:
        articles.mkdir(exist_ok=True)
        for seed in sorted(SEEDS.glob("*.txt"))[3:5]:  # the two shortest
            shutil.copy(seed, articles / seed.name)
        sources = f"[{{path: {articles}}}]"
    base = (ROOT / "config" / "brief.yaml").read_text().replace(
        "sources:\n  - path: ../seeds          # relative to this file\n", f"sources: {sources}\n")
    desks = tmp / "desks"
    desks.mkdir(exist_ok=True)
    for name in names:
        (desks / f"{name}.yaml").write_text(base + f"""
state_dir: state-{name}  # as on different machines: no page cache on a shared disk
delivery:
  email: {{from: "Brief Desk <briefs@example.org>", to: [{name}@example.org],
          subject: "{name} {{date}}"}}
  smtp: {{host: 127.0.0.1, port: {smtp_port}, security: none, timeout: 5}}
""")
    return desks


class Workers:
    """Real `briefgen worker` processes, each in its own process group (killed as a whole)."""

    def __init__(self, server: RedisServer, count: int, log_dir: Path,
                 visibility: float = VISIBILITY) -> None:
        self.procs: list[subprocess.Popen] = []
        env = {**os.environ, "BRIEFGEN_BROKER_URL": server.url, "PYTHONPATH": str(ROOT)}
        for n in range(count):
            log = (log_dir / f"worker{n}.log").open("w")
            self.procs.append(subprocess.Popen(
                [sys.executable, "-m", "briefgen.cli", "worker", "--concurrency", "1",
                 "--visibility-timeout", str(visibility), "--claim-ttl", str(CLAIM_TTL)],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True))
        self.log_dir = log_dir

    def kill(self, proc: subprocess.Popen) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)

    def owner_of(self, pid: int) -> subprocess.Popen:
        """The worker whose process group holds pid (a pool process runs the task)."""
        return next(p for p in self.procs if os.getpgid(pid) == p.pid)

    def stop(self) -> None:
        for proc in self.procs:
            self.kill(proc)

    def logs(self) -> str:
        return "\n".join(p.read_text() for p in sorted(self.log_dir.glob("worker*.log")))


def queue_is_idle(r: redis.Redis) -> bool:
    """Nothing waits in the queue, nothing is being worked on or held for a retry."""
    return r.llen("celery") == 0 and r.hlen("unacked") == 0


def wait_for(condition: Callable[[], bool], seconds: float, what: str,
             workers: Workers | None = None) -> None:
    give_up = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError(f"{what}: not within {seconds:g} s\n"
                                 + (workers.logs()[-4000:] if workers else ""))
        time.sleep(0.1)


def cli(broker: str, *args: str) -> subprocess.CompletedProcess:
    """`briefgen ARGS` with the test's broker, as a user runs it; no traceback allowed."""
    proc = subprocess.run([sys.executable, "-m", "briefgen.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "BRIEFGEN_BROKER_URL": broker})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def dispatch(desks: Path, server: RedisServer, day: str = DAY) -> None:
    proc = cli(server.url, "dispatch", "--desks", str(desks), "--date", day)
    assert proc.returncode == 0, proc.stderr


def status(desks: Path, server: RedisServer, day: str = DAY) -> list[str]:
    proc = cli(server.url, "status", "--desks", str(desks), "--date", day)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()
