#!/usr/bin/env python3
"""Failure drills on the loopback HA rig (docs/deploy.md), started by db-up.sh and app-up.sh.

1. Three instances under wrk (tiles, items) and a mixed read/write load: kill -9 one instance,
   count the errors (bounded by the requests in flight), see HAProxy route around it, restart it
   and time its return.
2. Under write load, kill -9 the PostgreSQL primary and its Patroni: Patroni promotes the
   synchronous replica; measure the time until writes succeed again; check that every write
   answered 2xx, before or after the failover, is in the store.

Prints one JSON summary; exits 1 when a check fails. --short is the CI form (15 s of load per
drill; with the rig, 2½–5 minutes on the shared 2-core machine).
"""
import argparse, base64, json, os, random, signal, subprocess, sys, threading, time
import urllib.request, urllib.error

HERE = os.path.dirname(os.path.abspath(__file__))
HA_DIR = os.environ.get("HA_DIR", "/tmp/jointworks-ha")
BASE = int(os.environ.get("HA_PORT_BASE", "18700"))  # the ports of env.sh
LB = "http://127.0.0.1:%d" % BASE
STATS = "http://127.0.0.1:%d/;csv" % (BASE + 9)
APP_PORTS = [BASE + 1, BASE + 2, BASE + 3]
PATRONI = [BASE + 52, BASE + 53]
PSQL = ["/usr/lib/postgresql/15/bin/psql", "-h", "127.0.0.1", "-p", str(BASE + 54), "-U", "postgres",
        "-d", "jointworks", "-tA"]
AUTH = "Basic " + base64.b64encode(b"admin:demo").decode()


def call(method, path, body=None, base=LB, timeout=10):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", AUTH)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # refused, reset, timed out: no answer
        return 0, str(e).encode()


def community(name):
    lon = 113.80 + random.random() * 0.2
    lat = 35.20 + random.random() * 0.1
    s = 0.0008
    ring = [[lon, lat], [lon + s, lat], [lon + s, lat + s], [lon, lat + s], [lon, lat]]
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
            "properties": {"name": name, "district": "weibin", "households": 10,
                           "buildings": 1, "floor_area_m2": 1000, "build_year": 1990}}


class MixedLoad:
    """Threads that each write a community, then read items and the written feature back."""

    def __init__(self, threads, pace=0.0):
        self.threads = threads
        self.pace = pace         # seconds each thread waits between rounds (0: as fast as it can)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.acknowledged = []   # ids of writes answered 201
        self.events = []         # (time, kind, status)

    def run(self):
        self.workers = [threading.Thread(target=self.work, args=(i,), daemon=True)
                        for i in range(self.threads)]
        for w in self.workers:
            w.start()

    def work(self, i):
        n = 0
        while not self.stop.is_set():
            n += 1
            status, body = call("POST", "/api/communities", community("drill-%d-%d" % (i, n)))
            now = time.time()
            with self.lock:
                self.events.append((now, "write", status))
                if status == 201:
                    self.acknowledged.append(json.loads(body)["id"])
            status, _ = call("GET", "/ogcapi/collections/communities/items?limit=5")
            with self.lock:
                self.events.append((time.time(), "read", status))
            if self.pace:
                self.stop.wait(self.pace)

    def finish(self):
        self.stop.set()
        for w in self.workers:
            w.join(15)

    def errors_between(self, start, end, kind=None):
        return sum(1 for t, k, s in self.events if start <= t < end and not 200 <= s < 300
                   and (kind is None or k == kind))

    def error_statuses(self):
        """{"write 502": n, "read 0": n, ...}: what the failed requests got (0: no answer)."""
        out = {}
        for _, k, s in self.events:
            if not 200 <= s < 300:
                out["%s %d" % (k, s)] = out.get("%s %d" % (k, s), 0) + 1
        return out

    def first_success_after(self, start, kind):
        ok = [t for t, k, s in self.events if t >= start and k == kind and 200 <= s < 300]
        return min(ok) if ok else None

    def last_error(self):
        bad = [t for t, k, s in self.events if not 200 <= s < 300]
        return max(bad) if bad else None


def wrk(seconds, connections):
    # --timeout 10s: on an overloaded machine a slow answer is not an error of the drill.
    return subprocess.Popen(["wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds,
                             "--timeout", "10s",
                             "-s", os.path.join(HERE, "wrk-reads.lua"), LB],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wrk_errors(out):
    errors = 0
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("Non-2xx or 3xx responses:"):
            errors += int(line.split(":")[1])
        if line.startswith("Socket errors:"):
            for part in line.split(":", 1)[1].split(","):
                errors += int(part.split()[1])
    requests = next((int(l.split()[0]) for l in out.splitlines() if "requests in" in l), 0)
    rate = next((l.split(":")[1].strip() for l in out.splitlines() if "Requests/sec" in l), "")
    # wrk-reads.lua's done() prints "status 200: n" per status; the socket errors as wrk says.
    detail = {l.split(":")[0].strip(): l.split(":", 1)[1].strip() for l in out.splitlines()
              if l.startswith("status ") or l.strip().startswith("Socket errors")}
    return requests, errors, rate, detail


def pid(name):
    with open(os.path.join(HA_DIR, name + ".pid")) as f:
        return int(f.read().strip())


def haproxy_row(server):
    """HAProxy's stats row of an instance (CSV fields: 7 stot, 17 status), or None."""
    try:
        with urllib.request.urlopen(STATS, timeout=2) as r:
            for line in r.read().decode().splitlines():
                parts = line.split(",")
                if len(parts) > 17 and parts[0] == "instances" and parts[1] == server:
                    return parts
    except Exception:
        pass
    return None


def haproxy_up(server):
    row = haproxy_row(server)
    return row is not None and row[17].startswith("UP")


def sessions_sent(server):
    row = haproxy_row(server)
    return int(row[7]) if row else 0


def wait(seconds, condition):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.2)
    return False


def leader():
    for i, port in enumerate(PATRONI):
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/primary" % port, timeout=1) as r:
                if r.status == 200:
                    return i
        except Exception:
            pass
    return None


def replica_streaming(node):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/replica" % PATRONI[node - 1],
                                    timeout=1) as r:
            return r.status == 200
    except Exception:
        return False


def drill_instance(args, summary):
    # Every instance must be UP in HAProxy, not only ready on its own port (app-up.sh waits).
    if not wait(30, lambda: all(haproxy_up("app%d" % n) for n in (1, 2, 3))):
        summary["instance_kill"] = {"all_instances_up_in_haproxy": False}
        return False, []
    load = MixedLoad(args.threads)
    seconds = args.seconds
    w = wrk(seconds, args.connections)
    load.run()
    time.sleep(seconds / 3)
    killed_at = time.time()
    os.kill(pid("app2"), signal.SIGKILL)
    routed = wait(10, lambda: not haproxy_up("app2"))
    marked_down = time.time() - killed_at
    # Restarted at once: its JVM starts while the rest of the load runs on the other two.
    restart_at = time.time()
    restart = subprocess.Popen([os.path.join(HERE, "app-up.sh"), "2"], stdout=subprocess.DEVNULL)
    out, _ = w.communicate(timeout=seconds + 120)
    load.finish()
    # While it starts and rejoins, a light load (one thread, ten rounds a second) checks that its
    # return costs no answer either: HAProxy sends it nothing until its readiness says 200.
    probe = MixedLoad(1, pace=0.1)
    probe.run()
    started = restart.wait(timeout=600) == 0
    rejoined = started and wait(30, lambda: haproxy_up("app2"))
    back_after = time.time() - restart_at
    sent_before = sessions_sent("app2")
    serving = rejoined and wait(15, lambda: sessions_sent("app2") > sent_before)
    time.sleep(1)
    probe.finish()
    requests, wrk_errs, rate, detail = wrk_errors(out)
    mixed_errors = load.errors_between(0, time.time())
    probe_errors = probe.errors_between(0, time.time())
    # Only a write that was in flight on the killed instance may fail: HAProxy retries every
    # refused connection and every GET that got no answer on another instance (decision 70), and
    # never sends a write twice. Each mixed-load thread has one request in flight at a time.
    bound = args.threads
    errors = wrk_errs + mixed_errors + probe_errors
    summary["instance_kill"] = {
        "wrk_requests": requests, "wrk_requests_per_s": rate, "wrk_errors": wrk_errs,
        "wrk_answers": detail, "mixed_requests": len(load.events), "mixed_errors": mixed_errors,
        "mixed_error_statuses": load.error_statuses(), "rejoin_probe_requests": len(probe.events),
        "rejoin_probe_errors": probe_errors, "errors": errors,
        "error_bound_writes_in_flight": bound,
        "haproxy_marked_down_s": round(marked_down, 2), "routed_around": routed,
        "restart_to_serving_s": round(back_after, 2), "rejoined": rejoined,
        "served_after_rejoin": serving}
    ok = routed and rejoined and serving and errors <= bound
    if not ok:
        print(out, file=sys.stderr)
    return ok, load.acknowledged


def sync_standby():
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/cluster" % PATRONI[0], timeout=2) as r:
            return b"sync_standby" in r.read()
    except Exception:
        return False


def drill_primary(args, summary):
    # db-up.sh does not wait for the replica (the instances start meanwhile): wait here.
    if not wait(180, sync_standby):
        summary["primary_kill"] = {"synchronous_replica": False}
        return False, []
    load = MixedLoad(args.threads)
    load.run()
    time.sleep(args.seconds / 3)
    old = leader()
    killed_at = time.time()
    node = old + 1
    with open(os.path.join(HA_DIR, "pg%d" % node, "postmaster.pid")) as f:
        postmaster = int(f.readline())
    os.kill(pid("patroni%d" % node), signal.SIGKILL)
    os.kill(postmaster, signal.SIGKILL)
    promoted = wait(60, lambda: leader() is not None and leader() != old)
    promoted_after = time.time() - killed_at
    # Writes resume: the first 2xx write after the first failed one (or none failed at all).
    def resumed():
        with load.lock:
            failed = [t for t, k, st in load.events if t >= killed_at and k == "write"
                      and not 200 <= st < 300]
            if not failed:
                return killed_at if time.time() > killed_at + 5 else None
            ok = [t for t, k, st in load.events if t > min(failed) and k == "write"
                  and 200 <= st < 300]
            return min(ok) if ok else None
    wait(90, lambda: resumed() is not None)
    resumed_at = resumed()
    time.sleep(args.seconds / 3)
    load.finish()
    acknowledged = load.acknowledged
    found = set()
    ids = ",".join(str(i) for i in acknowledged)
    if ids:
        out = subprocess.run(PSQL + ["-c", "SELECT id FROM communities WHERE id IN (%s)" % ids],
                             capture_output=True, text=True, check=True).stdout
        found = {int(x) for x in out.split()}
    lost = [i for i in acknowledged if i not in found]
    # The old primary rejoins as a replica (pg_rewind), so the rig stays whole for another run.
    subprocess.run([os.path.join(HERE, "patroni-start.sh"), str(node)], check=True)
    rejoined = wait(120, lambda: replica_streaming(node))
    summary["primary_kill"] = {
        "writes_acknowledged": len(acknowledged), "acknowledged_missing": len(lost),
        "write_errors": load.errors_between(killed_at, time.time(), "write"),
        "read_errors": load.errors_between(killed_at, time.time(), "read"),
        "promoted": promoted, "promoted_after_s": round(promoted_after, 2),
        "old_primary_rejoined_as_replica": rejoined,
        "writes_resumed_after_s": None if resumed_at is None else round(resumed_at - killed_at, 2)}
    return promoted and resumed_at is not None and not lost, acknowledged


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--short", action="store_true", help="the CI form")
    parser.add_argument("--seconds", type=int, default=None)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if args.seconds is None:
        args.seconds = 15 if args.short else 45
    summary = {"seconds_per_drill": args.seconds}
    t0 = time.time()
    ok1, _ = drill_instance(args, summary)
    t1 = time.time()
    ok2, _ = drill_primary(args, summary)
    summary["instance_kill"]["drill_s"] = round(t1 - t0, 1)
    summary.setdefault("primary_kill", {})["drill_s"] = round(time.time() - t1, 1)
    summary["passed"] = ok1 and ok2
    print(json.dumps(summary, indent=2))
    sys.exit(0 if ok1 and ok2 else 1)


if __name__ == "__main__":
    main()
