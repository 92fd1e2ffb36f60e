#!/usr/bin/env python3
"""The emulator's benchmark: one table per run, every figure next to its floor measured in the same run.

Builds nothing: give it the release binaries (`swift build -c release --product ml-commons-emulator` and
`--product relay-floor`). It starts the emulator and a second emulator process as the loopback upstream (its mock
LLM served over HTTP, the same bytes a provider sends), and measures:

- the `_predict/stream` relay: an upstream streaming N tokens, read directly, through the emulator and through
  `relay-floor`, a relay that does no work, on the emulator's stack and on SwiftNIO alone (the floor of the
  stack), in turn (added time to first token p50/p99, added inter-chunk delay p99, whole stream p50), then 1, 100
  and 1,000 concurrent paced streams (wall time, errors, the emulator's peak RSS);
- the documentation's agent over the in-process mock with zero latency (`_execute/stream`, per run);
- request rates with wrk (Debian's `wrk`): `GET /` as the floor, `GET` by id of a connector, a model, an agent
  and a memory, `_search`, and memory-message writes with 32 connections;
- start to first 200 (empty data file, and one with 100,000 documents), idle RSS and RSS after 10,000 streams.

    python3 Benchmarks/bench.py --binary .build/release/ml-commons-emulator [--quick]
"""
import argparse
import asyncio
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Tests", "pysupport"))
from emulator import call, listening_port, start  # noqa: E402

FIXTURES = os.path.join(HERE, "..", "fixtures", "requests")
SETTINGS = {"persistent": {
    "plugins.ml_commons.stream_enabled": True,
    "plugins.ml_commons.trusted_connector_endpoints_regex": [r"^http://127\.0\.0\.1:.*$"],
    "plugins.ml_commons.connector.private_ip_enabled": True}}
CHAT_PATH = "/__emulator/mock-llm/v1/chat/completions"


# ---------------------------------------------------------------- measuring one stream

async def stream(port, path, body):
    """POSTs `body`, reads the chunked SSE answer; returns (status, [(arrival in seconds since the request was
    written, whether the event carries a token)] for every `data:` event)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payload = json.dumps(body).encode()
    writer.write(b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                 % (path.encode(), len(payload)) + payload)
    await writer.drain()
    sent = time.perf_counter()
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    arrivals, buffer = [], b""
    while True:
        size_line = await reader.readline()
        if not size_line:
            break
        size = int(size_line.strip() or b"0", 16)
        if size == 0:
            await reader.readline()
            break
        chunk = await reader.readexactly(size)
        await reader.readline()
        now = time.perf_counter() - sent
        buffer += chunk
        while b"\n\n" in buffer:
            event, buffer = buffer.split(b"\n\n", 1)
            if event.startswith(b"data:"):
                arrivals.append((now, carries_token(event[5:])))
    writer.close()
    return status, arrivals


def carries_token(data):
    """Whether an SSE event's data carries text a user would see: an OpenAI delta with content (the upstream's
    first event is a role-only delta with empty content, which ml-commons does not pass on), or any other event."""
    try:
        value = json.loads(data)
    except ValueError:
        return False
    if isinstance(value, dict) and "choices" in value:
        return any((choice.get("delta") or {}).get("content") for choice in value["choices"])
    return True


def first_token(arrivals):
    found = next((at for at, token in arrivals if token), None)
    if found is None:
        raise SystemExit("a stream carried no token")
    return found


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def gaps(arrivals):
    times = [at for at, _ in arrivals]
    return [b - a for a, b in zip(times, times[1:])]


def rss_mb(pid, field="VmRSS"):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------- the relay

def upstream_script(tokens, delay_ms):
    text = " ".join("token%d" % i for i in range(tokens))
    return {"default": {"reply": {"text": text},
                        "pacing": {"time_to_first_token_ms": 0, "delay_between_tokens_ms": delay_ms, "tokens_per_chunk": 1}}}


def relay_model(port, upstream_port):
    call(port, "PUT", "/_cluster/settings", SETTINGS)
    with open(os.path.join(FIXTURES, "create-openai-connector.json")) as file:
        connector = json.load(file)
    for action in connector["actions"]:
        action["url"] = "http://127.0.0.1:%d/__emulator/mock-llm/v1/chat/completions" % upstream_port
    connector_id = call(port, "POST", "/_plugins/_ml/connectors/_create", connector)["connector_id"]
    return call(port, "POST", "/_plugins/_ml/models/_register?deploy=true",
                {"name": "bench", "function_name": "remote", "connector_id": connector_id})["model_id"]


DIRECT_BODY = {"model": "gpt-3.5-turbo", "stream": True, "messages": [{"role": "user", "content": "Hi"}]}
RELAY_BODY = {"parameters": {"messages": [{"role": "user", "content": "Hi"}], "_llm_interface": "openai/v1/chat/completions"}}


async def sequential(port, path, body, runs):
    results = []
    for _ in range(runs):
        status, arrivals = await stream(port, path, body)
        if status != 200 or not arrivals:
            raise SystemExit("a stream failed: status %d, %d events" % (status, len(arrivals)))
        results.append(arrivals)
    return results


async def concurrent(port, path, body, count):
    started = time.perf_counter()
    outcomes = await asyncio.gather(*(stream(port, path, body) for _ in range(count)), return_exceptions=True)
    wall = time.perf_counter() - started
    errors = sum(1 for outcome in outcomes if isinstance(outcome, Exception) or outcome[0] != 200 or not outcome[1])
    return wall, errors


def start_relay_floor(binary, stack, upstream_url):
    """Starts the relay that does no work (`relay-floor`) on `stack`; returns the process and its port."""
    proc = subprocess.Popen([binary, "--stack", stack, "--upstream", upstream_url], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc, listening_port(proc, "relay-floor --stack %s" % stack, timeout=30)


def stop(processes):
    """Asks every process to end, then waits for each, killing one that does not."""
    for proc in processes:
        proc.terminate()
    for proc in processes:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


async def interleaved(targets, runs):
    """Streams through every (port, path, body) in turn, `runs` times, so a slow spell of the host falls on all
    of them alike; returns each target's results in order."""
    results = [[] for _ in targets]
    for _ in range(runs):
        for index, (port, path, body) in enumerate(targets):
            results[index].extend(await sequential(port, path, body, 1))
    return results


def relay(rows, binary, floor_binary, tokens, runs, levels):
    upstream, upstream_port = start(binary, "--mock-token-delay-ms", "0")
    emulator, port = start(binary)
    upstream_url = "http://127.0.0.1:%d%s" % (upstream_port, CHAT_PATH)
    floors = []
    try:
        for stack in ("hummingbird", "nio"):
            floors.append(start_relay_floor(floor_binary, stack, upstream_url))
        model = relay_model(port, upstream_port)
        path = "/_plugins/_ml/models/%s/_predict/stream" % model
        call(upstream_port, "PUT", "/__emulator/mock-llm/script", upstream_script(tokens, 0))
        targets = [(upstream_port, CHAT_PATH, DIRECT_BODY), (port, path, RELAY_BODY)]
        targets += [(floor_port, "/relay", DIRECT_BODY) for _, floor_port in floors]
        asyncio.run(interleaved(targets, 20))  # warm-up
        direct, through, *bare = asyncio.run(interleaved(targets, runs))
        first = lambda results: [first_token(arrivals) * 1000 for arrivals in results]
        whole = lambda results: [arrivals[-1][0] * 1000 for arrivals in results]
        rows.append(("relay, %d tokens at 0 ms: time to first token p50" % tokens, "ms",
                     statistics.median(first(direct)), statistics.median(first(through)), "≤ +0.5"))
        rows.append(("the same through a relay that does no work instead: Hummingbird + AsyncHTTPClient / SwiftNIO alone", "ms",
                     statistics.median(first(direct)),
                     " / ".join("%.2f" % statistics.median(first(results)) for results in bare), ""))
        rows.append(("relay: time to first token p99", "ms",
                     percentile(first(direct), 0.99), percentile(first(through), 0.99), ""))
        rows.append(("relay: whole stream p50", "ms", statistics.median(whole(direct)), statistics.median(whole(through)), ""))

        call(upstream_port, "PUT", "/__emulator/mock-llm/script", upstream_script(tokens, 10))
        direct = asyncio.run(sequential(upstream_port, CHAT_PATH, DIRECT_BODY, max(10, runs // 5)))
        through = asyncio.run(sequential(port, path, RELAY_BODY, max(10, runs // 5)))
        gap = lambda results: [g * 1000 for arrivals in results for g in gaps(arrivals[:-1])]
        rows.append(("relay, 10 ms apart: inter-chunk delay p99", "ms",
                     percentile(gap(direct), 0.99), percentile(gap(through), 0.99), "≤ +1"))

        for count in levels:
            direct_wall, direct_errors = asyncio.run(concurrent(upstream_port, CHAT_PATH, DIRECT_BODY, count))
            wall, errors = asyncio.run(concurrent(port, path, RELAY_BODY, count))
            rows.append(("%d concurrent paced streams: wall" % count, "ms", direct_wall * 1000, wall * 1000, ""))
            rows.append(("%d concurrent: errors" % count, "", direct_errors, errors, "0"))
        rows.append(("emulator peak RSS after the streams", "MB", "", rss_mb(emulator.pid, "VmHWM"), "< 150"))
    finally:
        stop([emulator, upstream] + [floor for floor, _ in floors])


# ---------------------------------------------------------------- the documentation's agent

def docs_agent(rows, binary, runs):
    emulator, port = start(binary, "--mock-token-delay-ms", "0")
    try:
        call(port, "PUT", "/_cluster/settings", {"persistent": {"plugins.ml_commons.stream_enabled": True}})
        with open(os.path.join(HERE, "..", "fixtures", "mock-llm", "chat-agent.json")) as file:
            call(port, "PUT", "/__emulator/mock-llm/script", json.load(file))
        with open(os.path.join(FIXTURES, "create-openai-agent-connector.json")) as file:
            connector = call(port, "POST", "/_plugins/_ml/connectors/_create", json.load(file))["connector_id"]
        model = call(port, "POST", "/_plugins/_ml/models/_register",
                     {"name": "gpt", "function_name": "remote", "connector_id": connector})["model_id"]
        with open(os.path.join(FIXTURES, "register-chat-agent.json")) as file:
            agent = call(port, "POST", "/_plugins/_ml/agents/_register",
                         json.loads(file.read().replace("${model_id}", model)))["agent_id"]
        path = "/_plugins/_ml/agents/%s/_execute/stream" % agent
        body = {"parameters": {"question": "How many indices are in my cluster?"}}
        asyncio.run(sequential(port, path, body, 10))
        results = asyncio.run(sequential(port, path, body, runs))
        direct = asyncio.run(sequential(port, CHAT_PATH, DIRECT_BODY, runs))
        rows.append(("docs' agent run over the zero-latency mock (2 LLM calls, 1 tool)", "ms",
                     2 * statistics.median([arrivals[-1][0] * 1000 for arrivals in direct]),
                     statistics.median([arrivals[-1][0] * 1000 for arrivals in results]), "≤ floor + 3"))
    finally:
        emulator.terminate()
        emulator.wait(10)


# ---------------------------------------------------------------- request rates

LUA_POST = """
wrk.method = "POST"
wrk.body = '%s'
wrk.headers["Content-Type"] = "application/json"
"""


def wrk(url, seconds, connections, body=None):
    """Requests per second, and non-2xx answers."""
    args = ["wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds, "--latency", url]
    script = None
    if body is not None:
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write(LUA_POST % json.dumps(body).replace("'", "\\'"))
        script.close()
        args[1:1] = ["-s", script.name]
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if script:
        os.unlink(script.name)
    rate = next(float(line.split()[1]) for line in output.splitlines() if line.startswith("Requests/sec:"))
    failed = next((int(line.split()[-1]) for line in output.splitlines() if "Non-2xx" in line), 0)
    return rate, failed


def rates(rows, binary, seconds, data):
    emulator, port = start(binary, "--log-level", "warning", data=data)
    try:
        base = "http://127.0.0.1:%d" % port
        with open(os.path.join(FIXTURES, "create-openai-connector.json")) as file:
            connector = call(port, "POST", "/_plugins/_ml/connectors/_create", json.load(file))["connector_id"]
        model = call(port, "POST", "/_plugins/_ml/models/_register",
                     {"name": "gpt", "function_name": "remote", "connector_id": connector})["model_id"]
        memory = call(port, "POST", "/_plugins/_ml/memory", {"name": "bench"})["memory_id"]
        floor, _ = wrk(base + "/", seconds, 32)
        rows.append(("GET / (the floor)", "req/s", floor, floor, ""))
        for name, path in [("connector", "/_plugins/_ml/connectors/" + connector), ("model", "/_plugins/_ml/models/" + model),
                           ("memory", "/_plugins/_ml/memory/" + memory)]:
            rate, failed = wrk(base + path, seconds, 32)
            rows.append(("GET %s by id%s" % (name, "" if not failed else " (%d non-2xx)" % failed), "req/s", floor, rate, "≥ 0.6 × floor"))
        rate, failed = wrk(base + "/_plugins/_ml/models/_search", seconds, 32, {"query": {"match": {"name": "gpt"}}})
        rows.append(("POST models/_search", "req/s", floor, rate, ""))
        rate, failed = wrk(base + "/_plugins/_ml/memory/%s/messages" % memory, seconds, 32, {"input": "hello", "response": "hi"})
        rows.append(("memory-message writes, 32 writers%s" % ("" if not failed else " (%d non-2xx)" % failed), "req/s",
                     "", rate, "≥ 10,000"))
    finally:
        emulator.terminate()
        emulator.wait(10)


# ---------------------------------------------------------------- start and memory

def first_200(binary, data):
    started = time.perf_counter()
    proc, port = start(binary, data=data)
    elapsed = time.perf_counter() - started
    while True:
        try:
            call(port, "GET", "/")
            break
        except OSError:
            time.sleep(0.001)
    return proc, port, (time.perf_counter() - started) * 1000, elapsed


def startup(rows, binary, documents):
    scratch = tempfile.mkdtemp(prefix="bench-")
    try:
        empty = os.path.join(scratch, "empty.sqlite")
        proc, port, millis, _ = first_200(binary, empty)
        idle = rss_mb(proc.pid)
        proc.terminate()
        proc.wait(10)
        rows.append(("start to first 200, empty data file", "ms", "", millis, "≤ 50"))
        rows.append(("idle RSS", "MB", "", idle, "≤ 45"))

        full = os.path.join(scratch, "full.sqlite")
        proc, port, _, _ = first_200(binary, full)
        batch = 5000
        for offset in range(0, documents, batch):
            lines = []
            for number in range(offset, min(documents, offset + batch)):
                lines.append('{"index":{"_index":"bench"}}')
                lines.append(json.dumps({"title": "document %d" % number, "n": number}))
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request("POST", "/_bulk", ("\n".join(lines) + "\n").encode(), {"Content-Type": "application/x-ndjson"})
            connection.getresponse().read()
            connection.close()
        proc.terminate()
        proc.wait(30)
        proc, port, millis, _ = first_200(binary, full)
        count = call(port, "GET", "/_cat/indices/bench?format=json")
        proc.terminate()
        proc.wait(10)
        rows.append(("start to first 200, %s documents (%s stored)" % (format(documents, ","), count[0].get("docs.count", "?")),
                     "ms", "", millis, "≤ 50"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def after_streams(rows, binary, streams):
    upstream, upstream_port = start(binary, "--mock-token-delay-ms", "0")
    emulator, port = start(binary, "--mock-token-delay-ms", "0", "--log-level", "warning")
    try:
        model = relay_model(port, upstream_port)
        call(upstream_port, "PUT", "/__emulator/mock-llm/script", upstream_script(20, 0))
        path = "/_plugins/_ml/models/%s/_predict/stream" % model

        async def many():
            for start_at in range(0, streams, 100):
                await asyncio.gather(*(stream(port, path, RELAY_BODY) for _ in range(min(100, streams - start_at))))
        asyncio.run(many())
        rows.append(("RSS after %s streams" % format(streams, ","), "MB", "", rss_mb(emulator.pid), ""))
    finally:
        for proc in (emulator, upstream):
            proc.terminate()
            proc.wait(10)


# ---------------------------------------------------------------- the table

def render(rows):
    def cell(value):
        if isinstance(value, float):
            return "%.2f" % value if value < 100 else format(round(value), ",")
        return str(value)
    print("| measure | unit | floor (same run) | emulator | target |")
    print("|---|---|---|---|---|")
    for name, unit, floor, value, target in rows:
        print("| %s | %s | %s | %s | %s |" % (name, unit, cell(floor), cell(value), target))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/release/ml-commons-emulator")
    parser.add_argument("--relay-floor", help="the relay that does no work (default: relay-floor beside --binary)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and shorter rate windows, for a smoke test")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed for the request rates: apt-get install -y wrk")
    floor_binary = args.relay_floor or os.path.join(os.path.dirname(args.binary), "relay-floor")
    if not os.access(floor_binary, os.X_OK):
        raise SystemExit("%s is missing: swift build -c release --product relay-floor" % floor_binary)
    quick = args.quick
    rows = []
    relay(rows, args.binary, floor_binary, tokens=50, runs=40 if quick else 200, levels=[1, 100] if quick else [1, 100, 1000])
    docs_agent(rows, args.binary, runs=20 if quick else 100)
    with tempfile.TemporaryDirectory(prefix="bench-rates-") as scratch:
        rates(rows, args.binary, seconds=2 if quick else 5, data=os.path.join(scratch, "rates.sqlite"))
    startup(rows, args.binary, documents=10_000 if quick else 100_000)
    after_streams(rows, args.binary, streams=1_000 if quick else 10_000)
    render(rows)


if __name__ == "__main__":
    main()
