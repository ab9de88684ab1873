"""`dispatch`, `status` and `schedule --desks` as a user runs them, against a real redis-server
(no workers here: what was queued stays in the queue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.claims import DeskState
from briefgen.desk_schedule import dispatch_due

from .desk_kit import DAY, write_desks
from .desk_kit import cli as run
from .redisserver import RedisServer, redis_server
from .servers import free_port

__all__ = ["redis_server"]


@pytest.fixture
def empty(redis_server: RedisServer) -> RedisServer:
    redis_server.client.flushdb()
    return redis_server


def test_dispatch_queues_one_task_per_desk_and_status_shows_them_pending(tmp_path: Path,
                                                                         empty: RedisServer):
    desks = write_desks(tmp_path, ["east", "west", "north"], 25)
    proc = run(empty.url, "dispatch", "--desks", str(desks), "--date", DAY)
    assert proc.returncode == 0, proc.stderr
    assert f"queued 3 desks for {DAY}" in proc.stderr
    assert empty.client.llen("celery") == 3
    out = run(empty.url, "status", "--desks", str(desks), "--date", DAY)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert [ln.split()[:3] for ln in lines[:-1]] == [
        ["east", DAY, "pending"], ["north", DAY, "pending"], ["west", DAY, "pending"]]
    assert lines[-1] == "3 pending, 0 sent, 0 failed of 3"


def test_a_bad_desk_is_named_and_the_others_are_queued(tmp_path: Path, empty: RedisServer):
    desks = write_desks(tmp_path, ["good", "bad"], 25)
    (desks / "bad.yaml").write_text((desks / "bad.yaml").read_text() + "\nmax_wrds: 3\n")
    proc = run(empty.url, "dispatch", "--desks", str(desks), "--date", DAY)
    assert proc.returncode == 2
    assert "error: desk bad: " in proc.stderr and "max_wrds: unknown key" in proc.stderr
    assert empty.client.llen("celery") == 1


def test_an_unreachable_broker_is_one_line_naming_it(tmp_path: Path):
    desks = write_desks(tmp_path, ["lonely"], 25)
    url = f"redis://127.0.0.1:{free_port()}/0"
    for args in (["dispatch", "--desks", str(desks)], ["status", "--desks", str(desks)],
                 ["worker"]):
        proc = run(url, *args)
        assert proc.returncode == 1
        [line] = proc.stderr.splitlines()
        assert line.startswith(f"briefgen: error: broker {url}: cannot connect")


def test_a_broker_url_that_is_not_redis_is_one_line(tmp_path: Path):
    desks = write_desks(tmp_path, ["lonely"], 25)
    proc = run("http://127.0.0.1:1/", "status", "--desks", str(desks))
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith("briefgen: error: broker http://127.0.0.1:1/: Redis URL must")


def test_no_desks_is_one_line(tmp_path: Path, empty: RedisServer):
    proc = run(empty.url, "dispatch", "--desks", str(tmp_path))
    assert proc.returncode != 0
    assert proc.stderr.splitlines() == [f"briefgen: error: {tmp_path}: no desk configs (*.yaml) "
                                        "in it"]


def test_the_scheduled_job_dispatches_the_desks_of_its_cron_time(tmp_path: Path,
                                                                 empty: RedisServer,
                                                                 monkeypatch):
    desks = write_desks(tmp_path, ["morning", "early"], 25)
    early = desks / "early.yaml"
    early.write_text(early.read_text() + 'schedule: {cron: "0 5 * * *"}\n')
    monkeypatch.setenv("BRIEFGEN_BROKER_URL", empty.url)
    dispatch_due(desks, "0 7 * * *", "UTC")
    [task] = empty.client.lrange("celery", 0, -1)
    assert b"morning.yaml" in task and b"early.yaml" not in task


def test_status_exits_non_zero_when_a_brief_failed_or_a_desk_is_invalid(tmp_path: Path,
                                                                        empty: RedisServer):
    desks = write_desks(tmp_path, ["east", "west"], 25)
    state = DeskState(empty.client, "west", DAY)
    claim = state.claim(30)
    assert claim
    state.ledger(claim).put(DAY, {"status": "failed", "reason": "refused: 550 no such user"})
    proc = run(empty.url, "status", "--desks", str(desks), "--date", DAY)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines()[-1] == "1 pending, 0 sent, 1 failed of 2"
    (desks / "north.yaml").write_text("max_wrds: 3\n")
    proc = run(empty.url, "status", "--desks", str(desks), "--date", DAY)
    assert proc.returncode == 2
    assert "north" in proc.stdout and "max_wrds" in proc.stdout
