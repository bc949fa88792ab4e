#!/usr/bin/env python3
"""Cold start of the agent (issue 17): from the JVM's launch to the first /status answer, and to the first
score of a host the shipped model was trained on (replaying ml_models/datasets/faults/run-1/fault-host.csv
with ml_models/anomaly_model.ser: the score appears in /metrics as smartcloudops_anomaly_score{host=...}).
Each variant is started RUNS times, alternating variants so machine load hits them alike; medians printed.

  bench/sidecar/startup.py [--runs 7] [--variant NAME=JAR|JVM_OPTIONS ...]

JVM_OPTIONS may be @launcher: started by packaging/bin/smartcloudops-agent as systemd and the container
start it (its options, and its AOT cache, recorded by an unmeasured first start). Every agent binds a free loopback port of its own. Writes
bench/sidecar/results/startup-<UTC time>.txt as well.
"""
import argparse, http.client, os, shutil, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOKEN = "bench-viewer-token-0123456789"
MODEL = os.path.join(ROOT, "ml_models", "anomaly_model.ser")
CSV = os.path.join(ROOT, "ml_models", "datasets", "faults", "run-1", "fault-host.csv")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        c.request("GET", path, headers={"Authorization": "Bearer " + TOKEN})
        r = c.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        c.close()


def java_home():
    out = subprocess.run(["bash", "-c", ". scripts/java-home.sh && echo $JAVA_HOME"], cwd=ROOT, capture_output=True, text=True)
    return out.stdout.strip()


def start(java, jar, opts, work, replay):
    port = free_port()
    config = os.path.join(work, "agent.yaml")
    with open(config, "w") as f:
        f.write("detect:\n  model: \"%s\"\n" % (MODEL if replay else ""))
        if replay:
            f.write("source:\n  spec: replay:%s\n" % CSV)
    env = dict(os.environ, SMARTCLOUDOPS_VIEWER_TOKEN=TOKEN, SMARTCLOUDOPS_LOGS_DIR=os.path.join(work, "logs"))
    serve = ["--config", config, "--bind", "127.0.0.1:%d" % port]
    if opts == ["@launcher"]:  # as systemd and the container start it, with its AOT cache in the work directory
        env.update(SMARTCLOUDOPS_JAR=jar, SMARTCLOUDOPS_CACHE_DIR=os.path.join(work, "cache"),
                   JAVA_HOME=os.path.dirname(os.path.dirname(java)))
        command = [os.path.join(ROOT, "packaging", "bin", "smartcloudops-agent"), *serve]
    else:
        command = [java, *opts, "--enable-native-access=ALL-UNNAMED", "-jar", jar, "serve", *serve]
    t0 = time.monotonic()
    p = subprocess.Popen(command, cwd=work, env=env, stdout=open(os.path.join(work, "agent.log"), "ab"),
                         stderr=subprocess.STDOUT)
    return p, port, t0


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU time of the process and its threads: less sensitive to a busy machine than wall time."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def wait_for(p, t0, check, limit=120, cpu=None):
    while time.monotonic() - t0 < limit:
        if p.poll() is not None:
            raise RuntimeError("agent exited with %s" % p.returncode)
        try:
            if check():
                if cpu is not None:
                    cpu.append(cpu_seconds(p.pid))
                return time.monotonic() - t0
        except OSError:
            pass
        time.sleep(0.005)
    raise RuntimeError("timed out")


def one_run(java, jar, opts, work):
    out = {}
    p, port, t0 = start(java, jar, opts, work, replay=False)
    try:
        cpu = []
        out["status"] = wait_for(p, t0, lambda: get(port, "/status")[0] == 200, cpu=cpu)
        out["status_cpu"] = cpu[0]
    finally:
        p.terminate(); p.wait()
    p, port, t0 = start(java, jar, opts, work, replay=True)
    try:
        out["status_replay"] = wait_for(p, t0, lambda: get(port, "/status")[0] == 200)
        out["scored"] = wait_for(p, t0, lambda: 'smartcloudops_anomaly_score{host="fault-host"}' in get(port, "/metrics")[1])
    finally:
        p.terminate(); p.wait()
    with open(os.path.join(work, "agent.log"), errors="replace") as f:
        bad = [l for l in f if "Not a valid shared archive" in l or " ERROR " in l or "[warning]" in l]
    out["bad_lines"] = len(bad)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--variant", action="append", default=[])
    a = ap.parse_args()
    java = os.path.join(java_home(), "bin", "java")
    variants = a.variant or ["default=agent/target/smartcloudops-agent.jar|", "sidecar=agent/target/smartcloudops-agent.jar|@launcher"]
    parsed = []
    for v in variants:
        name, rest = v.split("=", 1)
        jar, opts = rest.split("|", 1)
        parsed.append((name, os.path.abspath(os.path.join(ROOT, jar)), opts.split()))
    os.makedirs(os.path.join(ROOT, "bench", "sidecar", "results"), exist_ok=True)
    path = os.path.join(ROOT, "bench", "sidecar", "results", time.strftime("startup-%Y%m%dT%H%M%SZ.txt", time.gmtime()))
    lines = []

    def say(s):
        print(s, flush=True)
        lines.append(s)

    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    say("%s, %d cores, load average %s; %d runs per variant, alternating" % (
        time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count(), load, a.runs))
    results = {n: [] for n, _, _ in parsed}
    works = {n: tempfile.mkdtemp() for n, _, _ in parsed}
    try:
        for n, jar, opts in parsed:  # unmeasured: fills page cache and, with @launcher, writes the archive
            one_run(java, jar, opts, works[n])
        for i in range(a.runs):
            for n, jar, opts in parsed:
                r = one_run(java, jar, opts, works[n])
                results[n].append(r)
                say("run %d %-10s first /status %6.0f ms (CPU %5.0f ms); replay: /status %6.0f ms, fault-host scored %6.0f ms; "
                    "archive/error lines in log %d" % (i + 1, n, 1000 * r["status"], 1000 * r["status_cpu"],
                                                       1000 * r["status_replay"], 1000 * r["scored"], r["bad_lines"]))
        for n, jar, opts in parsed:
            rs = results[n]
            say("%-10s median first /status %.0f ms (min %.0f, max %.0f), CPU until then %.0f ms; fault-host scored %.0f ms; jar %.0f MB; JVM %s" % (
                n, 1000 * statistics.median(r["status"] for r in rs), 1000 * min(r["status"] for r in rs),
                1000 * max(r["status"] for r in rs), 1000 * statistics.median(r["status_cpu"] for r in rs),
                1000 * statistics.median(r["scored"] for r in rs),
                os.path.getsize(jar) / 1e6, " ".join(opts) or "(defaults)"))
    finally:
        for w in works.values():
            shutil.rmtree(w, ignore_errors=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("results in", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    sys.exit(main())
