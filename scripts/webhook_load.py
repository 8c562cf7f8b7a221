#!/usr/bin/env python3
"""Webhook delivery figures (BENCHMARKS.md, "Webhooks").

    scripts/webhook_load.py --binary target/release/bizseal

Starts `bizseal serve` on a fresh data dir with a local sink (a Python
ThreadingHTTPServer answering 204) and N businesses, each with its webhook
set to the sink. Events are made by a reviewer suspending and reinstating
the businesses (each write: one event), from several writer threads, each
owning its own businesses. Three phases:

1. live: E events with the sink up. Reported: writes per second, deliveries
   per second, and the delay from the event's commit (`created_ms`, taken
   just before the commit) to its arrival at the sink, p50 and p99.
2. down: the sink is stopped (connection refused) and E events more are
   made. Reported: the database file's growth per waiting event, and so
   the outbox's growth for an hour of a sink down at a given event rate
   (extrapolated from this run; nothing here waits an hour).
3. drain: the sink comes back; reported: how fast the backlog drains
   (deliveries per second, first to last arrival), once each head's
   backoff has run out.

Needs only python3 (stdlib).
"""

import argparse
import http.client
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time

REVIEWER = "load-" + os.urandom(16).hex()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def now_ms():
    return time.time() * 1000.0


class Sink:
    def __init__(self, port):
        self.lock = threading.Lock()
        self.received = {}  # msg id -> first arrival (ms)
        self.port = port
        self.server = None

    def start(self):
        sink = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("content-length", "0")))
                at = now_ms()
                with sink.lock:
                    sink.received.setdefault(self.headers.get("webhook-id", ""), at)
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        # The default listen backlog (5) drops the worker's parallel
        # connects, which then wait a second for the SYN to be sent again.
        http.server.ThreadingHTTPServer.request_queue_size = 256
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def count(self):
        with self.lock:
            return len(self.received)


class Api:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(self, method, path, body=None, bearer=None):
        headers = {"content-type": "application/json"}
        if bearer:
            headers["authorization"] = "Bearer " + bearer
        payload = json.dumps(body) if body is not None else None
        try:
            self.conn.request(method, path, payload, headers)
            r = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed an idle keep-alive connection: a new one.
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.conn.request(method, path, payload, headers)
            r = self.conn.getresponse()
        data = r.read()
        try:
            return r.status, (json.loads(data) if data else None)
        except ValueError:
            return r.status, data[:200]


SUSPENDED = set()


def make_events(port, owned, total, writers):
    """Suspends and reinstates businesses until `total` writes were made;
    returns the seconds it took and how many were made."""
    per = total // writers
    failed = []

    def work(mine):
        api = Api(port)
        suspended = SUSPENDED
        for i in range(per):
            b = mine[i % len(mine)]
            action = "reinstate" if b in suspended else "suspend"
            st, ans = api.call("POST", f"/v1/review/businesses/{b}/{action}",
                               {"reason": "load"}, REVIEWER)
            if st != 200:
                failed.append(f"{action} answered {st}: {ans}")
                return
            suspended.symmetric_difference_update({b})

    t0 = time.monotonic()
    threads = [threading.Thread(target=work, args=(owned[w::writers],)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failed:
        raise SystemExit(failed[0])
    return time.monotonic() - t0, per * writers


def wait_for(sink, n, timeout):
    t0 = time.monotonic()
    while sink.count() < n and time.monotonic() - t0 < timeout:
        time.sleep(0.02)
    return sink.count() >= n


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=os.path.join(here, "..", "target", "release", "bizseal"))
    ap.add_argument("--businesses", type=int, default=200)
    ap.add_argument("--events", type=int, default=4000)
    ap.add_argument("--writers", type=int, default=8)
    args = ap.parse_args()

    root = tempfile.mkdtemp(prefix="bizseal-hooks-")
    data = os.path.join(root, "data")
    port, sink_port = free_port(), free_port()
    env = dict(os.environ, BIZSEAL_REVIEWER_TOKEN=REVIEWER, BIZSEAL_LOG="warn")
    log = open(os.path.join(root, "server.log"), "wb")
    server = subprocess.Popen(
        [os.path.abspath(args.binary), "serve", "--data-dir", data, "--addr",
         f"127.0.0.1:{port}", "--rate-limit", "0", "--registrations-per-hour", "0",
         "--allow-private-targets", "--webhook-retry-base-ms", "100"],
        env=env, stdout=log, stderr=log)
    try:
        for _ in range(600):
            if server.poll() is not None:
                raise SystemExit(f"the server exited; see {root}/server.log")
            try:
                if Api(port).call("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise SystemExit(f"the server did not answer; see {root}/server.log")
        sink = Sink(sink_port)
        sink.start()
        api = Api(port)
        keys, owned = {}, []
        for i in range(args.businesses):
            st, ans = api.call("POST", "/v1/businesses", {
                "legal_name": f"Load {i} S.L.", "names": {"en": f"Load {i}"},
                "default_lang": "en", "category": "retail", "country": "ES", "city": "Madrid"})
            assert st == 201, ans
            b, key = ans["business"]["id"], ans["api_key"]
            st, ans = api.call("PUT", f"/v1/businesses/{b}/webhook",
                               {"url": f"http://127.0.0.1:{sink_port}/hook"}, key)
            assert st == 200, ans
            keys[b] = key
            owned.append(b)

        # 1. live
        took, made = make_events(port, owned, args.events, args.writers)
        assert wait_for(sink, made, 120), f"only {sink.count()} of {made} delivered"
        with sink.lock:
            arrivals = dict(sink.received)
        delays = []
        for b in owned:
            st, ans = api.call("GET", f"/v1/businesses/{b}/webhook/deliveries?limit=100",
                               bearer=keys[b])
            for d in ans["deliveries"]:
                if d["msg_id"] in arrivals:
                    delays.append(arrivals[d["msg_id"]] - d["created_ms"])
        span = (max(arrivals.values()) - min(arrivals.values())) / 1000
        print(f"live:  {made} events by {args.writers} writers over {args.businesses} "
              f"businesses in {took:.2f} s ({made / took:.0f} writes/s); "
              f"{len(arrivals)} delivered, {len(arrivals) / span:.0f} deliveries/s; "
              f"commit to delivery p50 {pct(delays, 50):.1f} ms, p99 {pct(delays, 99):.1f} ms "
              f"(of {len(delays)})")

        # 2. down
        sink.stop()
        before = os.path.getsize(os.path.join(data, "bizseal.redb"))
        took, made2 = make_events(port, owned, args.events, args.writers)
        time.sleep(1)
        after = os.path.getsize(os.path.join(data, "bizseal.redb"))
        per_event = (after - before) / made2
        rate = made2 / took
        print(f"down:  {made2} events in {took:.2f} s with the sink down; the file grew "
              f"{(after - before) / 1e6:.1f} MB, {per_event:.0f} bytes a waiting event; an hour "
              f"down: {per_event * 3600 / 1e6:.2f} MB at 1 event/s, "
              f"{per_event * rate * 3600 / 1e9:.2f} GB at this run's {rate:.0f} events/s")

        # 3. drain
        first = len(arrivals)
        sink = Sink(sink_port)
        sink.received = {}
        sink.start()
        t0 = time.monotonic()
        ok = wait_for(sink, made2, 300)
        with sink.lock:
            got = dict(sink.received)
        span = (max(got.values()) - min(got.values())) / 1000 if got else 0
        print(f"drain: {len(got)} of {made2} delivered ({'all' if ok else 'NOT all'}) "
              f"{time.monotonic() - t0:.1f} s after the sink came back; "
              f"{len(got) / span if span else 0:.0f} deliveries/s from first to last arrival "
              f"(after the live phase's {first})")
    finally:
        server.terminate()
        server.wait()
        if not os.environ.get("KEEP"):
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
