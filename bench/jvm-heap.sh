#!/bin/sh
# Prints "USED_KB COMMITTED_KB" of a running JVM's Java heap, whatever its collector:
#   bench/jvm-heap.sh PID [--full-gc]      (--full-gc: a full collection first, so USED is the live set)
# jcmd GC.heap_info prints one unindented line per heap part with "used NK": G1 one line for the whole heap
# ("garbage-first heap total reserved R, committed C, used U"), Serial two ("DefNew total C, used U" and
# "Tenured total C, used U"), Parallel two (PSYoungGen, ParOldGen). Reading only the first line, or only G1's
# wording, gave 0 or the young generation alone under Serial (the launcher's collector up to 1 GB of heap).
set -eu
pid=$1
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
[ "${2:-}" = --full-gc ] && "$jcmd" "$pid" GC.run > /dev/null
"$jcmd" "$pid" GC.heap_info | awk '
  /^[^ \t]/ && / used [0-9]+K/ {
    for (i = 1; i < NF; i++) {
      v = $(i + 1); sub(/K.*/, "", v)
      if ($i == "used") used += v
      else if ($i == "committed") committed += v
      else if ($i == "total" && $(i + 1) ~ /^[0-9]/) total += v
    }
    found = 1
  }
  END {
    if (!found) { print "jvm-heap.sh: no heap line in GC.heap_info" > "/dev/stderr"; exit 1 }
    printf "%d %d\n", used, (committed ? committed : total)
  }'
