#!/usr/bin/env python3
"""Maildex against Debian's Dovecot, side by side on this machine, in one table.

Starts both servers on loopback (dovecot-lab.sh, maildex-lab.sh: the same users, passwd-file
with PLAIN passwords), measures the file system's physical limit (fsync-limit.py), then runs each
mailbench.py workload on Dovecot and on Maildex in turn, R times, and prints the medians.
Benchmarks/run.sh builds the release maildexd first and calls this; see README.md, Benchmarks.

  Benchmarks/compare.py [--n 10000] [--repeat 3] [--only imap-fetch,imap-search] [--idle 1000,5000]
  Benchmarks/compare.py --table RAW.jsonl        the table of an earlier run
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE / "mailbench.py"
SERVERS = ("dovecot", "maildex")
WORKLOADS = ["lmtp-deliver", "imap-fetch", "imap-search", "imap-sort", "pop3", "imap-login",
             "imap-append", "imap-store", "imap-qresync", "idle-conns"]
# Above this size, LMTP into one mailbox is too slow to build fixtures with (Dovecot's delivery
# slows as the mailbox grows): fixtures are built by MULTIAPPEND and lmtp-deliver is left out.
LARGE = 20000
LARGE_WORKLOADS = ["imap-fetch", "imap-search", "imap-sort", "pop3", "imap-store", "imap-qresync"]


class Trash:
    """Where resets put the mail they remove, deleted only after the timed runs. On this VM's ext4
    (no journal), every new file scans the inodes deleted in the last vm.dirty_expire_centisecs
    (30 s; recently_deleted() in the kernel's inode allocator): right after 10,000 files are
    deleted, each creation costs 0.44 ms more CPU and the fsync loop runs at half speed. Deleting
    between runs would charge both servers for the harness's own rm -rf, Dovecot more (it also
    creates a uidlist lock and a new uidlist per delivery)."""

    def __init__(self, lab_dir):
        self.dir = Path(lab_dir) / "trash"
        self.stamp = Path(lab_dir) / "trash.deleted"

    def empty(self):
        if self.dir.exists():
            subprocess.run(["rm", "-rf", str(self.dir)], check=True)
            self.stamp.write_text(str(time.time()))

    def wait_out_deletions(self):
        """Empties what an earlier run left, then waits until the last deletion is 35 s old."""
        self.empty()
        try:
            age = time.time() - float(self.stamp.read_text())
        except (OSError, ValueError):
            return
        expire = int(Path("/proc/sys/vm/dirty_expire_centisecs").read_text()) / 100 + 5
        if age < expire:
            note(f"waiting {expire - age:.0f} s: files were deleted {age:.0f} s ago (see Trash)")
            time.sleep(expire - age)


class Lab:
    """One server on loopback: its start script, ports, process probe and mail reset command."""

    def __init__(self, name, lab_dir, port_prefix, trash):
        self.name, self.dir, self.port, self.trash = name, Path(lab_dir), port_prefix, trash
        self.script = HERE / f"{name}-lab.sh"
        self.env = dict(os.environ, LAB=str(self.dir), PORT=str(port_prefix), TRASH=str(trash.dir))

    def start(self):
        subprocess.run([str(self.script)], env=self.env, check=True)

    def stop(self):
        subprocess.run([str(self.script), "stop"], env=self.env, check=False)

    def pid_file(self):
        return self.dir / ("run/master.pid" if self.name == "dovecot" else "maildexd.pid")

    def mailbench_args(self):
        if self.name == "dovecot":
            mail, trash = f"{self.dir}/mail/{{user}}", self.trash.dir
            reset = f"[ ! -e {mail} ] || {{ mkdir -p {trash} && mv {mail} {trash}/{{user}}-$(date +%s%N); }}"
        else:
            reset = f"LAB={self.dir} PORT={self.port} TRASH={self.trash.dir} {self.script} reset {{user}}"
        settle = [] if self.name == "dovecot" else [
            "--settle-cmd", f"LAB={self.dir} PORT={self.port} {self.script} indexed"]
        return settle + ["--imap-port", f"{self.port}143", "--pop3-port", f"{self.port}110",
                "--lmtp-port", f"{self.port}024", "--server-pid-file", str(self.pid_file()),
                "--reset-cmd", reset, "--label", self.name]


def note(msg):
    print(f"== {msg}", file=sys.stderr, flush=True)


def machine(path):
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), "?")
    fs = subprocess.run(["findmnt", "-no", "FSTYPE,SOURCE", "-T", str(path)], capture_output=True,
                        text=True).stdout.strip()
    dovecot = subprocess.run(["dovecot", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return {"workload": "machine", "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(), "cpu": cpu, "fs": fs, "kernel": platform.release(),
            "dovecot": dovecot, "maildex": commit, "loadavg": os.getloadavg()[0],
            "maildexd": os.environ.get("MAILDEXD", ".build/release/maildexd")}


class Inotify:
    """Dovecot's IDLE watches each mailbox with one inotify instance per imap process; the
    default limit (128 per user) makes it fall back to polling, so it is raised for the run."""
    PATH = Path("/proc/sys/fs/inotify/max_user_instances")

    def __init__(self, at_least):
        self.at_least, self.old = at_least, None

    def __enter__(self):
        try:
            old = int(self.PATH.read_text())
            if old < self.at_least:
                self.PATH.write_text(str(self.at_least))
                self.old = old
        except OSError as e:
            note(f"cannot raise {self.PATH} ({e}); Dovecot's IDLE will poll")
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            self.PATH.write_text(str(self.old))


def run(cfg):
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    raw = out / "raw.jsonl"
    Path(cfg.lab).mkdir(parents=True, exist_ok=True)
    trash = Trash(cfg.lab)
    labs = {"dovecot": Lab("dovecot", f"{cfg.lab}/dovecot", 13, trash),
            "maildex": Lab("maildex", f"{cfg.lab}/maildex", 12, trash)}
    info = machine(cfg.lab if Path(cfg.lab).exists() else "/tmp")
    large = cfg.n > LARGE
    todo = cfg.only.split(",") if cfg.only else (LARGE_WORKLOADS if large else WORKLOADS)
    unknown = [w for w in todo if w not in WORKLOADS]
    if unknown:
        sys.exit(f"unknown workloads {unknown}; choose from {','.join(WORKLOADS)}")
    common = ["--n", str(cfg.n), "--repeat", "1", "--source-ip", "127.0.0.9", "--password", "pass",
              "--users-fmt", "user%d", "--users-count", "20", "--search-runs", "3", "--settle",
              "--out", str(raw)]
    if large:
        common += ["--prepare-via", "append", "--append-batch", "500"]
    if cfg.quick:
        common += ["--t", "3", "--random-fetch", "100", "--random-store", "100", "--search-runs", "2"]
    with raw.open("a") as f:
        f.write(json.dumps(dict(info, n=cfg.n, repeat=cfg.repeat, workloads=todo)) + "\n")
    started = time.monotonic()
    for lab in labs.values():
        lab.start()
    trash.wait_out_deletions()
    try:
        note(f"physical limit: fsync-limit.py x{cfg.repeat}, {min(cfg.n, 2000)} ops on 1 thread, then on 4 at once")
        for _ in range(cfg.repeat):
            # one thread as one LMTP connection; four, each in its own directory, as four connections to different users
            for threads in (1, 4):
                line = subprocess.run([sys.executable, str(HERE / "fsync-limit.py"), f"{cfg.lab}/fsync-limit",
                                       "--n", str(max(1, min(cfg.n, 2000) // threads)), "--threads", str(threads),
                                       "--trash", str(trash.dir)], capture_output=True, text=True, check=True).stdout
                with raw.open("a") as f:
                    f.write(json.dumps(dict(json.loads(line), label="disk")) + "\n")
        for r in range(cfg.repeat):
            # alternate who goes first, so that a slow stretch of the machine hits both
            order = SERVERS if r % 2 == 0 else SERVERS[::-1]
            for w in todo:
                for name in order:
                    for extra in workload_args(w, todo, cfg):
                        note(f"run {r + 1}/{cfg.repeat}: {w} {' '.join(extra)} on {name}")
                        args = [sys.executable, str(BENCH), w] + common + extra + labs[name].mailbench_args()
                        t0 = time.monotonic()
                        if w == "idle-conns" and name == "dovecot":
                            with Inotify(2 * max(int(c) for c in cfg.idle.split(",")) + 256):
                                done = subprocess.run(args, stdout=subprocess.DEVNULL)
                        else:
                            done = subprocess.run(args, stdout=subprocess.DEVNULL)
                        if done.returncode != 0:
                            with raw.open("a") as f:
                                f.write(json.dumps({"workload": w, "label": name, "failed": done.returncode,
                                                    "args": extra}) + "\n")
                        note(f"{w} on {name}: {time.monotonic() - t0:.0f} s")
    finally:
        for lab in labs.values():
            lab.stop()
        trash.empty()
    note(f"all done in {(time.monotonic() - started) / 60:.1f} min; raw results in {raw}")
    table(raw)


def workload_args(w, todo, cfg):
    """Extra mailbench flags per workload; one list per invocation."""
    if w == "imap-fetch":
        # run1 is the first pass over a just-delivered mailbox: the one lmtp-deliver left behind
        return [["--trust-fixture"]] if "lmtp-deliver" in todo else [["--fresh"]]
    if w == "idle-conns":
        return [["--c", c] for c in cfg.idle.split(",")]
    return [[]]


# --------------------------------------------------------------------------------------------
# The table: (workload, label, metric unit, value of one record, better)
# --------------------------------------------------------------------------------------------

def per_msg(key):
    return lambda r: r[key] * 1000 / r["n"] if key in r and r.get("n") else None


ROWS = [
    ("lmtp-deliver-1conn", "LMTP delivery, 1 connection, 0 -> N", "msgs/s", "msgs_per_s", "higher"),
    ("lmtp-deliver-1conn", "", "latency p50 ms", "lat_p50_ms", "lower"),
    ("lmtp-deliver-1conn", "", "latency p99 ms", "lat_p99_ms", "lower"),
    ("lmtp-deliver-1conn", "", "server CPU ms/msg", "server_cpu_ms_per_msg", "lower"),
    ("lmtp-deliver-1conn", "", "+ CPU after it, ms/msg", per_msg("settle_server_cpu_s"), "lower"),
    ("lmtp-deliver-4conn", "LMTP delivery, 4 connections, 4 users", "msgs/s", "msgs_per_s", "higher"),
    ("lmtp-deliver-4conn", "", "server CPU ms/msg", "server_cpu_ms_per_msg", "lower"),
    ("lmtp-deliver-4conn", "", "+ CPU after it, ms/msg", per_msg("settle_server_cpu_s"), "lower"),
    ("imap-login", "LOGIN (passwd-file, PLAIN), 4 clients", "logins/s", "logins_per_s", "higher"),
    ("imap-login", "", "server CPU ms/login", "server_cpu_ms_per_login", "lower"),
    ("imap-fetch", "SELECT INBOX", "first ms", lambda r: ms(r, "run1.select_s"), "lower"),
    ("imap-fetch", "", "again ms", lambda r: ms(r, "run2.select_s"), "lower"),
    ("imap-fetch", "UID FETCH 1:* (FLAGS UID RFC822.SIZE", "first pass ms", lambda r: ms(r, "run1.envelope_s"), "lower"),
    ("imap-fetch", "  INTERNALDATE ENVELOPE)", "first: server CPU ms", lambda r: ms(r, "run1.envelope_server_cpu_s"), "lower"),
    ("imap-fetch", "", "again ms", lambda r: ms(r, "run2.envelope_s"), "lower"),
    ("imap-fetch", "", "again: server CPU ms", lambda r: ms(r, "run2.envelope_server_cpu_s"), "lower"),
    ("imap-search", "SEARCH in headers", "SUBJECT ms", "subject_ms", "lower"),
    ("imap-search", "", "FROM ms", "from_ms", "lower"),
    ("imap-search", "", "HEADER Message-ID ms", "msgid_ms", "lower"),
    ("imap-search", "", "SUBJECT: server CPU ms", "subject_server_cpu_ms", "lower"),
    ("imap-search", "SEARCH TEXT and BODY", "TEXT ms", "text_ms", "lower"),
    ("imap-search", "", "BODY ms", "body_ms", "lower"),
    ("imap-search", "", "TEXT: server CPU ms", "text_server_cpu_ms", "lower"),
    ("imap-search", "", "BODY: server CPU ms", "body_server_cpu_ms", "lower"),
    ("imap-sort", "SORT UTF-8 ALL", "(DATE) ms", "date_ms", "lower"),
    ("imap-sort", "", "(SUBJECT) ms", "subject_ms", "lower"),
    ("imap-sort", "", "(DATE): server CPU ms", "date_server_cpu_ms", "lower"),
    ("imap-sort", "", "(SUBJECT): server CPU ms", "subject_server_cpu_ms", "lower"),
    ("imap-store", "STORE 1:* +FLAGS (\\Seen)", "ms (N FETCH replies)", lambda r: ms(r, "all_seen_s"), "lower"),
    ("imap-store", "", "server CPU ms", lambda r: ms(r, "all_seen_server_cpu_s"), "lower"),
    ("imap-append", "APPEND, 1 connection, LITERAL+", "msgs/s", "msgs_per_s", "higher"),
    ("imap-append", "", "server CPU ms/msg", "server_cpu_ms_per_msg", "lower"),
    ("imap-qresync", "SELECT (QRESYNC) after 100 flag", "ms", lambda r: ms(r, "resync_s"), "lower"),
    ("imap-qresync", "  changes and 50 expunges", "server CPU ms", lambda r: ms(r, "resync_server_cpu_s"), "lower"),
    ("pop3", "POP3 RETR of every message", "msgs/s", "retr_msgs_per_s", "higher"),
    ("pop3", "", "server CPU ms/msg", "retr_server_cpu_ms_per_msg", "lower"),
]


def idle_rows(records):
    """The IDLE rows, one group per client count that was run."""
    rows = []
    for c in sorted({r["c"] for r in records if r.get("workload") == "idle-conns" and "c" in r}):
        w = ("idle-conns", lambda r, c=c: r.get("c") == c)
        rows += [(w, f"{c:,} IDLE clients of one user", "server RSS MB", "rss_mb_idle", "lower"),
                 (w, "", "server PSS MB", "pss_mb_idle", "lower"),
                 (w, "", "delivery -> EXISTS p50 ms", "notify_p50_ms", "lower"),
                 (w, "", "delivery -> EXISTS p99 ms", "notify_p99_ms", "lower"),
                 (w, "", "clients not notified", "not_notified", "lower")]
    return rows


def ms(r, key):
    return r[key] * 1000 if isinstance(r.get(key), (int, float)) else None


def fmt(v):
    if v is None:
        return "-"
    if v == 0 or abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.3g}"


def load(raw):
    records = [json.loads(ln) for ln in Path(raw).read_text().splitlines() if ln.strip()]
    return [r for r in records if r.get("workload") != "env"]


def median(records, label, workload, value):
    name, keep = workload if isinstance(workload, tuple) else (workload, lambda r: True)
    vals = []
    for r in records:
        if r.get("label") == label and r.get("workload") == name and keep(r):
            v = value(r) if callable(value) else r.get(value)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                vals.append(v)
    return (statistics.median(vals), len(vals)) if vals else (None, 0)


def table(raw):
    records = load(raw)
    info = next((r for r in records if r.get("workload") == "machine"), {})
    counts = {}
    for r in records:
        if r.get("label") in SERVERS:
            counts[(r["label"], r["workload"], r.get("c"))] = counts.get((r["label"], r["workload"], r.get("c")), 0) + 1
    runs = f"{max(counts.values())} runs" if counts else "no runs"
    if counts and min(counts.values()) != max(counts.values()):
        runs = f"{min(counts.values())} to {runs}"
    print(f"\nMaildex ({info.get('maildex', '?')}) against Dovecot {info.get('dovecot', '?')}, "
          f"N = {info.get('n', '?'):,} messages in one mailbox, median of {runs} "
          f"(R = {info.get('repeat', '?')} asked)")
    print(f"{info.get('date', '?')}; {info.get('nproc', '?')} CPUs ({info.get('cpu', '?')}), "
          f"{' '.join(str(info.get('fs', '?')).split())}, Linux {info.get('kernel', '?')}; load average "
          f"at start {info.get('loadavg', 0):.1f}. Ratio = Maildex / Dovecot.")
    foreign = [v for r in records for k, v in r.items() if k.endswith("_foreign_load") and v is not None]
    if foreign:
        print(f"Other processes used {statistics.median(foreign):.0%} of the machine (median over the "
              f"timed steps of 0.5 s or more): wall times are disturbed, server CPU times less so.")
    if info.get("maildexd", ".build/release/maildexd") != ".build/release/maildexd":
        print(f"maildexd: {info['maildexd']}")
    head = f"{'workload':<38} {'metric':<26} {'Dovecot':>10} {'Maildex':>10} {'ratio':>7}  better"
    print(head)
    print("-" * len(head))
    for workload, title, metric, value, better in ROWS + idle_rows(records):
        d, _ = median(records, "dovecot", workload, value)
        m, _ = median(records, "maildex", workload, value)
        if d is None and m is None:
            continue
        ratio = f"{m / d:.2f}" if d and m is not None else "-"
        print(f"{title:<38} {metric:<26} {fmt(d):>10} {fmt(m):>10} {ratio:>7}  {better}")
    # each LMTP run against the limit with as many writers: 1 connection / 1 thread, 4 / 4
    for k, workload, what in ((1, "fsync-limit", "1 thread"), (4, "fsync-limit-4", "4 threads")):
        limit, _ = median(records, "disk", workload, "ops_per_s")
        if not limit:
            continue
        print(f"{'physical limit (fsync-limit.py)':<38} {what + ', durable/s':<26} {fmt(limit):>10} {fmt(limit):>10}")
        cpu, _ = median(records, "disk", workload, "cpu_ms_per_op")
        if cpu is not None:
            print(f"{'':<38} {'its CPU ms/op':<26} {fmt(cpu):>10} {fmt(cpu):>10}")
        d, _ = median(records, "dovecot", f"lmtp-deliver-{k}conn", "msgs_per_s")
        m, _ = median(records, "maildex", f"lmtp-deliver-{k}conn", "msgs_per_s")
        if d or m:
            print(f"{f'  LMTP {k} conn. / that limit':<38} {'fraction':<26} "
                  f"{fmt(d and d / limit):>10} {fmt(m and m / limit):>10}")
    problems(records)


def problems(records):
    for r in records:
        if r.get("failed"):
            print(f"! {r['label']}: {r['workload']} {' '.join(r.get('args', []))} failed (exit {r['failed']})")
        if r.get("mismatches"):
            print(f"! {r['label']}: {r['workload']}: {r['mismatches']}")
        if r.get("errors") or r.get("connect_errors"):
            print(f"! {r['label']}: {r['workload']}: {r.get('errors') or r.get('connect_errors')} errors")
    digests = {}
    for r in records:
        if r.get("workload") == "imap-sort":
            digests.setdefault(r["label"], set()).add((r.get("date_digest"), r.get("subject_digest")))
    if len(digests) == 2 and digests["dovecot"] != digests["maildex"]:
        print("! SORT: Maildex and Dovecot returned different orders (ties or base subjects differ)")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=int(os.environ.get("N", 10000)), help="messages in the mailbox")
    p.add_argument("--repeat", type=int, default=int(os.environ.get("R", 3)), help="runs per workload")
    p.add_argument("--only", default=os.environ.get("ONLY"), help=f"comma list of: {','.join(WORKLOADS)}")
    p.add_argument("--idle", default=os.environ.get("IDLE", "1000"), help="IDLE clients, e.g. 1000,5000")
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("QUICK")),
                   help="shorter login run, fewer single FETCH/STORE commands (for a quick look)")
    p.add_argument("--lab", default=os.environ.get("LAB_DIR", "/tmp/lab/compare"), help="state of both servers")
    p.add_argument("--out", default=os.environ.get("OUT"), help="raw JSONL goes to OUT/raw.jsonl")
    p.add_argument("--table", metavar="RAW", help="only print the table of an earlier run")
    cfg = p.parse_args()
    if cfg.table:
        table(cfg.table)
        return
    if not (1 <= cfg.n <= 1_000_000 and 1 <= cfg.repeat <= 20):
        sys.exit("--n must be 1..1000000 and --repeat 1..20")
    cfg.out = cfg.out or str(HERE / "results" / f"{dt.datetime.now():%Y%m%d-%H%M}-n{cfg.n}")
    run(cfg)


if __name__ == "__main__":
    main()
