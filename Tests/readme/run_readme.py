#!/usr/bin/env python3
"""Runs the README top to bottom, as a reader would in one fresh shell against a fresh server.

Every ```bash and ```python block runs in order in one bash session from the repository's folder (so variables
carry from block to block), except a block right after `<!-- readme-runner: skip … -->`. What the runner changes,
and nothing else:
- the server is started on a free port with a fresh data file, and `127.0.0.1:9200` (or `localhost:9200`) in the
  blocks is that port;
- a line `swift run -c release ml-commons-emulator ARGS &` restarts the server with ARGS (the previous one is
  stopped, as the README asks the reader to);
- `curl` must get a 2xx answer, or the status a `# NNN` comment at the end of its line names; a refused
  connection, a failed command or a Python exception fails the run too.

    python3 Tests/readme/run_readme.py --binary .build/release/ml-commons-emulator [--python .build/ci-venv/bin/python]
"""
import argparse
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SKIP = re.compile(r"^<!--\s*readme-runner:\s*skip\b")
RESTART = re.compile(r"^swift run -c release ml-commons-emulator(?P<args>.*?)\s*&\s*$")
EXPECTED = re.compile(r"^(?P<command>\s*curl\s.*?)\s+#\s*(?P<status>\d{3})\s*$")

PREAMBLE = r"""
set -euo pipefail
cd "$README_ROOT"
SERVER_PID=""
SERVER_GENERATION=0

stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
trap stop_server EXIT

# Starts the binary with the given options on the runner's port and a fresh data file, and waits until it answers.
restart_server() {
  stop_server
  SERVER_GENERATION=$((SERVER_GENERATION + 1))
  ML_EMULATOR_PORT="$README_PORT" ML_EMULATOR_DATA="$README_TMP/data-$SERVER_GENERATION.sqlite" \
    "$README_BINARY" "$@" >>"$README_TMP/server.log" 2>&1 &
  SERVER_PID=$!
  local scheme=http
  case " $* " in *" --security "*) scheme=https ;; esac
  for _ in $(seq 1 100); do
    if command curl -kfs "$scheme://127.0.0.1:$README_PORT/__emulator/health" >/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "README runner: the server did not start; its log:" >&2
  cat "$README_TMP/server.log" >&2
  return 1
}

# curl as written in the README, failing unless the status is 2xx (or the one the line's `# NNN` names).
curl() {
  command curl -D "$README_TMP/headers" "$@"
  local status
  status=$(awk 'NR == 1 { print $2 }' "$README_TMP/headers")
  if [ -n "${EXPECT_STATUS:-}" ]; then
    [ "$status" = "$EXPECT_STATUS" ] && return 0
  else
    case "$status" in 2??) return 0 ;; esac
  fi
  echo >&2
  echo "README runner: curl $* answered ${status:-nothing} (expected ${EXPECT_STATUS:-2xx})" >&2
  return 1
}

restart_server
"""


def blocks(text):
    """(first line number, language, lines) of every bash or python block not marked to skip."""
    lines = text.splitlines()
    found, index, previous = [], 0, ""
    while index < len(lines):
        fence = re.match(r"^```(bash|python)\s*$", lines[index])
        if fence:
            start, body = index + 1, []
            index += 1
            while index < len(lines) and not lines[index].startswith("```"):
                body.append(lines[index])
                index += 1
            if not SKIP.match(previous):
                found.append((start + 1, fence.group(1), body))
        elif lines[index].strip():
            previous = lines[index].strip()
        index += 1
    return found


def bash_line(line, port):
    line = line.replace("127.0.0.1:9200", f"127.0.0.1:{port}").replace("localhost:9200", f"localhost:{port}")
    restart = RESTART.match(line)
    if restart:
        return "restart_server " + restart.group("args").strip()
    expected = EXPECTED.match(line)
    if expected:
        return f"EXPECT_STATUS={expected.group('status')} {expected.group('command').strip()}"
    return line


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--python", default=sys.executable, help="the interpreter for ```python blocks (with httpx)")
    parser.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    args = parser.parse_args()

    with open(args.readme, encoding="utf-8") as file:
        found = blocks(file.read())
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="readme-run-") as scratch:
        script = [PREAMBLE]
        for number, (line_number, language, body) in enumerate(found, 1):
            script.append(f"echo; echo '::: README block {number}, line {line_number} ({language})'")
            if language == "bash":
                script.extend(bash_line(line, port) for line in body)
            else:
                path = os.path.join(scratch, f"block-{number}.py")
                with open(path, "w", encoding="utf-8") as file:
                    file.write("\n".join(line.replace("127.0.0.1:9200", f"127.0.0.1:{port}") for line in body) + "\n")
                script.append(f"{shlex.quote(args.python)} {shlex.quote(path)}")
        environment = dict(os.environ, README_ROOT=ROOT, README_PORT=str(port), README_TMP=scratch,
                           README_BINARY=os.path.abspath(args.binary))
        result = subprocess.run(["bash", "-c", "\n".join(script)], env=environment)
        if result.returncode != 0:
            log = os.path.join(scratch, "server.log")
            if os.path.exists(log):
                with open(log, encoding="utf-8", errors="replace") as file:
                    sys.stderr.write("--- server log (last lines) ---\n" + "".join(file.readlines()[-20:]))
            raise SystemExit(f"FAILED: the README stopped with exit status {result.returncode} (see the block above)")
    print(f"\nthe README ran top to bottom: {len(found)} blocks")


if __name__ == "__main__":
    main()
