"""A full disk and a read-only state directory, for real (a small tmpfs, a read-only mount):
nothing is sent without its record, and no brief is half replaced."""

from __future__ import annotations

from pathlib import Path

from .conftest import DEFAULT_CONFIG, SEEDS
from .delivery_kit import fault_config, with_date
from .faultsmtp import FaultySmtp
from .smallfs import briefgen, fill, needs_namespaces, run_script
from .test_delivery import DAY

pytestmark = needs_namespaces


def test_disk_full_at_the_ledger_sends_nothing_until_there_is_room(tmp_path: Path,
                                                                   brief_eml: bytes):
    server = FaultySmtp()
    try:
        config = fault_config(tmp_path, server.port)
        config.write_text(config.read_text().replace("  smtp: {", "  retry_after: 0s\n  smtp: {"))
        eml = tmp_path / "brief.eml"
        eml.write_bytes(with_date(brief_eml, DAY))
        state, logs = tmp_path / "state", tmp_path / "logs"
        state.mkdir()
        run = ["run", "--config", str(config), "--date", DAY]
        results = run_script([
            f"mount -t tmpfs -o size=64k tmpfs {state}",
            f"mkdir {state / 'outbox'}",  # the outbox has room, the ledger beside it has none
            f"mount -t tmpfs -o size=8m tmpfs {state / 'outbox'}",
            f"cp {eml} {state / 'outbox' / f'brief-{DAY}.eml'}",
            fill(state),
            *(briefgen(logs, f"full{i}", *run) for i in range(3)),
            f"ls {state / 'outbox'} > {logs / 'outbox.txt'}",
            f"rm {state / 'filler'}",
            briefgen(logs, "room", *run),
            briefgen(logs, "again", *run),
        ], logs)
        for i in range(3):
            code, err = results[f"full{i}"]
            assert code == 1
            [line] = [ln for ln in err.splitlines() if "error:" in ln]
            assert "ledger.json: cannot write the ledger: No space left on device" in line
            assert "was not sent" in line
        assert (logs / "outbox.txt").read_text().split() == [f"brief-{DAY}.eml"]
        assert results["room"][0] == 0, results["room"][1]
        assert results["again"][0] == 0 and "already sent" in results["again"][1]
        assert len(server.received) == 1
    finally:
        server.stop()


def test_a_read_only_state_dir_is_one_line_and_nothing_is_sent(tmp_path: Path,
                                                               brief_eml: bytes):
    server = FaultySmtp()
    try:
        config = fault_config(tmp_path, server.port)
        state, logs = tmp_path / "state", tmp_path / "logs"
        (state / "outbox").mkdir(parents=True)
        (state / "outbox" / f"brief-{DAY}.eml").write_bytes(brief_eml)
        results = run_script([
            f"mount --bind {state} {state}",
            f"mount -o remount,bind,ro {state}",
            briefgen(logs, "ro", "run", "--config", str(config), "--date", DAY),
        ], logs)
        code, err = results["ro"]
        assert code == 1
        [line] = [ln for ln in err.splitlines() if "error:" in ln]
        assert "Read-only file system" in line
        assert server.received == []
        assert (state / "outbox" / f"brief-{DAY}.eml").exists()
    finally:
        server.stop()


def test_disk_full_in_the_out_dir_leaves_the_previous_brief_whole(tmp_path: Path):
    out, logs = tmp_path / "out", tmp_path / "logs"
    out.mkdir()
    old = {f"brief-{DAY}.{fmt}": f"previous {fmt}\n".encode() for fmt in ("html", "pdf", "json",
                                                                         "md")}
    config = tmp_path / "brief.yaml"
    config.write_text(DEFAULT_CONFIG.read_text().replace("../seeds", str(SEEDS)))
    results = run_script([
        f"mount -t tmpfs -o size=48k tmpfs {out}",  # room for the new HTML, not for the PDF
        *(f"printf 'previous {name.rsplit('.', 1)[1]}\\n' > {out / name}" for name in old),
        f"head -c 8192 /dev/zero > {out / 'filler'}",
        briefgen(logs, "build", "build", "--config", str(config), "--out", str(out)),
        f"rm {out / 'filler'}",
        f"tar -C {out} -cf {tmp_path / 'after.tar'} .",
    ], logs)
    code, err = results["build"]
    assert code == 1
    [line] = [ln for ln in err.splitlines() if "error:" in ln]
    assert "No space left on device" in line and "previous brief is unchanged" in line
    assert line.startswith(f"briefgen: error: {out}/brief-{DAY}."), line  # the file, not out/
    import tarfile

    with tarfile.open(tmp_path / "after.tar") as tar:
        after = {Path(m.name).name: tar.extractfile(m).read() for m in tar.getmembers()
                 if m.isfile()}
    assert after == old  # every old file as it was, no new one, no temp file


def test_a_full_state_dir_keeps_no_pages_or_seen_items_but_makes_the_brief(tmp_path: Path):
    """The page cache and seen.json only spare work and repeats: on a full disk the brief is
    made and archived with a warning for each (both were internal errors, exit 70)."""
    from .servers import Site
    from .test_feeds import PARAGRAPHS, config_for, feed, page

    site = Site({"/talks": page("Ministers talk", PARAGRAPHS["/talks"])})
    try:
        site.pages["/feed.xml"] = feed(site.url, ["/talks"])
        config = config_for(tmp_path, f"sources:\n  - feed: {site.url}/feed.xml\n"
                                      "    new_only: true\n")
        state, out, logs = tmp_path / "state", tmp_path / "out", tmp_path / "logs"
        state.mkdir()
        results = run_script([
            f"mount -t tmpfs -o size=64k tmpfs {state}",
            f"mkdir {state / 'briefs'}",  # the archive has room, pages and seen.json none
            f"mount -t tmpfs -o size=8m tmpfs {state / 'briefs'}",
            fill(state),
            briefgen(logs, "build", "build", "--config", str(config), "--out", str(out),
                     "--format", "json"),
            f"ls {state / 'briefs'} > {logs / 'archived.txt'}",
        ], logs)
    finally:
        site.stop()
    code, err = results["build"]
    assert code == 0, err
    assert f"warning: {state / 'pages'}: fetched pages are not kept (No space left on " \
           "device); the next run fetches them again" in err, err
    assert f"warning: {state / 'seen.json'}: cannot record the items seen (No space left on " \
           "device); a later brief may show them again" in err, err
    assert (out / "brief-2025-03-04.json").exists()
    assert (logs / "archived.txt").read_text().split() == ["2025-03-04"]
