#!/usr/bin/env python3
"""How fast a streaming client's departure reaches the upstream.

Starts the emulator, points a model at the mock LLM over loopback HTTP with a first token 5 s away, and
for each try opens a `_predict/stream`, waits until the mock is answering, closes the connection and reads
from the mock's served log when the upstream request ended. Prints the latencies as a table.

    python3 Tests/bench/departure.py --binary .build/release/ml-commons-emulator --tries 50
"""
import argparse
import json
import os
import socket
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pysupport"))
from emulator import call, start  # noqa: E402

SETTINGS = {"persistent": {
    "plugins.ml_commons.stream_enabled": True,
    "plugins.ml_commons.trusted_connector_endpoints_regex": [r"^http://127\.0\.0\.1:.*$"],
    "plugins.ml_commons.connector.private_ip_enabled": True}}
SILENT = {"default": {"reply": {"text": "late"}, "pacing": {"time_to_first_token_ms": 5000}}}
QUESTION = {"parameters": {"messages": [{"role": "user", "content": "Hi"}], "_llm_interface": "openai/v1/chat/completions"}}


def served(port):
    return [r for r in call(port, "GET", "/__emulator/mock-llm/served")["requests"] if r["path"].endswith("/chat/completions")]


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the mock")
        time.sleep(0.002)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/release/ml-commons-emulator")
    parser.add_argument("--tries", type=int, default=50)
    args = parser.parse_args()
    proc, port = start(args.binary, "--llm", "mock")
    try:
        call(port, "PUT", "/_cluster/settings", SETTINGS)
        connector = json.load(open("fixtures/requests/create-openai-connector.json"))
        for action in connector["actions"]:
            action["url"] = action["url"].replace("https://${parameters.endpoint}", "http://127.0.0.1:%d/__emulator/mock-llm" % port)
        connector_id = call(port, "POST", "/_plugins/_ml/connectors/_create", connector)["connector_id"]
        model_id = call(port, "POST", "/_plugins/_ml/models/_register",
                        {"name": "bench", "function_name": "remote", "connector_id": connector_id})["model_id"]
        call(port, "PUT", "/__emulator/mock-llm/script", SILENT)
        body = json.dumps(QUESTION).encode()
        latencies = []
        for attempt in range(1, args.tries + 1):
            client = socket.create_connection(("127.0.0.1", port))
            client.sendall(b"POST /_plugins/_ml/models/%s/_predict/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (model_id.encode(), len(body), body))
            wait_for(lambda: len(served(port)) == attempt)
            left = time.time() * 1000
            client.close()
            wait_for(lambda: served(port)[-1]["outcome"] != "answering")
            entry = served(port)[-1]
            if entry["outcome"] != "client_left":
                raise SystemExit("the upstream request ended as %r, not client_left" % entry["outcome"])
            latencies.append(max(0.0, entry["ended_at"] - left))  # ended_at is whole milliseconds
    finally:
        proc.terminate()
        proc.wait(10)
    ordered = sorted(latencies)
    percentile = lambda p: ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
    print("client leaves during upstream silence -> upstream request ends (ms, %d tries)" % len(ordered))
    print("| min | p50 | p90 | p99 | max | mean |")
    print("|---|---|---|---|---|---|")
    print("| %.0f | %.0f | %.0f | %.0f | %.0f | %.1f |" % (ordered[0], percentile(50), percentile(90), percentile(99), ordered[-1],
                                                     statistics.mean(ordered)))


if __name__ == "__main__":
    main()
