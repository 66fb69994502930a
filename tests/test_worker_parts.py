"""bench/worker_parts.py: one traced command's table, per process, from its trace (no command run, no timing)."""

import sys

import pytest
from checkout_paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))


def ev(t, pid, role, event, cpu=0.0, thread=0.0, **more):
    return {"t": t, "pid": pid, "role": role, "event": event, "cpu": cpu, "thread": thread, "user": cpu, "sys": 0.0,
            "minflt": 1000, **more}


TRACE = [
    ev(0.05, 1, "caller", "start", 0.03, 0.03),
    ev(0.30, 2, "host", "host start"),
    ev(1.00, 3, "worker", "worker start"),
    ev(1.01, 4, "worker", "worker start"),
    ev(3.00, 3, "worker", "batch", 2.0, 2.0, start=1.0, docs=4, chars=40_000),
    ev(4.50, 4, "worker", "batch", 3.4, 3.4, start=1.01, docs=4, chars=30_000),
    ev(4.00, 3, "worker", "batch", 2.9, 2.9, start=3.0, docs=1, chars=900),
    ev(4.01, 3, "worker", "worker end", 2.9, 2.9),
    ev(4.02, 3, "worker", "parts", 2.9, 2.9, parts={"component: ner": [1.5, 2.0, 3], "bytes sent": [0, 0, 52_000]}),
    ev(4.51, 4, "worker", "worker end", 3.4, 3.4),
    ev(4.52, 4, "worker", "parts", 3.4, 3.4, parts={"component: ner": [1.8, 2.4, 1]}),
    ev(5.40, 1, "caller", "exit", 2.0, 1.6),
    ev(5.41, 1, "caller", "parts", 2.0, 1.6, parts={"resolution": [0.8, 0.9, 1]}),
]


@pytest.mark.parametrize("row", [
    "| caller 1 | resolution | 0.800 | 0.900 | 1 |",
    "| caller 1 | warm-up thread (process CPU − main thread) | 0.400 | | |",   # the exit's process − thread CPU
    "| worker 3 | component: ner | 1.500 | 2.000 | 3 |",
    "| worker 3 | results pickled, size | 0.05 MB | | |",                       # a count, not a part
    "| worker 3 | 2 | 5 | 40,900 | 4.00 | 0.50 | 4.01 |",                     # done 0.5 s before the other's last
    "| worker 4 | 1 | 4 | 30,000 | 4.50 | 0.00 | 4.51 |",
])
def test_the_table_holds_each_process_part_and_the_split(row):
    from worker_parts import report

    lines = report(5.5, sorted(TRACE, key=lambda e: e["t"])).splitlines()
    assert row in lines, "\n".join(lines)


def test_resolve_stages_counts_resolutions_stages_with_the_one_thread_clock(monkeypatch):
    """bench/resolve_stages.py puts `worker_parts.thread_stage_clock` where the checkout keeps resolve_store's stage
    clock: a tick adds thread CPU seconds to the script's own table, whatever timings resolve_store hands it; leaving
    puts graphkit's clock back (it stayed for the rest of the process: a later in-process build's stages went to the
    script's table)."""
    import graphkit.resolution as resolution
    import resolve_stages

    own = resolution.StageClock
    monkeypatch.setattr(resolution, "StageClock", own)  # put back after the test, whatever it finds
    stages: dict = {}
    with resolve_stages._counting_stages(stages):
        clock = resolution.StageClock(None)
        clock("read")
        clock("actors")
        assert resolution.StageClock.__qualname__.endswith("ThreadClock") and list(stages) == ["read", "actors"]
    assert resolution.StageClock is own


def test_resolve_stages_has_the_words_child_write_its_own_cpu_while_it_builds():
    """bench/resolve_stages.py's ``words_child_cpu``: while the script builds, the child `graphkit.textmemo.work_out_beside`
    forks writes its CPU seconds where the script reads them, after sending its work (fails with the child left
    untimed); graphkit's function is put back after (a later build in the process, a test's, is not timed into a
    folder gone since: fails with it left wrapped)."""
    import multiprocessing as mp

    import graphkit.textmemo as textmemo
    import resolve_stages

    original = textmemo._work_out
    with resolve_stages._words_child_timed() as words_child_cpu:
        assert words_child_cpu() is None  # no child has run
        reader, writer = mp.Pipe(duplex=False)
        textmemo._work_out(["Ann Lee said so."], writer)  # here, not forked: the same function the child runs
        assert isinstance(reader.recv(), dict) and words_child_cpu() >= 0
    assert textmemo._work_out is original


def test_resolve_stages_leaves_no_folder_and_no_wrap_when_the_build_raises(tmp_path):
    """A build that raises inside the words child's timing (a user's bad corpus, said in one line by the script)
    leaves graphkit's function as it was and the timing's folder removed (fails with the cleanup after the build
    only)."""
    import graphkit.textmemo as textmemo
    import resolve_stages

    original, made = textmemo._work_out, []
    with pytest.raises(ValueError):
        with resolve_stages._words_child_timed(under=tmp_path):
            made.extend(tmp_path.iterdir())  # the timing's folder, made where it was told
            raise ValueError("no article")
    assert textmemo._work_out is original
    assert made and not any(p.exists() for p in made) and not list(tmp_path.iterdir())
