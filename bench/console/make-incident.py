#!/usr/bin/env python3
"""Writes the walkthrough's replayed incident: bench/console/incident/{web-1,web-2,db-1}.csv.

Three hosts in the host CSV format (DESIGN.md), one row every 5 s, 600 rows (50 minutes). Values are
noisy and follow a slow daily-like wave so charts look like a real host; web-1 gets an injected CPU
saturation (rows 180-215: CPU about 95 %, load average about 3.8) - the incident the walkthrough and
the demo recording replay. Seeded: running it again writes the same files. Data generated for this
project (no third-party data), GPL-3.0-or-later like the rest of the repository.

    python3 bench/console/make-incident.py
"""
import math
import os
import random
from datetime import datetime, timedelta, timezone

ROWS = 600
STEP = timedelta(seconds=5)
START = datetime(2026, 1, 5, 10, 0, 0, tzinfo=timezone.utc)
SPIKE = range(180, 216)  # web-1's CPU saturation: 36 rows = 3 minutes at 5 s


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def host(name, seed, cpu, mem, disk, disk_io, net_in, net_out, load, spike=False):
    rnd = random.Random(seed)
    rows = []
    for i in range(ROWS):
        wave = math.sin(2 * math.pi * i / 60)  # a 5-minute cycle: the 10 learning minutes see it twice
        c = cpu + 5 * wave + rnd.gauss(0, 2.0)
        l1 = load + 0.3 * wave + rnd.gauss(0, 0.08)
        if spike and i in SPIKE:
            c = 95 + rnd.gauss(0, 1.2)
            l1 = 3.8 + rnd.gauss(0, 0.15)
        rows.append((
            (START + i * STEP).strftime("%Y-%m-%dT%H:%M:%SZ"),
            f"{clamp(c, 0, 100):.1f}",
            f"{clamp(mem + 0.002 * i + rnd.gauss(0, 0.25), 0, 100):.2f}",
            f"{clamp(disk + 0.0004 * i, 0, 100):.3f}",
            f"{clamp(disk_io + 1.5 * wave + rnd.gauss(0, 0.8), 0, 100):.2f}",
            f"{max(0, net_in * (1 + 0.15 * wave) + rnd.gauss(0, net_in * 0.05)):.0f}",
            f"{max(0, net_out * (1 + 0.15 * wave) + rnd.gauss(0, net_out * 0.05)):.0f}",
            f"{max(0, l1):.2f}",
        ))
    return name, rows


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "incident")
    os.makedirs(out, exist_ok=True)
    hosts = [
        host("web-1", 1, cpu=32, mem=48, disk=63.2, disk_io=4, net_in=150_000, net_out=120_000, load=1.1, spike=True),
        host("web-2", 2, cpu=30, mem=46, disk=61.8, disk_io=4, net_in=140_000, net_out=115_000, load=1.0),
        host("db-1", 3, cpu=16, mem=71, disk=44.0, disk_io=12, net_in=60_000, net_out=85_000, load=0.7),
    ]
    for name, rows in hosts:
        with open(os.path.join(out, name + ".csv"), "w", encoding="ascii", newline="\n") as f:
            f.write("timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1\n")
            for r in rows:
                f.write(",".join(r) + "\n")
        print(f"wrote {os.path.join(out, name + '.csv')} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
