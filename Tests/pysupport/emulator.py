"""The emulator as a child process on a free loopback port, and a small JSON client for it (standard library only)."""
import http.client
import json
import os
import re
import subprocess
import threading


def start(binary, *args, env=None, data=":memory:"):
    """Starts `binary` on a free port with `data` (a throwaway store unless told); returns the process and the port
    it listens on (`http://` or, with `--security`, `https://`). `env` adds environment variables."""
    environment = dict(os.environ, **(env or {}))
    proc = subprocess.Popen([binary, "--host", "127.0.0.1", "--port", "0", "--data", data, *args], env=environment,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc, listening_port(proc, "the server")


def listening_port(proc, name, timeout=60):
    """The port in `proc`'s `listening on http(s)://host:PORT` line; its output is drained from then on. Kills
    `proc` and exits, naming it `name`, when the line has not come within `timeout` seconds."""
    port, ready = [], threading.Event()

    def pump():
        for raw in iter(proc.stdout.readline, b""):
            found = re.search(r"listening on https?://\S+:(\d+)", raw.decode("utf-8", "replace"))
            if found and not ready.is_set():
                port.append(int(found.group(1)))
                ready.set()
    threading.Thread(target=pump, daemon=True).start()
    if not ready.wait(timeout):
        proc.kill()
        proc.wait()
        raise SystemExit("%s did not start" % name)
    return port[0]


def call(port, method, path, body=None, raw=False):
    """One request; the answer as JSON, or as text with `raw`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = json.dumps(body) if body is not None else None
    connection.request(method, path, data, {"Content-Type": "application/json"} if data else {})
    payload = connection.getresponse().read().decode()
    connection.close()
    if raw:
        return payload
    return json.loads(payload) if payload else {}
