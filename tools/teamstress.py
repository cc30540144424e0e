#!/usr/bin/env python3
"""Several coders on one team project at once, for a while: is anything lost or doubled?

    tools/teamstress.py URL [--coders 8] [--seconds 60]

Starts N coder processes on the server project URL (a copy of the sample is pushed there
first if it is empty). Each applies codes to random spans, removes some and undoes some of its
own actions, printing every action the project acknowledged. At the end: every acknowledged
segment that was not removed or undone is there, no segment is doubled, and no coder met an
error a user would have seen (a deadlock, a serialization failure, a traceback). Exit 0 when
all holds. A short run is part of the tests (tests/e2e/test_team_stress.py).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter


def coder(url: str, name: str, seconds: float, seed: int) -> int:
    from sqlalchemy import select

    from dotsdesk.errors import DotsError
    from dotsdesk.model import Code, Response
    from dotsdesk.services.coding import segments as coding
    from dotsdesk.store import Project

    rng = random.Random(seed)
    with Project.open(url, undo=True) as project:
        with project.read() as s:
            texts = {rid: len(t) for rid, t in s.execute(select(Response.id, Response.text))}
            codes = list(s.scalars(select(Code.id)))
        mine: list[tuple[int, object]] = []  # (segment id, undo step) of my live segments
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            roll = rng.random()
            try:
                if roll < 0.6 or not mine:
                    rid = rng.choice([r for r, n in texts.items() if n > 2])
                    start = rng.randrange(0, texts[rid] - 1)
                    stop = rng.randrange(start + 1, min(texts[rid], start + 40) + 1)
                    code = rng.choice(codes)
                    seg, step = project.record(
                        lambda s, rid=rid, a=start, b=stop, c=code: (
                            coding.code_span(s, rid, a, b, [c], coder=name).id
                        )
                    )
                    mine.append((seg, step))
                    print(json.dumps({"op": "add", "segment": seg}), flush=True)
                elif roll < 0.8:
                    seg, _ = mine.pop(rng.randrange(len(mine)))
                    project.record(lambda s, seg=seg: coding.uncode(s, seg))
                    print(json.dumps({"op": "remove", "segment": seg}), flush=True)
                else:
                    seg, step = mine.pop()
                    project.replay(step)  # Ctrl+Z on my newest live segment
                    print(json.dumps({"op": "undo", "segment": seg}), flush=True)
            except DotsError as exc:  # a refusal the user reads: fine, but counted
                print(json.dumps({"op": "refused", "why": str(exc)}), flush=True)
    return 0


def check(url: str, logs: list[list[dict[str, object]]]) -> tuple[int, int, int]:
    """(acknowledged segments missing, doubled segments, live segments expected)."""
    from sqlalchemy import func, select

    from dotsdesk.model import Segment
    from dotsdesk.store import Project

    alive: set[int] = set()
    for log in logs:
        for entry in log:
            if entry["op"] == "add":
                alive.add(int(entry["segment"]))  # type: ignore[arg-type]
            elif entry["op"] in ("remove", "undo"):
                alive.discard(int(entry["segment"]))  # type: ignore[arg-type]
    with Project.open(url, readonly=True) as project, project.read() as s:
        present = set(s.scalars(select(Segment.id)))
        doubled = s.execute(
            select(func.count())
            .select_from(Segment)
            .group_by(Segment.response_id, Segment.start, Segment.end, Segment.coder_id)
            .having(func.count() > 1)
        ).all()
    return len(alive - present), len(doubled), len(alive)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--coders", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--kill",
        action="store_true",
        help="kill -9 one coder half way: only its unacknowledged action may be lost",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return coder(args.url, args.worker, args.seconds, args.seed)

    from dotsdesk.services.sample import build_sample
    from dotsdesk.store import Project
    from dotsdesk.store.copying import is_empty

    with Project.open(args.url) as project:
        with project.engine.connect() as conn:
            empty = is_empty(conn)
        if empty:
            with project.write() as s:
                build_sample(s)
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                args.url,
                "--worker",
                f"coder{i}",
                "--seed",
                str(i),
                "--seconds",
                str(args.seconds),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(args.coders)
    ]
    if args.kill:
        time.sleep(args.seconds / 2)
        workers[0].kill()
    logs, problems = [], []
    for i, w in enumerate(workers):
        out, err = w.communicate(timeout=args.seconds + 120)
        logs.append([json.loads(line) for line in out.splitlines() if line.startswith("{")])
        killed = args.kill and i == 0
        if (w.returncode != 0 and not killed) or "Traceback" in err:
            problems.append(err.strip().splitlines()[-1] if err.strip() else f"exit {w.returncode}")
    missing, doubled, expected = check(args.url, logs)
    ops = Counter(str(e["op"]) for log in logs for e in log)
    refusals = Counter(
        str(e.get("why", ""))[:60] for log in logs for e in log if e["op"] == "refused"
    )
    print(
        f"{args.coders} coders, {args.seconds:g} s: {sum(ops.values())} actions "
        f"({', '.join(f'{n} {op}' for op, n in sorted(ops.items()))}); "
        f"{expected} segments expected, {missing} missing, {doubled} doubled; "
        f"{len(problems)} coder(s) failed" + ("; coder0 killed half way" if args.kill else "")
    )
    for why, n in refusals.most_common(3):
        print(f"  refused {n}x: {why}")
    for p in problems:
        print(f"  failed: {p}")
    return 0 if not (missing or doubled or problems) else 1


if __name__ == "__main__":
    sys.exit(main())
