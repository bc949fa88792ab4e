#!/usr/bin/python3
"""scikit-learn's IsolationForest on the feature files ForestSpeedBench.java wrote: one forest per series
(n_estimators=100, max_samples=256, like the Java side) fitted on its first P rows, every row scored with
score_samples. Single process, default n_jobs (one core), Debian's python3-sklearn.

Run: /usr/bin/python3 bench/detect/sklearn_bench.py FEATURE_DIR [repeats]"""
import glob
import os
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest

feature_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/forest-bench"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
series = []
for f in sorted(glob.glob(os.path.join(feature_dir, "*.features.csv"))):
    with open(f) as fh:
        p = int(fh.readline().split("=")[1])
    x = np.loadtxt(f, delimiter=",", comments="#")
    series.append((x, p))
rows = sum(len(x) for x, _ in series)
fitted = sum(p for _, p in series)
print("sklearn %s numpy %s series=%d rows=%d fitted_rows=%d" % (sklearn.__version__, np.__version__, len(series), rows, fitted))

for w in range(2):  # warm-up
    for x, p in series:
        IsolationForest(n_estimators=100, max_samples=256, random_state=w).fit(x[:p]).score_samples(x)

fit_t, score_t = [], []
for k in range(repeats):
    forests = []
    t0 = time.perf_counter()
    for x, p in series:
        forests.append(IsolationForest(n_estimators=100, max_samples=256, random_state=k).fit(x[:p]))
    fit_t.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    for f, (x, _) in zip(forests, series):
        f.score_samples(x)
    score_t.append(time.perf_counter() - t0)
for name, t, n in (("sklearn_fit", fit_t, fitted), ("sklearn_score", score_t, rows)):
    m = statistics.median(t)
    print("%s median_s=%.4f rows_per_s=%.0f all=%s" % (name, m, n / m, [round(v, 4) for v in t]))
