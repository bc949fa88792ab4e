#!/bin/sh
# One line of where a running JVM's memory goes, from Native Memory Tracking (the JVM must run with
# -XX:NativeMemoryTracking=summary): committed MB in all, then each part of 1 MB or more, largest first.
#   bench/jvm-native.sh PID      e.g. "NMT committed 231 MB: Java Heap 128, Class 41, Code 21, Thread 9, ..."
# Committed is what the JVM asked the OS for; resident (RSS) can be less (untouched pages) or more (malloc
# arenas keep freed memory, shared libraries, the AOT cache's mapped file).
set -eu
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
"$jcmd" "$1" VM.native_memory summary | awk '
  /^Total: / { for (i = 1; i <= NF; i++) if ($i ~ /^committed=/) { v = $i; gsub(/[^0-9]/, "", v); total = v } }
  /^-  / && /committed=/ {
    line = $0; sub(/^- +/, "", line); name = line; sub(/ \(reserved=.*/, "", name)
    v = line; sub(/.*committed=/, "", v); sub(/KB.*/, "", v); v += 0
    if (v >= 1024) { n++; names[n] = name; kb[n] = v }
  }
  END {
    if (!total) { print "no NMT summary (start the JVM with -XX:NativeMemoryTracking=summary)"; exit 1 }
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (kb[j] > kb[i]) { t = kb[i]; kb[i] = kb[j]; kb[j] = t; t = names[i]; names[i] = names[j]; names[j] = t }
    printf "NMT committed %.0f MB:", total / 1024
    for (i = 1; i <= n; i++) printf "%s %s %.0f", (i > 1 ? "," : ""), names[i], kb[i] / 1024
    print ""
  }'
