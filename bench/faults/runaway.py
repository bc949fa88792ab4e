#!/usr/bin/python3
"""A runaway process for the fault recordings: spins one CPU core and leaks memory at a steady rate
(touching every page so it is really resident), up to a cap, until a deadline. Bounded on purpose:
the machine is shared."""
import sys
import time

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 180
mb_per_second = float(sys.argv[2]) if len(sys.argv) > 2 else 30
cap_mb = float(sys.argv[3]) if len(sys.argv) > 3 else 6000

leak = []
start = time.monotonic()
next_alloc = start
while True:
    now = time.monotonic()
    if now - start >= seconds:
        break
    if now >= next_alloc and len(leak) * 8 < cap_mb:
        chunk = bytearray(8 * 1024 * 1024)
        for i in range(0, len(chunk), 4096):
            chunk[i] = 1
        leak.append(chunk)
        next_alloc += 8 / mb_per_second
    x = 0
    for i in range(20000):  # busy loop between allocations: one core at 100 %
        x += i * i
