#!/usr/bin/python3
"""jzmtp's libzmq interop peer: hosts libzmq sockets (through pyzmq) and drives them from JSON commands.

Protocol: one JSON object per line on stdin, one JSON reply per line on stdout, in order. Every reply has
"ok": true, or "ok": false with "error". Frames travel as base64 strings; a frame to send may instead be {"hex": ...} or
{"pattern": n}, n bytes where byte i is i & 0xFF (so large messages need not cross the pipe), and "recv" with
"digest": true returns each frame as {"size": n, "sha256": hex}.

Commands ("id" names a socket of this process):
  version                                   -> zmq, pyzmq, python
  socket   id type [options] [monitor]      creates a socket (LINGER 0 unless options say otherwise); with
                                            monitor true, its events are collected from the start
  setsockopt id options                     options: {NAME: int | bool | "utf-8 text" | {"b64"|"hex": ...}}
  bind     id endpoint                      -> endpoint (LAST_ENDPOINT)
  connect / unbind / disconnect  id endpoint
  send     id frames [timeout_ms] [retry_unreachable_ms]
  recv     id timeout_ms [digest]           -> frames, or timeout: true
  await_event id events timeout_ms          -> the first not yet consumed event whose name is in events (all
                                               events before it are consumed), or timeout: true; seen: history
  events   id window_ms                     -> the events not yet consumed, after collecting for window_ms
  zap      users                            starts (once) a ZAP handler: PLAIN users {name: password} get 200,
                                            anyone else 400
  zap_log                                   -> the ZAP requests answered so far
  service  id                               lets the socket process pending commands, as an event loop would
  close    id
  quit
Written for the jzmtp spec module; test code only.
"""
import base64
import hashlib
import json
import sys
import threading
import time

import zmq
from zmq.utils.monitor import recv_monitor_message

CTX = zmq.Context()
SOCKETS = {}
EVENT_NAMES = {getattr(zmq, n): n[len("EVENT_"):] for n in dir(zmq)
               if n.startswith("EVENT_") and not n.startswith("EVENT_ALL")}


class Entry:
    def __init__(self, sock, monitor):
        self.sock = sock
        self.monitor = monitor
        self.seen = []      # every event collected, as dicts
        self.consumed = 0   # how many of them await_event/events have consumed

    def collect(self, timeout_ms):
        """Reads monitor events for up to timeout_ms; returns after the first batch that arrives."""
        if self.monitor is None:
            raise ValueError("socket has no monitor")
        got = False
        if self.monitor.poll(max(0, int(timeout_ms))):
            while True:
                msg = recv_monitor_message(self.monitor)
                self.seen.append({"event": EVENT_NAMES.get(msg["event"], str(msg["event"])),
                                  "value": msg["value"],
                                  "endpoint": msg["endpoint"].decode("utf-8", "replace")})
                got = True
                if not self.monitor.poll(0):
                    break
        return got


class Zap:
    """A ZAP (RFC 27) handler for PLAIN on its own thread; the only user of its socket."""

    def __init__(self):
        self.users = {}
        self.log = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.sock = CTX.socket(zmq.REP)
        self.sock.linger = 0
        self.sock.bind("inproc://zeromq.zap.01")
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop.is_set():
            if not self.sock.poll(50):
                continue
            req = self.sock.recv_multipart()
            version, request_id, domain, address, identity, mechanism = req[:6]
            creds = req[6:]
            with self.lock:
                users = dict(self.users)
            ok = (mechanism == b"PLAIN" and len(creds) == 2
                  and users.get(creds[0].decode("utf-8", "replace")) == creds[1].decode("utf-8", "replace"))
            status = b"200" if ok else b"400"
            with self.lock:
                self.log.append({"mechanism": mechanism.decode(), "domain": domain.decode("utf-8", "replace"),
                                 "address": address.decode("utf-8", "replace"),
                                 "username": creds[0].decode("utf-8", "replace") if creds else None,
                                 "status": status.decode()})
            user_id = creds[0] if ok else b""
            self.sock.send_multipart([version, request_id, status, b"OK" if ok else b"refused", user_id, b""])
        self.sock.close(0)


ZAP = None


def to_bytes(value):
    if isinstance(value, dict):
        return bytes.fromhex(value["hex"]) if "hex" in value else base64.b64decode(value["b64"])
    if isinstance(value, str):
        return value.encode("utf-8")
    raise ValueError("not bytes: %r" % (value,))


def set_options(sock, options):
    for name, value in (options or {}).items():
        opt = getattr(zmq, name)
        if isinstance(value, bool):
            sock.setsockopt(opt, int(value))
        elif isinstance(value, int):
            sock.setsockopt(opt, value)
        else:
            sock.setsockopt(opt, to_bytes(value))


def frame_out(spec):
    if isinstance(spec, dict) and "hex" in spec:
        return bytes.fromhex(spec["hex"])
    if isinstance(spec, dict):
        n = spec["pattern"]
        return bytes(range(256)) * (n // 256) + bytes(range(n % 256))
    return base64.b64decode(spec)


def frame_in(data, digest):
    if digest:
        return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return base64.b64encode(data).decode("ascii")


def entry(cmd):
    e = SOCKETS.get(cmd["id"])
    if e is None:
        raise KeyError("no socket %s" % cmd["id"])
    return e


def op_socket(cmd):
    if cmd["id"] in SOCKETS:
        raise ValueError("socket %s exists" % cmd["id"])
    sock = CTX.socket(getattr(zmq, cmd["type"]))
    sock.linger = 0
    set_options(sock, cmd.get("options"))
    monitor = sock.get_monitor_socket(zmq.EVENT_ALL) if cmd.get("monitor") else None
    SOCKETS[cmd["id"]] = Entry(sock, monitor)
    return {}


def op_send(cmd):
    e = entry(cmd)
    frames = [frame_out(f) for f in cmd["frames"]]
    e.sock.sndtimeo = int(cmd.get("timeout_ms", 5000))
    retry_ms = int(cmd.get("retry_unreachable_ms", 0))
    deadline = time.monotonic() + retry_ms / 1000.0
    while True:
        try:
            e.sock.send_multipart(frames)
            return {}
        except zmq.Again:
            return {"ok": False, "error": "send timed out"}
        except zmq.ZMQError as err:
            if err.errno != zmq.EHOSTUNREACH or time.monotonic() > deadline:
                raise
            time.sleep(0.002)  # the peer's own poll for a route; bounded by retry_unreachable_ms


def op_recv(cmd):
    e = entry(cmd)
    if not e.sock.poll(int(cmd["timeout_ms"]), zmq.POLLIN):
        return {"timeout": True}
    frames = e.sock.recv_multipart()
    return {"frames": [frame_in(f, cmd.get("digest", False)) for f in frames]}


def op_await_event(cmd):
    e = entry(cmd)
    wanted = set(cmd["events"])
    deadline = time.monotonic() + int(cmd["timeout_ms"]) / 1000.0
    while True:
        while e.consumed < len(e.seen):
            ev = e.seen[e.consumed]
            e.consumed += 1
            if ev["event"] in wanted:
                return dict(ev, seen=[s["event"] for s in e.seen])
        left = deadline - time.monotonic()
        if left <= 0:
            return {"timeout": True, "seen": [s["event"] for s in e.seen]}
        e.collect(left * 1000)


def op_events(cmd):
    e = entry(cmd)
    deadline = time.monotonic() + int(cmd.get("window_ms", 0)) / 1000.0
    e.collect(0)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        e.collect(left * 1000)
    out = e.seen[e.consumed:]
    e.consumed = len(e.seen)
    return {"events": out}


def op_close(cmd):
    e = SOCKETS.pop(cmd["id"])
    if e.monitor is not None:
        e.sock.disable_monitor()
        e.monitor.close(0)
    e.sock.close()
    return {}


def op_zap(cmd):
    global ZAP
    if ZAP is None:
        ZAP = Zap()
    with ZAP.lock:
        ZAP.users = dict(cmd["users"])
    return {}


def op_zap_log(cmd):
    if ZAP is None:
        return {"log": []}
    with ZAP.lock:
        return {"log": list(ZAP.log)}


def handle(cmd):
    op = cmd["op"]
    if op == "version":
        return {"zmq": zmq.zmq_version(), "pyzmq": zmq.__version__, "python": sys.version.split()[0]}
    if op == "socket":
        return op_socket(cmd)
    if op == "setsockopt":
        set_options(entry(cmd).sock, cmd["options"])
        return {}
    if op == "bind":
        sock = entry(cmd).sock
        sock.bind(cmd["endpoint"])
        return {"endpoint": sock.getsockopt_string(zmq.LAST_ENDPOINT)}
    if op == "service":
        # What an application's event loop does: lets the socket process pending commands (a bound SUB sends its
        # subscriptions to a new peer only then).
        entry(cmd).sock.getsockopt(zmq.EVENTS)
        return {}
    if op in ("connect", "unbind", "disconnect"):
        getattr(entry(cmd).sock, op)(cmd["endpoint"])
        return {}
    if op == "send":
        return op_send(cmd)
    if op == "recv":
        return op_recv(cmd)
    if op == "await_event":
        return op_await_event(cmd)
    if op == "events":
        return op_events(cmd)
    if op == "close":
        return op_close(cmd)
    if op == "zap":
        return op_zap(cmd)
    if op == "zap_log":
        return op_zap_log(cmd)
    raise ValueError("unknown op %r" % op)


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    while True:
        line = sys.stdin.readline()
        if not line:
            break
        line = line.strip()
        if not line:
            continue
        try:
            cmd = json.loads(line)
            if cmd.get("op") == "quit":
                break
            out = handle(cmd)
            out.setdefault("ok", True)
        except Exception as err:  # reported to the test, which fails with it
            out = {"ok": False, "error": "%s: %s" % (type(err).__name__, err)}
        reply(out)
    for key in list(SOCKETS):
        try:
            op_close({"id": key})
        except Exception:
            pass
    if ZAP is not None:
        ZAP.stop.set()
        ZAP.thread.join(2)
    CTX.term()
    reply({"ok": True, "bye": True})


if __name__ == "__main__":
    main()
