#!/usr/bin/env python3
"""The attacks of issue 10 on the transport that take minutes, against a real `tatakerja serve`.

Starts the server itself on a temporary SQLite database (one registry editor added with the CLI),
on 127.0.0.1 only, then runs each attack for a bounded time while a reader sends GET
/api/v1/health and GET /api/v1/regions on fresh connections, and reports the reads' latency
(p50, p99, max), how many failed, and the server's resident memory (peak) meanwhile:

  idle      N idle connections from this host (default 20,000), held open; the reader
            connects from 127.0.0.2
  bodies    40 anonymous clients each sending a 31 MiB body to POST /api/v1/regulations
  previews  10 registry editors sending previews of a 32 MiB text of tiny articles at once
            (--text-mb; a preview already running is not interrupted, so the server's stop at the
            end waits for it)

Usage: bench/limits_attack.py --cli build/src/cli/tatakerja [--attack idle,bodies,previews]
       [--seconds 20] [--idle 20000] [--threads 2] [--text-mb 32]
Every loop is bounded in count and time; only loopback addresses are used. Exit status 1 when a
read failed or the p99 of the reads was over 1 s or the memory over 500 MB (the issue's targets).
"""
import argparse
import http.client
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time

HOST = "127.0.0.1"
# The reader is another client: another loopback address, so the per-address cap that holds off
# the attacker (on 127.0.0.1) is not the reader's.
READER_HOST = "127.0.0.2"
EDITOR = ("penyunting", "kata-sandi-penyunting-1")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def start_server(cli, threads, workdir):
    db = os.path.join(workdir, "attack.db")
    env = dict(os.environ, TATAKERJA_PASSWORD=EDITOR[1])
    subprocess.run([cli, "user", "add", "--db", db, "--username", EDITOR[0], "--role",
                    "admin_registri", "--display-name", "Penyunting"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    proc = subprocess.Popen([cli, "serve", "--db", db, "--listen", f"{HOST}:0", "--threads",
                             str(threads), "--log-level", "warn"], stdout=subprocess.PIPE,
                            stderr=open(os.path.join(workdir, "server.log"), "w"), text=True)
    line = proc.stdout.readline()
    port = int(line.rsplit(":", 1)[1].strip().strip("/"))
    return proc, port


def sign_in(port):
    c = http.client.HTTPConnection(HOST, port, timeout=30)
    c.request("POST", "/api/v1/auth/login", json.dumps({"username": EDITOR[0],
                                                       "password": EDITOR[1]}),
              {"Content-Type": "application/json"})
    r = c.getresponse()
    body = json.loads(r.read())
    cookie = r.getheader("Set-Cookie").split(";")[0]
    c.close()
    return cookie, body["csrf_token"]


class Reader(threading.Thread):
    """Reads on fresh connections every 20 ms until stopped; watches the server's memory."""

    def __init__(self, port, pid):
        super().__init__(daemon=True)
        self.port, self.pid = port, pid
        self.latencies, self.failures, self.peak_mb = [], 0, 0.0
        self.stop = threading.Event()

    def run(self):
        i = 0
        while not self.stop.is_set():
            target = "/api/v1/health" if i % 2 == 0 else "/api/v1/regions"
            i += 1
            t0 = time.monotonic()
            try:
                c = http.client.HTTPConnection(HOST, self.port, timeout=10,
                                               source_address=(READER_HOST, 0))
                c.request("GET", target)
                ok = c.getresponse().status == 200
                c.close()
            except OSError:
                ok = False
            self.latencies.append((time.monotonic() - t0) * 1000)
            self.failures += 0 if ok else 1
            self.peak_mb = max(self.peak_mb, rss_mb(self.pid))
            time.sleep(0.02)

    def report(self, name):
        v = sorted(self.latencies) or [0.0]
        q = lambda p: v[min(len(v) - 1, int(p * len(v)))]
        print(f"{name}: {len(v)} reads, {self.failures} failed, p50 {q(0.5):.1f} ms, "
              f"p99 {q(0.99):.1f} ms, max {v[-1]:.1f} ms; server memory peak {self.peak_mb:.0f} MB")
        return self.failures == 0 and q(0.99) < 1000 and self.peak_mb < 500


def attack_idle(port, seconds, count, stop):
    held, refused = [], 0
    deadline = time.monotonic() + seconds
    for _ in range(count):
        if stop.is_set() or time.monotonic() > deadline:
            break
        try:
            s = socket.create_connection((HOST, port), timeout=5)
            held.append(s)
        except OSError:
            refused += 1
    # How many the server still holds: a closed one reads as end of stream at once.
    time.sleep(1)
    open_now = 0
    for s in held:
        s.setblocking(False)
        try:
            open_now += 0 if s.recv(1) == b"" else 1
        except BlockingIOError:
            open_now += 1
        except OSError:
            pass
    print(f"idle: opened {len(held)} connections ({refused} refused by connect); "
          f"the server holds {open_now} of them")
    while not stop.is_set() and time.monotonic() < deadline:
        time.sleep(0.2)
    for s in held:
        s.close()


def attack_bodies(port, seconds, stop):
    chunk = b"a" * (1 << 20)
    deadline = time.monotonic() + seconds
    answers = {}
    lock = threading.Lock()

    def one():
        while not stop.is_set() and time.monotonic() < deadline:
            status = "closed"
            try:
                with socket.create_connection((HOST, port), timeout=10) as s:
                    s.sendall(b"POST /api/v1/regulations HTTP/1.1\r\nHost: x\r\n"
                              b"Content-Type: text/plain\r\nContent-Length: 32505856\r\n\r\n")
                    s.sendall(chunk)
                    status = s.recv(64).split(b" ")[1].decode()
                    for _ in range(30):  # the rest of the body all the same
                        s.sendall(chunk)
            except (OSError, IndexError):
                pass
            with lock:
                answers[status] = answers.get(status, 0) + 1

    threads = [threading.Thread(target=one) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"bodies: answers {answers}")


def attack_previews(port, seconds, stop, text_mb):
    cookie, csrf = sign_in(port)
    parts, size, n = [], 0, 0
    parts.append("PERATURAN BUPATI UJI\nNOMOR 1 TAHUN 2026\nTENTANG\nDINAS UJI\n\nBAB I\nUMUM\n\n")
    while size < (text_mb << 20) - 200:
        n += 1
        p = f"Pasal {n}\n\nKetentuan ini berlaku bagi bagian ke-{n}.\n\n"
        parts.append(p)
        size += len(p)
    text = "".join(parts).encode()[: text_mb << 20]
    deadline = time.monotonic() + seconds
    answers = {}
    lock = threading.Lock()

    def one():
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                c = http.client.HTTPConnection(HOST, port, timeout=seconds + 60)
                c.request("POST", "/api/v1/regulations/preview", text,
                          {"Content-Type": "text/plain", "Cookie": cookie, "X-CSRF-Token": csrf})
                r = c.getresponse()
                body = r.read()
                code = str(r.status)
                if r.status >= 400:
                    code += " " + json.loads(body)["error"]["code"]
                c.close()
            except OSError:
                code = "failed"
            with lock:
                answers[code] = answers.get(code, 0) + 1
            if code.startswith("503"):
                time.sleep(1)

    threads = [threading.Thread(target=one) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"previews: answers {answers}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--attack", default="idle,bodies,previews")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--idle", type=int, default=20000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--text-mb", type=int, default=32, help="size of each preview's text")
    a = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    ok = True
    with tempfile.TemporaryDirectory() as workdir:
        proc, port = start_server(a.cli, a.threads, workdir)
        try:
            for name in a.attack.split(","):
                stop = threading.Event()
                reader = Reader(port, proc.pid)
                reader.start()
                if name == "idle":
                    attack_idle(port, a.seconds, min(a.idle, hard - 200), stop)
                elif name == "bodies":
                    attack_bodies(port, a.seconds, stop)
                elif name == "previews":
                    attack_previews(port, a.seconds, stop, a.text_mb)
                else:
                    sys.exit(f"unknown attack {name}")
                reader.stop.set()
                reader.join()
                ok = reader.report(name) and ok
        finally:
            proc.terminate()
            proc.wait(timeout=300)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
