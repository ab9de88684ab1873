"""`make bench`, desks: 200 desks on one Celery worker, then on two; desks per minute and the
scaling factor. A real redis-server, real worker processes (one pool process each) and an SMTP
server on 127.0.0.1; each desk has two short articles, as in tests/test_desks.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.desk_kit import DAY, Workers, queue_is_idle, write_desks
from tests.redisserver import RedisServer
from tests.servers import SmtpServer, free_port

ROOT = Path(__file__).resolve().parent.parent


def run_desks(n_desks: int, n_workers: int) -> dict:
    """Seconds from dispatch until every desk's mail arrived (workers started beforehand)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        server = RedisServer(tmp_path)
        smtp = SmtpServer(free_port())
        smtp.start()
        workers = Workers(server, n_workers, tmp_path, visibility=3600)
        try:
            desks = write_desks(tmp_path, [f"desk{n:04d}" for n in range(n_desks)], smtp.port)
            _warm_up(server, workers, smtp, tmp_path)
            before = len(smtp.inbox.messages)
            start = time.monotonic()
            proc = subprocess.run([sys.executable, "-m", "briefgen.cli", "dispatch", "--desks",
                                   str(desks), "--date", DAY, "-q"], cwd=ROOT, check=True,
                                  env=_env(server))
            assert proc.returncode == 0
            while len(smtp.inbox.messages) - before < n_desks:
                time.sleep(0.05)
            seconds = time.monotonic() - start
            while not queue_is_idle(server.client):
                time.sleep(0.05)
            recipients = [r for _, rs in smtp.inbox.envelopes[before:] for r in rs]
            assert len(set(recipients)) == len(recipients) == n_desks, "a desk mailed twice"
        finally:
            workers.stop()
            smtp.stop()
            server.stop()
    return {"desks": n_desks, "workers": n_workers, "seconds": round(seconds, 1),
            "desks_per_minute": round(n_desks / seconds * 60, 1)}


def _warm_up(server: RedisServer, workers: Workers, smtp: SmtpServer, tmp: Path) -> None:
    """One desk per worker first, so that starting Python and importing is not measured."""
    warm = tmp / "warm"
    warm.mkdir()
    desks = write_desks(warm, [f"warm{n}" for n in range(len(workers.procs))], smtp.port)
    subprocess.run([sys.executable, "-m", "briefgen.cli", "dispatch", "--desks", str(desks),
                    "--date", DAY, "-q"], cwd=ROOT, check=True, env=_env(server))
    while len(smtp.inbox.messages) < len(workers.procs) or not queue_is_idle(server.client):
        time.sleep(0.05)


def _env(server: RedisServer) -> dict[str, str]:
    import os

    return {**os.environ, "BRIEFGEN_BROKER_URL": server.url, "PYTHONPATH": str(ROOT)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--desks", type=int, default=200)
    args = parser.parse_args()
    one = run_desks(args.desks, 1)
    print(json.dumps(one), flush=True)
    two = run_desks(args.desks, 2)
    print(json.dumps(two), flush=True)
    print("\n| workers | desks | seconds | desks per minute |\n|---|---|---|---|")
    for row in (one, two):
        print(f"| {row['workers']} | {row['desks']} | {row['seconds']} | "
              f"{row['desks_per_minute']} |")
    print(f"\nscaling factor, two workers over one: "
          f"{two['desks_per_minute'] / one['desks_per_minute']:.2f}")


if __name__ == "__main__":
    main()
