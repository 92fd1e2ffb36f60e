#!/usr/bin/env python3
"""Seeded hostile-input fuzzer for ml-commons-emulator (standard library only; see README.md beside it).

Starts the server (or targets --url), creates real state so deep paths are reachable, then sends N
deterministic hostile requests over every route family and records crashes, hangs, slow answers,
unexpected 5xx, error bodies outside OpenSearch's forms, and invalid JSON or event streams.
"""
import argparse
import collections
import copy
import http.client
import json
import os
import random
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

DEFAULT_SEED = 20261129
SLOW_S = 2.0             # budget for the response headers, and for the whole body outside event streams
BODY_BYTES_PER_S = 10e6  # plus reading the request at 10 MB/s: a 60 MB body may take 6 s more to parse
CLIENT_TIMEOUT_S = 10.0  # per socket operation; hitting it is a "timeout" (or a "hang" if GET / stops answering too)
STREAM_CAP_S = 60.0      # a stream still open after this long is cut
HEALTH_EVERY, HEALTH_BUDGET_S = 500, 0.5
STANDARD_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"}
ROOT = Path(__file__).resolve().parents[2]
ML = "/_plugins/_ml"
SEVERITY = ["crash", "hang", "timeout", "5xx", "slow", "dropped", "health", "envelope", "json", "sse"]

# 5xx forms a real ml-commons/OpenSearch node answers too: (family or "*", status, error type, reason part, why).
ALLOWED_5XX = [
    ("*", 501, "emulator_not_implemented_exception", "the emulator does not implement yet",
     "an ml-commons API of the release that has no handler yet (DIFFERENCES.md, 'APIs not built yet')"),
    ("*", 501, "EmulatorNotImplementedException", "the emulator does not run yet",
     "a tool ml-commons has that the emulator cannot run yet, in the execute API's envelope (DIFFERENCES.md, 'Runnable tools')"),
    ("*", 500, "exception", "Search execution failed",
     "a memory search of a type the container disables (sessions, history): ml-commons searches a null index and fails, 500"),
    ("*", 500, "illegal_state_exception", "Can't get text on a",
     "XContentParser.text() on an object or array throws IllegalStateException, which OpenSearch answers with 500"),
    ("*", 500, "illegal_state_exception", "Infinite loop in property interpolation",
     "commons-text's StringSubstitutor reports a parameter cycle as IllegalStateException: 500"),
    ("*", 500, "IllegalStateException", "Infinite loop in property interpolation",
     "the same cycle inside an agent run, in the execute API's envelope"),
    ("*", 500, "m_l_exception", "Fail to execute predict",
     "ml-commons wraps a failing response_filter or post-process function in MLException: 500"),
    ("*", 500, "i_o_exception", "has empty body", "ml-commons' request parsers throw IOException for a missing body: 500"),
    ("*", 500, "null_pointer_exception", "must not be null", "ml-commons' Objects.requireNonNull checks: 500"),
    ("*", 500, "null_pointer_exception", "Cannot invoke", "ml-commons dereferences a missing agent memory spec: 500"),
    ("*", 500, "settings_exception", "Failed to load settings", "SettingsException is an OpenSearchException with status 500"),
    ("*", 500, "illegal_state_exception", "The AG-UI agent feature is not enabled",
     "an AG-UI body on _execute with ag_ui_enabled off: ml-commons throws IllegalStateException, 500 (3.5+)"),
    ("*", 500, "status_exception", "Error communicating with remote model",
     "an upstream that fails below HTTP (MLSdkAsyncHttpResponseHandler.onError): 500"),
    ("*", 500, "status_exception", "Error from remote service", "an upstream 5xx is relayed with its status"),
    ("*", 502, "status_exception", "Error from remote service", "an upstream 5xx is relayed with its status"),
    ("*", 500, "m_l_exception", "Error from remote service", "a Bedrock stream exception event: MLException, 500"),
    ("*", 500, "OpenSearchStatusException", "Error", "the same upstream failures inside an agent run (execute envelope)"),
    ("*", 500, "MLException", "", "an MLException inside an agent run (execute envelope)"),
    ("*", 500, "ArrayStoreException", "", "gson fills a tool's String[] from a list of numbers: ArrayStoreException (execute envelope)"),
    ("*", 500, "array_store_exception", "", "the same outside an agent run"),
    ("*", 500, "exception", "The MCP connector is not enabled",
     "ml-commons refuses MCP connectors (mcp_sse) and agents naming them with a 500 OpenSearchException while the flag is off"),
    ("*", 500, "OpenSearchException", "The MCP connector is not enabled", "the same on an agent run (execute envelope)"),
    ("*", 500, "exception", "The Conversation Memory feature is not enabled",
     "ml-commons answers a disabled memory feature with a 500 OpenSearchException"),
    ("local_models", 500, "exception", "Chunk", "MLModelChunkUploader throws plain Exceptions for a bad chunk: 500"),
    ("local_models", 500, "m_l_resource_not_found_exception", "Failed to find model",
     "a chunk for a missing model: MLResourceNotFoundException is no OpenSearchException, so 500"),
    ("local_models", 500, "illegal_state_exception", "Local Model is currently disabled",
     "ml-commons refuses local models with IllegalStateException when they are disabled: 500"),
    ("local_models", 500, "illegal_state_exception", "Controller is currently disabled",
     "the same for model controllers"),
    ("algorithms", 500, "class_cast_exception", "cannot be cast",
     "_train_predict on a regression: MLEngine casts it to TrainAndPredictable"),
    ("algorithms", 500, "runtime_exception", "the value isn't Double type", "a non-numeric feature cell: 500"),
    ("algorithms", 500, "ArithmeticException", "/ by zero", "anomaly localization with min_time_interval 0 (execute envelope)"),
    ("algorithms", 500, "null_pointer_exception", "null", "a null cell in the first hit of an input query: 500"),
]

# Stream shapes the fuzzer reports but does not fail on, with why.
TOLERATED_SSE = {
    "empty event stream": "a flow agent on _execute/stream answers with no chunk; what ml-commons sends there is not established",
}

# ---------------------------------------------------------------- mutation library


class Raw(str):
    """A JSON token written verbatim: 1e999, a 2000-deep nest built as text."""


NUM_TOKENS = ["1e999", "-1e999", "1e19", "-1", "2147483648", "9223372036854775808", "-9223372036854775809", "-0",
              "0.5", "0", "1e-999", "4294967297", "-2147483649", "1E2", "1.0", '"NaN"', '"Infinity"', '"-Infinity"',
              '"abc"', '"12"', '""', "true", "null", "[]", "{}", "[1]"]
QUERY_NUMS = ["-1", "0", "abc", "1e999", "9223372036854775808", "9223372036854775807", "-9223372036854775808",
              "2147483648", "", "%00", "+1", "1.5", "0x10", "1" * 400, "-0", "NaN"]
HOSTILE_STRINGS = ["", " ", "\u0000", "\ud800", "\udfff\ud800", "${parameters.x}", "${parameters.prompt}",
                   "${credential.openAI_key}", "${parameters.a:-${parameters.b}}", "{{last_user_message}}", "$..*",
                   "(a+)+$", "\\", "\"", "\u202e\u0000\u001f", "\U0001F600" * 64, "e\u0301" * 500, "../../etc/passwd",
                   "*", ",", "_all", "%s%n%x", "\r\n\r\nX: y", "<script>", "null", "true", "1e999", "NaN", "\ufeff"]
SETTING_KEYS = ["plugins.ml_commons." + k for k in (
    "stream_enabled", "memory_feature_enabled", "agent_framework_enabled", "remote_inference.enabled",
    "trusted_connector_endpoints_regex", "connector.private_ip_enabled", "connector_access_control_enabled",
    "model_access_control_enabled", "only_run_on_ml_node", "max_ml_task_per_node")] + [
    "cluster.max_shards_per_node", "plugins.ml_commons.unknown_setting"]
BASELINE = {k: None for k in SETTING_KEYS[:-1]}  # null puts a setting back to its default
REGEXES = ["(a+)+$", "(a|aa)+$", "(a*)*b", "^(([a-z])+.)+[A-Z]([a-z])+$", "(x+x+)+y", "(", "[", "\\", "a{99999}", ".*"]
JSONPATHS = ["$" + "[0]" * 2000, "$..*", "$" + "..*" * 50, "$[*]" * 300, "$.choices[999999999999]", "$.choices[-1]",
             "$.choices[9223372036854775808]", "$[?(@.content =~ /(a+)+$/)]", "$.a." + "x." * 3000 + "y", "$[", "$['",
             "$.choices[0:999999999:0]", "$.choices[-9223372036854775808:]", "", "$", "..", "$.*.*.*.*.*.*"]


def dumps(v, ascii_only=True):
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(str(k), ensure_ascii=ascii_only) + ":" + dumps(x, ascii_only)
                              for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(dumps(x, ascii_only) for x in v) + "]"
    return json.dumps(v, ensure_ascii=ascii_only)


def big_value(rng):
    """Deep nesting (the parser allows 1000), wide objects, ~1 MB strings, long arrays."""
    depth = rng.choice([100, 500, 999, 1000, 1001, 2000])
    return rng.choice([
        lambda: Raw(rng.choice(['{"a":' * depth + "1" + "}" * depth, "[" * depth + "]" * depth])),
        lambda: Raw("{" + ",".join('"f%d":%d' % (i, i) for i in range(rng.choice([1000, 20000]))) + "}"),
        lambda: rng.choice(["a", "\u00e9", "\\", "\U0001F600"]) * rng.choice([100_000, 250_000]),
        lambda: Raw("[" + ",".join(["1"] * rng.choice([10_000, 100_000])) + "]"),
        lambda: Raw('"' + "\\u0000" * 50_000 + '"')])()


def hostile_value(rng):
    r = rng.random()
    if r < 0.35:
        return Raw(rng.choice(NUM_TOKENS))
    if r < 0.65:
        return rng.choice(HOSTILE_STRINGS)
    if r < 0.99:
        return rng.choice(["x", 1, -1, 1.5, True, False, None, [], {}, [1, "a", None], {"a": {"b": []}}, [[[]]]])
    return big_value(rng)


def slots(v, out, depth=0):
    """Every (container, key) in a JSON tree, to pick a place to mutate."""
    if depth <= 8 and isinstance(v, (dict, list)):
        for k in (list(v) if isinstance(v, dict) else range(len(v))):
            out.append((v, k))
            slots(v[k], out, depth + 1)
    return out


def mutate_tree(v, rng, ops):
    for _ in range(ops):
        found = slots(v, [])
        if not found:
            return hostile_value(rng)
        parent, key = rng.choice(found)
        r = rng.random()
        if r < 0.6:
            parent[key] = hostile_value(rng)
        elif r < 0.75 and isinstance(parent, dict):
            del parent[key]
        elif r < 0.9 and isinstance(parent, dict):
            new_key = rng.choice(["unknown_field", "_source", "", "\u0000", "a" * 1000, str(key).upper()])
            parent[new_key] = hostile_value(rng)
        else:
            parent[key] = [parent[key]] if rng.random() < 0.5 else {"wrapped": parent[key]}
    return v


def set_path(v, dotted, value):
    *parents, last = dotted.split(".")
    for k in parents:
        if not isinstance(v, dict):
            return
        v = v.setdefault(k, {})
    if isinstance(v, dict):
        v[last] = value


def break_bytes(data, rng):
    """Byte-level breakage for the parser's error paths."""
    at = rng.randrange(len(data) + 1)
    return rng.choice([
        lambda: data[:at],                                                   # truncated
        lambda: data.replace(b"}", b"", 1),                                  # unbalanced
        lambda: data + b"}]}",
        lambda: data[:at] + rng.choice([b"\\x", b"\\u12", b"\\uD800", b"\\uDC00\\uD800", b"\\"]) + data[at:],
        lambda: data[:at] + bytes([rng.randrange(0, 32)]) + data[at:],     # raw control character
        lambda: data[:at] + b"\x00" + data[at:],
        lambda: b"\xef\xbb\xbf" + data,                                      # BOM
        lambda: rng.choice([b"// c\n", b"/* c */", b"# c\n"]) + data,
        lambda: data.replace(b"}", b",}", 1).replace(b"]", b",]", 1),       # trailing commas
        lambda: data.replace(b'"', b"'"),
        lambda: data[:at] + rng.choice([b"\xff\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80"]) + data[at:],
        lambda: data + data,
        lambda: rng.choice([b"", b" ", b"\n\t", b"null", b"NaN", b"-", b"00", b"1e999", b'"x"', b"[", b"{"]),
        lambda: data.replace(b":", rng.choice([b":0012,", b":+.5e,"]), 1),
        lambda: re.sub(rb'"([A-Za-z_]+)":', rb"\1:", data, count=3),         # unquoted keys
        lambda: data[:1] + b'"k":1,"k":2,' + data[1:] if data.startswith(b"{") else data[:at],
    ])()


def random_json(rng):
    return rng.choice([[], "x", 1, None, True, [{}], {"": ""}, Raw("1e999"), Raw('"\\ud800"'), [None] * 3])


def hostile_segment(rng):
    return rng.choice([
        "a" * rng.choice([601, 1000, 4096, 20000]), "..", ".", "%2e%2e", "%2F", "a%2Fb", "%00", "a%00b", "%", "%zz",
        "%C3%28", "%FF%FE", "%E2%80%AE", urllib.parse.quote("модель"), urllib.parse.quote("\U0001F600" * 50),
        urllib.parse.quote("e\u0301" * 100), "*", ",", "a,b", "_all", "_search", "_register", "-1", "0", "null", "%20",
        "+", ";", "%23", "%3F", "%5C", "~", "'", "%22", urllib.parse.quote("${parameters.x}"), "", "%0A%0D", "A" * 20])


# ---------------------------------------------------------------- requests


class Req:
    def __init__(self, family, route, method, path, query="", headers=(), body=None, stream=False):
        self.family, self.route, self.method, self.path, self.query = family, route, method, path, query
        self.headers, self.body, self.stream = list(headers), body, stream

    @property
    def url(self):
        return self.path + ("?" + self.query if self.query else "")


def plain(family, route, method, path, body=None, query=""):
    data = None if body is None else json.dumps(body).encode()
    return Req(family, route, method, path, query, [("Content-Type", "application/json")] if data else [], data)


class Ctx:
    """What generators share: the seeded RNG, the fixtures and the real ids."""

    def __init__(self, rng, fixtures, newer=False):
        self.rng, self.fx, self.state, self.counter = rng, fixtures, {}, 0
        # Bodies only releases after 3.3 read (model blocks, `input`, AG-UI); off by default, so the 3.3 run keeps
        # its request sequence.
        self.newer = newer

    def id(self, kind, real=0.75):
        # Both draws always happen, so the request sequence does not depend on which ids exist.
        roll, hostile = self.rng.random(), hostile_segment(self.rng)
        if kind in self.state and roll < real:
            return urllib.parse.quote(self.state[kind], safe="")
        return hostile if roll < 0.95 else "missing-" + kind

    def body(self, base, numeric=()):
        rng, v, r = self.rng, copy.deepcopy(base), self.rng.random()
        if 0.35 <= r < 0.60:
            v = mutate_tree(v, rng, rng.randint(1, 3))
        elif 0.60 <= r < 0.75 and numeric:
            for p in rng.sample(list(numeric), min(len(numeric), rng.randint(1, 2))):
                set_path(v, p, Raw(rng.choice(NUM_TOKENS)))
        elif 0.75 <= r < 0.77:
            found = slots(v, [])
            if found:
                parent, key = rng.choice(found)
                parent[key] = big_value(rng)
        elif 0.77 <= r < 0.85:
            v = random_json(rng)
        data = dumps(v, rng.random() < 0.8).encode("utf-8", "surrogatepass")  # non-ASCII lone surrogates: CESU bytes
        return break_bytes(data, rng) if rng.random() < 0.15 else data

    def query(self, params=None):
        rng, items = self.rng, [[k, v] for k, v in (params or {}).items() if v is not None]
        if items and rng.random() < 0.3:
            if rng.random() < 0.7:
                rng.choice(items)[1] = rng.choice(QUERY_NUMS)
            else:
                items.append([rng.choice(items)[0], rng.choice(QUERY_NUMS)])  # the parameter twice
        if rng.random() < 0.12:
            items.append(rng.choice([
                ["pretty", ""], ["pretty", "false"], ["size", "-1"], ["from", "-1"], ["next_token", "-1"],
                ["max_results", "abc"], ["unknown_param", "1"], ["filter_path", "a.b"], ["error_trace", "true"],
                ["human", "true"], ["format", "yaml"], ["source", '{"a":1}'], ["source_content_type", "text/plain"],
                ["", ""], ["a" * 5000, "b"]]))
        q = urllib.parse.quote
        text = "&".join(q(k, safe="") + ("=" + q(v, safe="") if v != "" else "") for k, v in items)
        if rng.random() < 0.03:
            text += rng.choice(["&&&", "&=", "&%", "&size", "&x=%zz", "&x=%00", "&x=" + "%41" * 3000])
        return text.lstrip("&")

    def headers(self, has_body):
        rng, r = self.rng, self.rng.random()
        h = [("Content-Type", "application/json")] if has_body else []
        if r < 0.06 and has_body:
            h = [("Content-Type", rng.choice([
                "text/plain", "application/x-www-form-urlencoded", "APPLICATION/JSON", "application/json;;;",
                "application/json; charset=ISO-8859-1", "", "application/yaml", "application/smile",
                "application/cbor", "multipart/form-data; boundary=x",
                "application/vnd.opensearch+json;compatible-with=7"]))]
        elif r < 0.08:
            h = []
        elif r < 0.10:
            h.append(("X-Fuzz", "a" * rng.choice([1000, 8000, 16000, 70000])))
        elif r < 0.12:
            h.append(rng.choice([
                ("Origin", "null"), ("Origin", "http://evil.example"), ("Host", "evil.example"), ("Host", "a" * 1000),
                ("Host", "[::1]:99999"), ("Host", ""), ("Connection", "close"), ("Accept", "text/event-stream"),
                ("Accept-Encoding", "gzip, br"), ("X-Opaque-Id", "\u00e9")]))
        elif r < 0.13:
            h.extend(("X-H%d" % i, "v" * 50) for i in range(300))
        return h


def mk(ctx, family, route, method, path, base=None, params=None, numeric=(), stream=False):
    """A request with a mutated body (or, now and then, a body where none belongs), query and headers."""
    if base is not None:
        body = ctx.body(base, numeric)
    else:
        body = ctx.body(random_json(ctx.rng)) if ctx.rng.random() < 0.08 else None
    return Req(family, route, method, path, ctx.query(params), ctx.headers(body is not None), body, stream)


# ---------------------------------------------------------------- generators, one per route family


def pick(ctx, family, *options):
    """One of a family's requests: (label, method, path[, body[, query parameters[, numeric fields]]]) or a callable."""
    option = ctx.rng.choice(options)
    if callable(option):
        return option()
    label, method, path, *rest = option
    return [mk(ctx, family, label, method, path, *rest)]


def nested_bool(rng, depth, f):
    query = {"match": {f: "hello"}}
    for _ in range(depth):
        query = {"bool": {rng.choice(["must", "should", "filter", "must_not"]): [query, {"term": {f: "x"}}],
                          "minimum_should_match": rng.choice([1, "50%", "-1", "2<75%"]), "boost": 1.5}}
    return query


def search(ctx, family, label, path, fields):
    rng, f = ctx.rng, ctx.rng.choice(fields)
    words = " ".join("w%d" % i for i in range(rng.choice([2, 50, 1023, 1025, 20000])))
    query = rng.choice([
        {"match_all": {}}, {"term": {f: "x"}}, {"terms": {f: ["a", "b"]}}, {"match": {f: "hello world"}},
        {"ids": {"values": ["1"]}}, {"exists": {"field": f}}, {"range": {"created_time": {"gte": 0, "lt": "now"}}},
        {"prefix": {f: "a"}}, {"bool": {"must": [{"match_all": {}}], "must_not": [{"term": {f: 1}}]}},
        {"wildcard": {f: "*"}}, {"script": {}}, Raw('{"bool":{"must":' * 600 + "{}" + "}}" * 600),
        {"match": {f: {"query": words, "operator": rng.choice(["and", "or", "xor", 1]),
                       "minimum_should_match": rng.choice(["75%", "-2", "3<90%", "x%", 10 ** 12, "", "1<"]),
                       "zero_terms_query": rng.choice(["all", "none", "some"])}}},
        {"match": {f: {"query": "hello", "fuzziness": "AUTO"}}}, {"match_phrase": {f: {"query": words, "slop": 0}}},
        {"match_phrase": {f: {"query": "a b", "slop": 2}}},
        {"multi_match": {"query": words, "fields": rng.choice([["*"], [f + "^2", "description"], ["n*^x"], []]),
                         "type": rng.choice(["best_fields", "most_fields", "phrase", "cross_fields"]),
                         "tie_breaker": rng.choice([0.3, -1, "x"])}},
        {"constant_score": {"filter": {"match": {f: "hello"}}, "boost": rng.choice([2.5, -1, "x", 1e39])}},
        {"term": {f: {"value": "x", "boost": rng.choice([0, -1, "1e400", None])}}},
        nested_bool(rng, rng.choice([3, 20, 100]), f),
        {"bool": {"should": [{"match": {f: w}} for w in words.split()[:1100]]}}])
    body = {"query": query, "size": rng.choice([0, 1, 10, 1000]), "from": 0,
            "sort": rng.choice([[{"created_time": "desc"}], ["_score"], [{"_score": "asc"}, {f: "desc"}]]),
            "_source": ["name"], "track_scores": rng.choice([True, False, "x"]),
            "min_score": rng.choice([0, 0.5, -1, "x", 1e300])}
    method = rng.choice(["GET", "POST"])
    # Each parameter now and then, so that most requests reach the query itself.
    params = {key: value for key, value in [
        ("size", "2"), ("from", "0"), ("q", "name:x"), ("sort", "name"),
        ("filter_path", rng.choice(["hits.hits._id", "**", "-hits", "-", "a\\.b,*.*,-**.x", ",,,", "h*s.*"])),
        ("format", rng.choice(["yaml", "json", "cbor", "xml", "YAML"])), ("pretty", rng.choice(["", "true", "yes"])),
        ("human", rng.choice(["", "false", "1"]))] if rng.random() < 0.2}
    return [mk(ctx, family, method + " " + label, method, path, body, params, ("size", "from"))]


def connector_body(ctx):
    rng = ctx.rng
    body = copy.deepcopy(ctx.fx[rng.choice(["create-openai-connector", "create-bedrock-connector",
                                            "create-openai-agent-connector"])])
    params, action, r = body["parameters"], body["actions"][0], rng.random()
    if r < 0.3:
        body["client_config"] = {"max_connection": 10, "connection_timeout": 1000, "read_timeout": 1000,
                                 "retry_backoff_millis": 10, "max_retry_times": 1, "retry_backoff_policy": "constant"}
    elif r < 0.45:  # many placeholders
        n = rng.choice([10, 10, 200, 5000])
        action["request_body"] = "{" + ",".join('"k%d":"${parameters.p%d}"' % (i, i) for i in range(n)) + "}"
        params.update({"p%d" % i: "v" for i in range(0, n, 2)})
    elif r < 0.6:
        params.update(doubling(rng.choice([5, 12, 16]), rng.choice(["x", "${parameters.p0}"])))
        action["request_body"] = '{"x":"${parameters.p0}"}'
    elif r < 0.75:
        params["response_filter"] = rng.choice(JSONPATHS)
        action["post_process_function"] = rng.choice(["connector.post_process.openai.embedding", "x", "$..*"])
    elif r < 0.85:
        action["url"] = rng.choice(["http://127.0.0.1:1/x", "http://[::1]/x", "ftp://x", "https://" + "a" * 3000, "",
                                    "https://api.openai.com/" + "${parameters.x}" * 100, "http://localhost/x"])
    return body


CLIENT_CONFIG = ["client_config." + k for k in ("max_connection", "connection_timeout", "read_timeout",
                                                 "retry_backoff_millis", "max_retry_times", "retry_timeout_seconds",
                                                 "retry_backoff_policy")]


def gen_connectors(ctx):
    base, cid = ML + "/connectors", ctx.id("connector")
    update = ctx.rng.choice([{"description": "d"}, {"parameters": {"model": "gpt-4"}},
                             {"client_config": {"max_retry_times": 3}}, connector_body(ctx)])
    find = lambda: search(ctx, "connectors", "connectors/_search", base + "/_search", ("name", "protocol"))
    return pick(ctx, "connectors",
                ("POST connectors/_create", "POST", base + "/_create", connector_body(ctx), None,
                 CLIENT_CONFIG + ["version"]),
                ("GET connectors/{id}", "GET", base + "/" + cid, None, {"tenant_id": "t"}),
                ("PUT connectors/{id}", "PUT", base + "/" + cid, update, None, CLIENT_CONFIG),
                ("DELETE connectors/{id}", "DELETE", base + "/" + ctx.id("connector", 0.3)), find, find)


def model_body(ctx):
    rng, st, r = ctx.rng, ctx.state, ctx.rng.random()
    if r < 0.4:
        return {"name": "fuzz-model", "function_name": "remote", "connector_id": st.get("connector", "x"),
                "model_group_id": st.get("group"), "description": "d"}
    if r < 0.6:
        return dict(ctx.fx["register-openai-stream-model"], connector=connector_body(ctx))
    return rng.choice([
        {"name": "m", "function_name": "TEXT_EMBEDDING", "model_format": "TORCH_SCRIPT", "url": "http://x"},
        {"name": "m", "function_name": "remote", "connector_id": "missing"},
        {"name": "m", "function_name": "remote", "connector": {"name": "c"}},
        {"name": "m", "function_name": "remote", "connector_id": st.get("connector", "x"),
         "interface": {"input": "{\"type\":\"object\"}", "output": "{"},
         "rate_limiter": {"limit": "1e999", "unit": "X"},
         "guardrails": {"type": "local_regex", "input_guardrail": {"regex": ["(a+)+$"], "stop_words": []}}}])


def gen_models(ctx):
    rng, base = ctx.rng, ML + "/models"
    mid = base + "/" + ctx.id(rng.choice(["model", "model_bedrock", "model_inline", "model_agent"]))
    update = rng.choice([{"name": "renamed"}, {"description": "d", "is_enabled": rng.choice([True, False])},
                         {"connector_id": ctx.state.get("connector_bedrock", "x")}, {"model_config": {"a": 1}},
                         {"rate_limiter": {"limit": 1, "unit": "SECONDS"}}, {"connector": {"parameters": {}}}])
    ids = [ctx.state.get("model_bedrock", "x"), "missing", "a" * 700][:rng.randint(0, 3)]
    find = lambda: search(ctx, "models", "models/_search", base + "/_search", ("name", "model_state", "algorithm"))
    return pick(ctx, "models",
                ("POST models/_register", "POST", base + "/_register", model_body(ctx),
                 {"deploy": rng.choice([None, "true", "false", "maybe"])}, ("rate_limiter.limit",)),
                ("GET models/{id}", "GET", mid),
                ("POST models/{id}/_deploy", "POST", mid + "/_deploy"),
                ("PUT models/{id}", "PUT", mid, update, None, ("rate_limiter.limit",)),
                ("DELETE models/{id}", "DELETE", base + "/" + ctx.id("model", 0.2)),
                ("POST models/{id}/_undeploy", "POST", base + "/" + ctx.id("model", 0.3) + "/_undeploy"),
                ("POST models/_undeploy", "POST", base + "/_undeploy", {"model_ids": ids, "node_ids": ["n"]}),
                find, find)


def doubling(depth, last):
    """Parameters whose expansion doubles at every level: 2^depth copies of `last`."""
    params = {"p%d" % i: "${parameters.p%d}${parameters.p%d}" % (i + 1, i + 1) for i in range(depth)}
    params["p%d" % depth] = last
    return params


def predict_params(ctx, interface=None):
    rng = ctx.rng
    text = rng.choice(["Hello!", "How many indices are in my cluster?", "", "a" * 30 + "!", "\u0000\ud800",
                       "x" * rng.choice([2000, 2000, 100_000]), "${parameters.prompt}", "rate limit", "broken stream",
                       "\"}],\"model\":\"gpt-4\",\"x\":[{\""])
    p = {"messages": [{"role": "user", "content": text}], "prompt": text, "system_prompt": "Be brief.", "inputs": text}
    if interface:
        p["_llm_interface"] = interface
    r = rng.random()
    if r < 0.15:
        p["response_filter"] = rng.choice(JSONPATHS)
    elif r < 0.18:
        p.update(doubling(rng.choice([8, 12, 14, 17]), rng.choice(["xy", "${parameters.p0}"])))
        p["prompt"] = p["messages"] = "${parameters.p0}"
    elif r < 0.25:
        p["post_process_function"] = rng.choice(["connector.post_process.openai.embedding", "nope",
                                                 "connector.post_process.cohere.rerank"])
    elif r < 0.3:
        p["messages"] = rng.choice(["not-json", '[{"role":"user"', {"role": "user"}, 12, None, [{"role": "tool"}]])
    return {"parameters": p}


def gen_predict(ctx):
    rng = ctx.rng
    mid = ctx.id(rng.choice(["model", "model", "model_bedrock", "model_inline", "model_agent"]), 0.85)
    params, numeric = predict_params(ctx), ("parameters.max_tokens", "parameters.temperature")
    label = "POST models/{id}/_predict" + (" (doubling params)" if "p0" in params["parameters"] else "")
    algorithm = rng.choice(["remote", "REMOTE", "kmeans", "text_embedding", hostile_segment(rng)])
    return pick(ctx, "predict", *[(label, "POST", ML + "/models/" + mid + "/_predict", params, None, numeric)] * 4,
                ("POST _predict/{algorithm}/{id}", "POST", ML + "/_predict/" + algorithm + "/" + mid, params))


def gen_predict_stream(ctx):
    rng = ctx.rng
    kind = rng.choice(["model", "model_inline", "model_bedrock", "model_agent"])
    interface = "bedrock/converse/claude" if kind == "model_bedrock" else "openai/v1/chat/completions"
    interface = rng.choice([interface] * 4 + [None, "bedrock/converse/claude", "nope", ""])
    return [mk(ctx, "predict_stream", "POST models/{id}/_predict/stream", "POST",
               ML + "/models/" + ctx.id(kind, 0.85) + "/_predict/stream", predict_params(ctx, interface), stream=True)]


def gen_model_groups(ctx):
    rng, base, gid = ctx.rng, ML + "/model_groups", ML + "/model_groups/" + ctx.id("group")
    ctx.counter += 1
    body = {"name": "fuzz-group-%d" % ctx.counter, "description": "d"}
    if rng.random() < 0.3:  # refused without the security plugin, as on a cluster
        body.update({"backend_roles": ["r"], "access_mode": rng.choice(["public", "private", "restricted"]),
                     "add_all_backend_roles": False})
    return pick(ctx, "model_groups",
                ("POST model_groups/_register", "POST", base + "/_register", body),
                ("GET model_groups/{id}", "GET", gid), ("PUT model_groups/{id}", "PUT", gid, body),
                ("DELETE model_groups/{id}", "DELETE", base + "/" + ctx.id("group", 0.2)),
                lambda: search(ctx, "model_groups", "model_groups/_search", base + "/_search", ("name",)))


def gen_tasks(ctx):
    base = ML + "/tasks"
    find = lambda: search(ctx, "tasks", "tasks/_search", base + "/_search", ("state", "task_type", "model_id"))
    return pick(ctx, "tasks", ("GET tasks/{id}", "GET", base + "/" + ctx.id("task")),
                ("DELETE tasks/{id}", "DELETE", base + "/" + ctx.id("task", 0.3)), find, find)


PRETRAINED = ("huggingface/sentence-transformers/all-MiniLM-L6-v2", "amazon/neural-sparse/opensearch-neural-sparse-encoding-v1",
              "huggingface/cross-encoders/ms-marco-MiniLM-L-6-v2", "not/in/the/catalogue")


def gen_local_models(ctx):
    rng, base = ctx.rng, ML + "/models"
    local = base + "/" + ctx.id(rng.choice(["model_local", "model_sparse", "model_meta"]), 0.85)
    register = {"name": rng.choice(PRETRAINED), "version": rng.choice(["1.0.1", "1.0.0", "9", ""]),
                "model_format": rng.choice(["TORCH_SCRIPT", "ONNX", "onnx", "PICKLE"]),
                "function_name": rng.choice([None, "TEXT_EMBEDDING", "KMEANS", "QUESTION_ANSWERING", "nope"]),
                "model_group_id": rng.choice([None, "", ctx.state.get("group"), "missing"])}
    by_url = {"name": "u", "version": "1", "model_format": "TORCH_SCRIPT", "model_content_hash_value": "0" * 64,
              "model_config": {"model_type": "bert", "embedding_dimension": rng.choice([8, 0, -1, 1 << 40]),
                               "framework_type": rng.choice(["sentence_transformers", "x"])},
              "url": rng.choice(["file:///etc/passwd", "file:///nonexistent.zip", "http://127.0.0.1:1/m.zip",
                                 "ftp://x/y", "file://" + "a" * 5000])}
    meta = {"name": "meta", "version": 1, "model_format": "TORCH_SCRIPT", "model_content_hash_value": "abc",
            "total_chunks": rng.choice([1, 2, 0, -3, 1 << 31]), "function_name": "TEXT_EMBEDDING",
            "model_config": {"model_type": "bert", "embedding_dimension": 8, "framework_type": "sentence_transformers"}}
    docs = rng.choice([["hello world"], [], ["x" * 100_000], ["\u0000\ud800"] * 50, [""] * 1000, [12, None]])
    predict = {"text_docs": docs, "target_response": rng.choice([None, ["sentence_embedding"], ["nope"], "x"]),
               "target_response_positions": rng.choice([None, [0, 99, -1]]), "return_bytes": rng.choice([None, True]),
               "query_text": rng.choice([None, "q"]), "parameters": rng.choice([None, {"content_type": "query"},
                                                                               {"sparse_embedding_format": "TOKEN_ID"}])}
    chunk = Req("local_models", "POST models/{id}/upload_chunk/{n}", "POST",
                local + "/upload_chunk/" + rng.choice(["0", "1", "-1", "99", "x", "2147483648"]), "",
                [("Content-Type", "application/json")], rng.choice([b"", b"chunk", bytes(rng.getrandbits(8) for _ in range(2048))]))
    profile = {"node_ids": rng.choice([[], ["x"], None, "x"]), "return_all_tasks": rng.choice([True, "yes"]),
               "return_all_models": True, "model_ids": [ctx.state.get("model_local", "x")]}
    limiter = {"user_rate_limiter": {"u": {"limit": rng.choice([4, "4", -1, "x", 1e999]), "unit": rng.choice(["MINUTES", "minutes"])}}}
    return pick(ctx, "local_models",
                ("POST models/_register (local)", "POST", base + "/_register", register, {"deploy": rng.choice([None, "true"])}),
                ("POST models/_register (url)", "POST", base + "/_register", by_url),
                ("POST models/_register_meta", "POST", base + "/_register_meta", meta, None, ("total_chunks",)),
                lambda: [chunk],
                ("POST models/{id}/_deploy (local)", "POST", local + "/_deploy", {"node_ids": rng.choice([[], ["x"]])}),
                ("POST models/{id}/_undeploy (local)", "POST", local + "/_undeploy"),
                ("DELETE models/{id} (local)", "DELETE", base + "/" + ctx.id(rng.choice(["model_meta", "model_sparse"]), 0.3)),
                ("POST models/{id}/_predict (local)", "POST", local + "/_predict", predict),
                ("POST _predict/text_embedding/{id}", "POST", ML + "/_predict/text_embedding/" + ctx.id("model_local"), predict),
                ("GET profile", "GET", ML + "/profile" + rng.choice(["", "/models", "/tasks", "/models/x,y"]), profile),
                ("GET stats", "GET", ML + rng.choice(["/stats", "/stats/ml_model_count", "/stats/nope", "/x/stats",
                                                     "/_all/stats/ml_request_count,ml_model_index_status"])),
                ("POST controllers/{id}", rng.choice(["POST", "PUT"]), ML + "/controllers/" + ctx.id("model_local"), limiter),
                ("GET controllers/{id}", rng.choice(["GET", "DELETE"]), ML + "/controllers/" + ctx.id("model_local")))


def gen_algorithms(ctx):
    rng = ctx.rng
    frame = {"column_metas": [{"name": "a", "column_type": rng.choice(["DOUBLE", "STRING", "nope"])},
                              {"name": "b", "column_type": "DOUBLE"}],
             "rows": [{"values": [{"column_type": rng.choice(["DOUBLE", "INTEGER", "LONG", "double"]),
                                   "value": rng.choice([1.5, "x", None, 1e308, Raw("1e300")])},
                                  {"column_type": "DOUBLE", "value": 2}][:rng.choice([2, 2, 1, 0])]}] * rng.choice([0, 1, 3, 2000])}
    body = {"parameters": rng.choice([{"centroids": rng.choice([3, 0, -1, 1 << 40]), "iterations": rng.choice([10, 100000]),
                                       "distance_type": rng.choice(["COSINE", "cosine", "L1"])},
                                      {"target": rng.choice(["b", "a", "nope", ""]), "epochs": rng.choice([5, 10_000_000])}, None]),
            "input_data": frame if rng.random() < 0.6 else None,
            "input_query": rng.choice([{"query": {"match_all": {}}, "size": rng.choice([10, 0, -1, 100000])}, None, "x"]),
            "input_index": rng.choice([["fuzz-index"], [], ["missing"], "fuzz-index"])}
    algorithm = rng.choice(["KMEANS", "kmeans", "LINEAR_REGRESSION", "LOGISTIC_REGRESSION", "BATCH_RCF", "FIT_RCF",
                            hostile_segment(rng)])
    execute = rng.choice([{"operation": rng.choice(["max", "MAX", None]), "input_data": rng.choice([[1, 2], [], ["x"], None])},
                          {"index_name": "fuzz-index", "attribute_field_names": ["field"],
                           "aggregations": [{"m": {rng.choice(["max", "avg", "terms"]): {"field": "n"}}}],
                           "time_field_name": "n", "start_time": 0, "end_time": rng.choice([10, 1 << 62, -5]),
                           "min_time_interval": rng.choice([1, 0, -1]), "num_outputs": rng.choice([3, 0, -1]),
                           "anomaly_start_time": rng.choice([None, -(1 << 63), 5])}])
    bulk_lines = rng.choice([['{"index":{"_index":"fuzz-bulk"}}', '{"n":1}'], ['{"index":{}}', '{"n":1}'], ['{"delete":{"_index":"fuzz-bulk","_id":"x"}}'],
                             ['{"index":{"_index":"fuzz-bulk"}}'], ['not json', '{}'], ['{"nope":{}}', '{}'], ['{"index":{"_index":"_bad"}}', '{"n":1}']])
    bulk = Req("algorithms", "POST _bulk", "POST", "/_bulk", "", [("Content-Type", "application/x-ndjson")],
               ("\n".join(bulk_lines) + rng.choice(["\n", ""])).encode())
    return pick(ctx, "algorithms",
                ("POST _train/{algorithm}", "POST", ML + "/_train/" + algorithm, body, {"async": rng.choice([None, "true"])}),
                ("POST _train_predict/{algorithm}", "POST", ML + "/_train_predict/" + algorithm, body),
                ("POST _predict/{algorithm}/{id}", "POST", ML + "/_predict/kmeans/" + ctx.id("model_kmeans"), body),
                ("POST _execute/{algorithm}", "POST", ML + "/_execute/" + rng.choice(["local_sample_calculator", "anomaly_localization",
                                                                                    "metrics_correlation", "kmeans"]), execute),
                lambda: [bulk])


def agent_body(ctx):
    rng = ctx.rng
    body = copy.deepcopy(ctx.fx[rng.choice(["register-chat-agent", "register-plain-chat-agent"])])
    body["llm"]["model_id"] = ctx.state.get("model_agent", "x")
    body["parameters"]["_llm_interface"] = rng.choice(["openai/v1/chat/completions", "bedrock/converse/claude", "x"])
    if rng.random() < 0.3:
        body["type"] = rng.choice(["flow", "conversational_flow", "plan_execute_and_reflect", "CONVERSATIONAL", "nope"])
    if rng.random() < 0.2:
        body["tools"] = [{"type": rng.choice(["ListIndexTool", "SearchIndexTool", "MLModelTool", "NopeTool"]),
                          "name": "t%d" % i} for i in range(rng.choice([1, 50, 2000]))]
    if ctx.newer and rng.random() < 0.3:
        body["type"] = rng.choice(["ag_ui", "AG_UI", "conversational_v2", "conversational"])
        body["model"] = rng.choice([
            {"model_id": "gpt-4o", "model_provider": rng.choice(["openai/v1/chat/completions", "Bedrock/Converse",
                                                                   "gemini/v1beta/generatecontent", "acme", ""]),
             "credential": rng.choice([{}, {"access_key": "a", "secret_key": "s"}, {"openai_api_key": "k"}]),
             "model_parameters": rng.choice([{}, {"top_p": "x"}, {"temperature": 5, "reasoning_effort": "high"}])},
            {"model_id": rng.choice([" ", "x" * 5000])}, {"model_provider": 3}, [], "model"])
        body["memory"] = rng.choice([{"type": "agentic_memory"}, {"type": "conversation_index"}, {"type": 7}])
    return body


def newer_execute_body(ctx):
    """A body of a release after 3.3: an AG-UI `RunAgentInput` or the unified API's `input`."""
    rng = ctx.rng
    if rng.random() < 0.5:
        message = {"id": "m", "role": rng.choice(["user", "assistant", "tool", "system", 5]),
                   "content": rng.choice(["hi", [{"type": "text", "text": "x"}, {"type": "binary", "data": "zz"}], 5, None]),
                   "toolCalls": rng.choice([None, [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]]),
                   "toolCallId": rng.choice([None, "c"])}
        return {"threadId": rng.choice(["t", None, 5]), "runId": "r", "state": {}, "forwardedProps": {},
                "context": rng.choice([[], [{"description": "d", "value": "v"}]]),
                "tools": rng.choice([[], [{"name": "change_background", "parameters": {"type": "object"}}], [5]]),
                "messages": rng.choice([[], [message], [message] * 300])}
    body = {"input": rng.choice(["hello", "", [{"type": "text", "text": "hi"}], [{"role": "user", "content": []}],
                                 [{"type": "text"}, {"role": "user"}], 3, None, [{}], "x" * 100_000])}
    if rng.random() < 0.5:
        body["parameters"] = {"question": "q", "include_token_usage": rng.choice(["true", "TRUE", "no"])}
    return body


def gen_agents(ctx):
    base, numeric = ML + "/agents", ("memory.window_size", "llm.parameters.max_iteration",
                                     "llm.parameters.message_history_limit")
    register = ("POST agents/_register", "POST", base + "/_register", agent_body(ctx), None, numeric)
    return pick(ctx, "agents", register, register,
                ("GET agents/{id}", "GET", base + "/" + ctx.id(ctx.rng.choice(["agent", "agent_plain"]))),
                ("PUT agents/{id}", "PUT", base + "/" + ctx.id("agent_plain"), agent_body(ctx), None, numeric),
                ("DELETE agents/{id}", "DELETE", base + "/" + ctx.id("agent", 0.2)),
                lambda: search(ctx, "agents", "agents/_search", base + "/_search", ("name", "type", "app_type")))


def execute_body(ctx):
    rng, st = ctx.rng, ctx.state
    extra = {"memory_id": st.get("memory", "m"), "message_history_limit": "3", "max_iteration": "2", "verbose": "true",
             "parent_interaction_id": st.get("message", "m"), "index": "fuzz-index", "stream": "false",
             "llm_interface": "openai/v1/chat/completions", "prompt": "${parameters.prompt}", "tools": ["x"]}
    p = {"question": rng.choice(["How many indices are in my cluster?", "Hello!", "", "a" * 30 + "!",
                                 "x" * rng.choice([2000, 2000, 100_000]), "${parameters.question}"])}
    p.update({k: extra[k] for k in rng.sample(sorted(extra), rng.randint(0, 4))})
    if ctx.newer and rng.random() < 0.3:
        return newer_execute_body(ctx)
    return {"parameters": p}


def gen_execute(ctx, stream=False):
    rng, agent = ctx.rng, ML + "/agents/" + ctx.id(ctx.rng.choice(["agent", "agent_plain"]), 0.85)
    numeric = ("parameters.message_history_limit", "parameters.max_iteration")
    if stream:
        return [mk(ctx, "agent_execute_stream", "POST agents/{id}/_execute/stream", "POST", agent + "/_execute/stream",
                   execute_body(ctx), None, numeric, stream=True)]
    query = {"async": rng.choice([None, None, "true", "false", "x"]), "verbose": rng.choice([None, "true"])}
    return [mk(ctx, "agent_execute", "POST agents/{id}/_execute", "POST", agent + "/_execute", execute_body(ctx),
               query, numeric)]


def gen_memory(ctx):
    rng, base = ctx.rng, ML + "/memory"
    page = {"max_results": rng.choice(["1", "2", "10", None]), "next_token": rng.choice(["0", "1", None])}
    mem, msg = base + "/" + ctx.id("memory"), base + "/message/" + ctx.id(rng.choice(["message", "message", "trace"]))
    message = copy.deepcopy(ctx.fx["create-message"])
    if rng.random() < 0.3:
        message.update(parent_message_id=ctx.state.get("message", "m"), trace_number=rng.choice([1, 2, 100]))
    add = ("POST memory/{id}/messages", "POST", mem + "/messages", message, None, ("trace_number",))
    return pick(ctx, "memory",
                ("POST memory", "POST", base, {"name": "m", "application_type": "a", "additional_info": {"k": "v"}}),
                ("GET memory", "GET", base, None, page), ("GET memory/{id}", "GET", mem),
                ("PUT memory/{id}", "PUT", mem, {"name": "renamed"}),
                ("DELETE memory/{id}", "DELETE", base + "/" + ctx.id("memory", 0.2)), add, add,
                ("GET memory/{id}/messages", "GET", mem + "/messages", None, page),
                ("GET memory/message/{id}", "GET", msg),
                ("PUT memory/message/{id}", "PUT", msg, {"additional_info": {"feedback": "ok"}}),
                ("GET memory/message/{id}/traces", "GET", msg + "/traces", None, page),
                lambda: search(ctx, "memory", "memory/_search", base + "/_search", ("name", "application_type")),
                lambda: search(ctx, "memory", "memory/{id}/_search", mem + "/_search", ("input", "response")))


def gen_tools(ctx):
    rng = ctx.rng
    name = rng.choice(["ListIndexTool", "IndexMappingTool", "SearchIndexTool", "MLModelTool", "AgentTool",
                       "NopeTool", hostile_segment(rng)])
    parameters = rng.choice([
        {"question": "How many indices?"}, {"indices": '["fuzz-index"]'}, {"indices": ["fuzz-index", "*"]},
        {"index": ["fuzz-index"]}, {"index": "fuzz*"}, {"index": '{"a":1}'}, {},
        {"index": "fuzz-index", "query": {"query": {"match_all": {}}}},
        {"model_id": ctx.state.get("model", "m"), "prompt": "hi"}, {"input": '{"index":"fuzz-index"}'}])
    execute = ("POST tools/_execute/{name}", "POST", ML + "/tools/_execute/" + name, {"parameters": parameters})
    return pick(ctx, "tools", ("GET tools", "GET", ML + "/tools"), ("GET tools/{name}", "GET", ML + "/tools/" + name),
                ("GET tools/{name}", "GET", ML + "/tools/" + name), execute, execute)


def gen_mcp(ctx):
    """MCP connectors, agents naming them, and the emulator's own MCP server (both transports' message routes)."""
    rng, base = ctx.rng, "/__emulator/mcp"
    rpc = rng.choice([
        {"jsonrpc": "2.0", "method": "initialize", "id": "i-0", "params": {"protocolVersion": rng.choice(["2025-03-26", "x", 5])}},
        {"jsonrpc": "2.0", "method": "tools/list", "id": 1, "params": {"cursor": rng.choice(["a", None, {}])}},
        {"jsonrpc": "2.0", "method": "tools/call", "id": "c", "params": {"name": rng.choice(["add", "echo", "nope", 3]),
         "arguments": rng.choice([{"a": 1e308, "b": 1e308}, {"a": "x"}, {"text": "hi" * 50_000}, [], None, {"text": 5}])}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"}, {"jsonrpc": "2.0", "id": 7, "result": {}},
        {"jsonrpc": "2.0", "method": rng.choice(["ping", "nope", ""]), "id": None}, [], "x", {}])
    connector = {"name": "mcp", "version": 1, "protocol": rng.choice(["mcp_sse", "mcp_streamable_http", "MCP_SSE"]),
                 "url": rng.choice(["http://127.0.0.1:1", "", " ", "ftp://x", "http://" + "a" * 5000, None]),
                 "headers": rng.choice([{"Authorization": "Bearer ${credential.key}"}, {"Host": "x"}, {"a": 1}, "h", None]),
                 "parameters": rng.choice([{"endpoint": "/__emulator/mcp"}, {"sse_endpoint": "//x"}, {"endpoint": 5}, {}]),
                 "credential": rng.choice([{"key": "k"}, {}, None])}
    agent = copy.deepcopy(ctx.fx["register-plain-chat-agent"])
    agent["llm"]["model_id"] = ctx.state.get("model_agent", "x")
    agent["parameters"]["_llm_interface"] = "openai/v1/chat/completions"
    agent["type"] = rng.choice(["conversational", "plan_execute_and_reflect", "flow"])
    agent["parameters"]["mcp_connectors"] = rng.choice([
        [{"mcp_connector_id": ctx.state.get("connector", "x"), "tool_filters": rng.choice([["add"], ["("], [3], None])}],
        [{"mcp_connector_id": "nope"}], [], "x", "[{]", {"a": 1}, [None, 3]])
    return pick(ctx, "mcp", ("POST /__emulator/mcp", "POST", base, rpc, {"response": rng.choice([None, "sse", "x"])}),
                ("POST /__emulator/mcp/messages", "POST", base + "/messages", rpc, {"session_id": rng.choice(["nope", "", None])}),
                ("GET /__emulator/mcp", "GET", base), ("POST connectors/_create (mcp)", "POST", ML + "/connectors/_create", connector),
                ("POST agents/_register (mcp)", "POST", ML + "/agents/_register", agent),
                ("POST agents/{mcp}/_execute", "POST", ML + "/agents/" + ctx.id("agent_mcp") + "/_execute", execute_body(ctx)))


def gen_agentic_memory(ctx):
    rng, base = ctx.rng, ML + "/memory_containers"
    container = base + "/" + ctx.id(rng.choice(["container", "container_infer"]))
    memory_type = rng.choice(["working", "working", "sessions", "long-term", "history", "WORKING", "short", hostile_segment(rng)])
    memory = container + "/memories/" + memory_type + "/" + ctx.id(rng.choice(["working_memory", "long_term"]), 0.6)
    configuration = rng.choice([
        {}, {"index_prefix": "fuzz_am", "use_system_index": False, "disable_session": False},
        {"embedding_model_type": "TEXT_EMBEDDING", "embedding_model_id": ctx.state.get("model_local", "m"),
         "embedding_dimension": rng.choice([384, 0, -1, 10 ** 9]), "llm_id": ctx.state.get("model", "m"),
         "max_infer_size": rng.choice([1, 10, 11, -5]),
         "strategies": [{"type": rng.choice(["SEMANTIC", "user_preference", "summary", "other", None]),
                         "namespace": rng.choice([["user_id"], [], None, "user_id"])}]},
        {"embedding_model_type": "SPARSE_ENCODING", "embedding_model_id": "x", "embedding_dimension": 3},
        {"index_prefix": rng.choice(["UPPER", "a" * 300, "a/b", "..", ""]), "use_system_index": False},
        {"index_settings": {"working_memory_index": {"index": {"number_of_shards": rng.choice(["1", "x", 0])}}}}])
    messages = rng.choice([
        [{"role": "user", "content": [{"text": "I am Bob. I like swimming.", "type": "text"}]}],
        [{"role": "user", "content": [{"text": "x" * 20000, "type": "text"}]}] * rng.choice([1, 50]),
        [{"role": "user"}], [{"content": []}], "not a list", [], [{"role": "user", "content": "text"}]])
    add = {"messages": messages, "namespace": rng.choice([{"user_id": "bob"}, {"user_id": 1, "session_id": None}, {}, None]),
           "infer": rng.choice([True, False, "yes"]), "payload_type": rng.choice(["conversational", "DATA", "other"]),
           "metadata": {"status": "checkpoint", "branch": {"a": [1, {"b": None}]}}, "tags": {"topic": "t"},
           "structured_data": {"deep": {"deeper": [1, 2, 3]}}, "binary_data": rng.choice(["aGk=", "not base64"])}
    knn = {"query": rng.choice([
        {"neural": {"memory_embedding": {"query_text": "swimming", "model_id": ctx.state.get("model_local", "m"),
                                         "k": rng.choice([1, 0, -1, 10 ** 12, "x"])}}},
        {"knn": {"memory_embedding": {"vector": rng.choice([[0.1] * 384, [1, 2], [], ["a"]]), "k": 3}}},
        {"neural": {"memory_embedding": {"query_text": "x"}}},
        {"bool": {"must": [{"term": {"namespace.user_id": "bob"}}]}}, {"match_all": {}}]),
        "sort": rng.choice([[{"created_time": {"order": "desc"}}], []]), "size": rng.choice([1, 10, 10000])}
    return pick(ctx, "agentic memory",
                ("POST memory_containers/_create", "POST", base + "/_create",
                 {"name": rng.choice(["c", None, 1]), "description": "d", "configuration": configuration}),
                ("GET memory_containers/{id}", "GET", container),
                ("PUT memory_containers/{id}", "PUT", container, {"name": "renamed", "configuration": configuration}),
                ("DELETE memory_containers/{id}", "DELETE", base + "/" + ctx.id("container", 0.1), None,
                 {"delete_all_memories": rng.choice([None, "true", "x"]), "delete_memories": rng.choice([None, "working", "x,y"])}),
                ("POST memories", "POST", container + "/memories", add, None, ("message_id",)),
                ("POST memories", "POST", container + "/memories", add),
                ("POST memories/sessions", "POST", container + "/memories/sessions",
                 {"session_id": rng.choice(["s1", "", None]), "summary": "s", "namespace": {"user_id": "bob"}}),
                ("GET memories/{type}/{id}", "GET", memory), ("DELETE memories/{type}/{id}", "DELETE", memory),
                ("PUT memories/{type}/{id}", "PUT", memory, rng.choice([{"tags": {"t": "u"}}, {}, {"memory": "m"}])),
                ("POST memories/{type}/_search", rng.choice(["GET", "POST"]), container + "/memories/" + memory_type + "/_search", knn),
                ("POST memories/{type}/_delete_by_query", "POST", container + "/memories/" + memory_type + "/_delete_by_query",
                 {"query": rng.choice([{"match_all": {}}, {"term": {"namespace.user_id": "nobody"}}, None])}),
                lambda: search(ctx, "agentic memory", "memory_containers/_search", base + "/_search", ("name", "description")))


def gen_index(ctx):
    rng = ctx.rng
    name = rng.choice(["fuzz-index", "fuzz-index", "fuzz-%d" % rng.randrange(20)]) if rng.random() < 0.6 else \
        rng.choice(["UPPER", "_under", "-dash", "a#b", "a:b", "a" * 300, "é" * 100, "..", "a*", "a,b", "%00",
                    ".plugins-ml-model", ".plugins-ml-agent", ".plugins-ml-config", "a%2Fb", hostile_segment(rng)])
    index, method = "/" + urllib.parse.quote(name, safe="%*,#:"), rng.choice(["PUT", "POST"])
    doc = rng.choice([{"field": "hello world", "n": 1, "when": "2024-01-01T00:00:00Z"}, {"field": 1}, {"_id": "x"},
                      {"nested": {"a": {"b": [1, 2, {"c": True}]}}}, {"field": {"obj": 1}}, {"": "empty key"},
                      {"a.b.c": 1, "a": {"b": {"c": 2}}}])
    create = {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
              "mappings": {"properties": {"field": {"type": "text"}}}}
    shards = ("settings.number_of_shards", "settings.number_of_replicas")
    add = ("POST /{index}/_doc", "POST", index + "/_doc", doc, {"refresh": rng.choice([None, "true", "wait_for"])})
    find = lambda: search(ctx, "index", "/{index}/_search", index + "/_search", ("field", "n", "nested.a.b"))
    cat = rng.choice(["", "/*", "/fuzz*", "/-fuzz*", "/*,-*", "/,", "/.plugins*", index])
    return pick(ctx, "index",
                ("PUT /{index}", "PUT", index, create, None, shards),
                ("GET /{index}", "GET", index, None, {"flat_settings": rng.choice([None, "true"])}),
                ("DELETE /{index}", "DELETE", index if rng.random() < 0.5 else "/fuzz-%d" % rng.randrange(20)),
                ("GET /{index}/_mapping", "GET", index + "/_mapping"), add, add,
                (method + " /{index}/_doc/{id}", method, index + "/_doc/" + ctx.id("doc", 0.5), doc),
                ("GET /{index}/_doc/{id}", "GET", index + "/_doc/" + ctx.id("doc", 0.6), None,
                 {"_source": rng.choice([None, "false"])}),
                ("DELETE /{index}/_doc/{id}", "DELETE", index + "/_doc/" + ctx.id("doc", 0.2)), find, find,
                ("GET /_cat/indices", "GET", "/_cat/indices" + cat, None,
                 {"v": rng.choice([None, "true"]), "format": rng.choice([None, "json"])}))


def gen_info(ctx):
    rng = ctx.rng
    health = {"level": rng.choice(["cluster", "indices", "x"]), "timeout": rng.choice(["1s", "-1", "abc"]),
              "wait_for_status": rng.choice([None, "green", "purple"])}
    return pick(ctx, "info", ("GET /", "GET", "/"), ("GET /_cluster/health", "GET", "/_cluster/health", None, health),
                lambda: [Req("info", "HEAD /", "HEAD", "/", ctx.query(), ctx.headers(False))])


def gen_settings(ctx):
    rng = ctx.rng
    scope, key = rng.choice(["persistent", "transient"]), rng.choice(SETTING_KEYS)
    value = rng.choice([True, False, "true", "maybe", None, 1, [rng.choice(REGEXES)], rng.choice(REGEXES),
                        hostile_value(rng)])
    body = rng.choice([{scope: {key: value}}, {scope: {"plugins": {"ml_commons": {key.split(".")[-1]: value}}}},
                       {scope: value}, {"persistent": {}, "transient": {}}, {scope: dict(BASELINE)}])
    query = {"include_defaults": rng.choice([None, "true"]), "flat_settings": rng.choice([None, "true"])}
    return pick(ctx, "cluster_settings", ("GET /_cluster/settings", "GET", "/_cluster/settings", None, query),
                *[("PUT /_cluster/settings", "PUT", "/_cluster/settings", body)] * 2)


def mock_script(ctx):
    rng = ctx.rng
    match = {"last_user_message": rng.choice(REGEXES), "model": rng.choice(["gpt-*", "*" * 50, "["])}
    reply = rng.choice([{"text": "{{last_user_message}} {{model}}"}, {"text": "{{nope}}"},
                        {"text": "x", "tool_call": {}},
                        {"tool_call": {"name": "T", "arguments": {"a": "{{tool_result}}"}}}])
    # Valid long pacing, no_answer and rate_limit faults are left out: they stall every later call by design.
    pacing = rng.choice([{"time_to_first_token_ms": 0}, {"tokens_per_chunk": Raw(rng.choice(NUM_TOKENS))},
                         {"delay_between_tokens_ms": Raw(rng.choice(["-1", "86400001", "1e999", "0.5"]))}])
    fault = rng.choice([{"type": "http_error", "status": rng.choice([400, 500, 503, 599, 600])}, {"type": "nope"},
                        {"type": "malformed_chunk", "after_chunks": 1}, {"type": "close_mid_stream"}])
    rule = {"name": "r", "match": match, "reply": reply, "pacing": pacing, "fault": fault}
    for key in rng.sample(["reply", "pacing", "fault"], rng.randint(1, 3)):
        del rule[key]
    return {"description": "fuzz", "rules": [rule] * rng.choice([1, 1, 500])}


def gen_control(ctx):
    rng, base = ctx.rng, "/__emulator"
    reset = [("POST /__emulator/reset", "POST", base + "/reset", None, {"persistent": rng.choice([None, "true"])})]
    return pick(ctx, "control_plane", *[(method + " /__emulator" + path, method, base + path) for method, path in (
                    ("GET", "/health"), ("GET", "/config"), ("GET", "/outbound"), ("DELETE", "/outbound"),
                    ("GET", "/mock-llm/script"), ("GET", "/health"))],
                *[("PUT /__emulator/mock-llm/script", "PUT", base + "/mock-llm/script", mock_script(ctx))] * 2,
                *(reset if rng.random() < 0.1 else []))


def gen_mock_llm(ctx):
    rng = ctx.rng
    body = {"model": rng.choice(["gpt-3.5-turbo", "gpt-4o", ""]), "stream": rng.choice([True, False]),
            "messages": [{"role": "user", "content": rng.choice(["Hello", "a" * 30 + "!", ""])}],
            "tools": [{"type": "function", "function": {"name": "T", "parameters": {}}}]}
    path = rng.choice(["/v1/chat/completions", "/v1/chat/completions", "/model/m/converse", "/model/m/converse-stream",
                       "/v1/embeddings", "/", "/" + hostile_segment(rng), "/model/" + "a" * 700 + "/converse"])
    method = rng.choice(["POST", "POST", "POST", "GET", "PUT"])
    return [mk(ctx, "mock_llm", method + " /__emulator/mock-llm/{path}", method, "/__emulator/mock-llm" + path, body,
               stream=body["stream"])]


def gen_unknown(ctx):
    rng = ctx.rng
    method = rng.choice(["PATCH", "OPTIONS", "TRACE", "FOO", "get", "DELETE", "PUT", "POST", "HEAD"])
    path = rng.choice(["/", "/_cluster/health", ML, ML + "/", ML + "/models", ML + "//models/x", "//", "/" + "a/" * 500,
                       ML + "/models/x/_predict/stream/x", ML + "/agents/x/_execute/x", "/_nope", "/__emulator",
                       "/__emulator/mock-llm", ML + "/memory/message", "/%2F%2F", "/_cat", "/fuzz-index/_doc/1/_update",
                       ML + "/" + hostile_segment(rng)])
    return [mk(ctx, "unknown", "* unknown", method, path, {"a": 1} if rng.random() < 0.5 else None)]


def gen_scenario(ctx):
    """Cases whose hostile part shows on a later request; the runner puts settings and script back after."""
    rng, n = ctx.rng, ctx.rng.choice([0, 0, 1, 1, 2])
    length = rng.choice([12, 14, 16, 17])  # backtracking steps grow as 2^length
    predict = ML + "/models/" + ctx.id("model", 1) + "/_predict"
    if n == 0:
        rule = {"name": "redos", "match": {"last_user_message": rng.choice(REGEXES[:5])}, "reply": {"text": "x"}}
        call = {"parameters": {"messages": [{"role": "user", "content": "a" * length + "!"}]}}
        return [plain("control_plane", "PUT /__emulator/mock-llm/script (redos)", "PUT", "/__emulator/mock-llm/script",
                      {"rules": [rule]}),
                plain("predict", "POST models/{id}/_predict (redos script)", "POST", predict, call)]
    if n == 1:
        connector = copy.deepcopy(ctx.fx["create-openai-connector"])
        connector["actions"][0]["url"] = "https://" + "a" * length + "!"
        regex = {"persistent": {"plugins.ml_commons.trusted_connector_endpoints_regex": [rng.choice(REGEXES[:5])]}}
        return [plain("cluster_settings", "PUT /_cluster/settings (redos regex)", "PUT", "/_cluster/settings", regex),
                plain("connectors", "POST connectors/_create (redos url)", "POST", ML + "/connectors/_create",
                      connector)]
    params = dict(doubling(rng.choice([12, 14, 16, 17]), "ab"),
                  messages='[{"role":"user","content":"${parameters.p0}"}]')
    return [plain("predict", "POST models/{id}/_predict (doubling params)", "POST", predict, {"parameters": params})]


FAMILIES = [(gen_info, 3), (gen_settings, 4), (gen_control, 4), (gen_mock_llm, 4), (gen_connectors, 9),
            (gen_models, 9), (gen_predict, 9), (gen_predict_stream, 6), (gen_model_groups, 5), (gen_tasks, 4),
            (gen_agents, 7), (gen_execute, 7), (lambda ctx: gen_execute(ctx, stream=True), 5), (gen_memory, 12),
            (gen_tools, 5), (gen_index, 12), (gen_unknown, 3), (gen_scenario, 1), (gen_local_models, 8),
            (gen_algorithms, 6), (gen_agentic_memory, 9), (gen_mcp, 4)]


# ---------------------------------------------------------------- server process and HTTP client

CRASH_LINE = re.compile(r"Fatal error|Program crashed|Illegal instruction|Segmentation fault|Aborted|"
                        r"Assertion failed|Precondition failed")
APP_FRAME = re.compile(r" at (?!\S*/\.build/)\S*?/Sources/([^\s:]+:\d+)")


LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (trace|debug|info|notice|warning|error|critical) ")


def crash_message(line):
    # The emulator's own log lines (which name request paths) are never a crash report.
    if LOG_LINE.match(line) or not CRASH_LINE.search(line):
        return None
    return re.sub(r"0x[0-9a-f]+", "0x…", line.strip())[:160]


class Server:
    """The emulator as a child process on a free loopback port, its output kept for crash reports."""

    def __init__(self, binary, extra_args, known_crashes):
        self.binary, self.extra_args, self.known_crashes, self.proc = binary, extra_args, known_crashes, None
        self.err, self.out, self.err_total = collections.deque(maxlen=400), collections.deque(maxlen=100), 0

    def start(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("ML_EMULATOR_")}  # the flags alone configure it
        env.setdefault("SWIFT_BACKTRACE", "enable=yes,interactive=no,symbolicate=fast,threads=crashed,"
                                          "registers=none,images=none,limit=40")
        # The mock answers unpaced: its pause between tokens is deliberate, and a long echoed answer would
        # otherwise count against the emulator's own time budget.
        cmd = [self.binary, "--host", "127.0.0.1", "--port", "0", "--data", ":memory:", "--llm", "mock",
               "--mock-token-delay-ms", "0"]
        self.proc = subprocess.Popen(cmd + self.extra_args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        ready, port = threading.Event(), []

        def pump(stream, sink, is_err):
            for raw in iter(stream.readline, b""):
                line = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "?", raw.decode("utf-8", "replace").rstrip("\n"))[:600]
                sink.append(line)
                if is_err:
                    self.err_total += 1
                    if crash_message(line) in self.known_crashes:
                        self.proc.kill()  # a crash already reported: its backtrace would only cost seconds
                found = re.search(r"listening on http://\S+:(\d+)", line)
                if found and not ready.is_set():
                    port.append(int(found.group(1)))
                    ready.set()
        for stream, sink, is_err in ((self.proc.stdout, self.out, False), (self.proc.stderr, self.err, True)):
            threading.Thread(target=pump, args=(stream, sink, is_err), daemon=True).start()
        deadline = time.monotonic() + 60
        while not ready.wait(0.1):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("server did not start:\n" + "\n".join(self.tail()))
        return port[0]

    def alive(self):
        return self.proc.poll() is None

    def wait_dead(self, seconds):
        try:
            self.proc.wait(seconds)
        except subprocess.TimeoutExpired:
            pass
        return not self.alive()

    def stop(self):
        if self.alive():
            self.proc.terminate()
            if not self.wait_dead(5):
                self.proc.kill()
                self.proc.wait()

    def tail(self, n=50):
        return list(self.err)[-n:] or list(self.out)[-n:]


class Res:
    def __init__(self):
        self.status, self.headers, self.body, self.error, self.error_kind = None, {}, b"", None, None
        self.ttfb = self.elapsed = self.max_gap = 0.0
        self.reused = False


class Client:
    """One keep-alive connection, reopened after an error or `Connection: close`."""

    def __init__(self, host, port):
        self.host, self.port, self.conn, self.used = host, port, None, False

    def close(self):
        if self.conn:
            self.conn.close()
        self.conn, self.used = None, False

    def send(self, req, timeout=CLIENT_TIMEOUT_S):
        res = self._send(req, timeout)
        # An idle keep-alive connection the server closed fails at once; a retry on a fresh one tells that apart.
        if res.error_kind == "dropped" and res.reused and res.elapsed < 0.05:
            res = self._send(req, timeout)
        return res

    def _send(self, req, timeout):
        res, t0 = Res(), time.monotonic()
        res.reused = self.conn is not None and self.used
        if self.conn is None:
            self.conn, self.used = http.client.HTTPConnection(self.host, self.port, timeout=timeout), False
        try:
            self.conn.timeout = timeout
            if self.conn.sock:
                self.conn.sock.settimeout(timeout)
            self.conn.putrequest(req.method, req.url, skip_host=True, skip_accept_encoding=True)
            if not any(k.lower() == "host" for k, _ in req.headers):
                self.conn.putheader("Host", "%s:%d" % (self.host, self.port))
            for k, v in req.headers:
                self.conn.putheader(k, v.encode("utf-8"))
            if req.body is not None:
                self.conn.putheader("Content-Length", str(len(req.body)))
            self.conn.endheaders(req.body)
            self.used = True
            resp = self.conn.getresponse()
            res.ttfb = res.max_gap = time.monotonic() - t0
            res.status, res.headers = resp.status, {k.lower(): v for k, v in resp.getheaders()}
            if "text/event-stream" in res.headers.get("content-type", "") or req.stream:
                chunks, last = [], time.monotonic()
                while piece := resp.read1(65536):
                    now = time.monotonic()
                    res.max_gap, last = max(res.max_gap, now - last), now
                    chunks.append(piece)
                    if now - t0 > STREAM_CAP_S:
                        raise TimeoutError("stream still open after %ds" % STREAM_CAP_S)
                res.body = b"".join(chunks)
            else:
                res.body = resp.read()
            if resp.will_close:
                self.close()
        except ConnectionRefusedError as e:
            res.error, res.error_kind = repr(e), "refused"
        except (TimeoutError, socket.timeout) as e:
            res.error, res.error_kind = repr(e), "timeout"
        except (http.client.HTTPException, OSError) as e:
            res.error, res.error_kind = repr(e), "dropped"
        res.elapsed = time.monotonic() - t0
        if res.error:
            self.close()
        return res


# ---------------------------------------------------------------- checks


def strict_json(data):
    def no_constants(name):
        raise ValueError("non-standard constant " + name)

    def no_duplicates(pairs):
        if len({k for k, _ in pairs}) != len(pairs):
            raise ValueError("duplicate key in an object")
        return dict(pairs)
    return json.loads(data.decode("utf-8"), parse_constant=no_constants, object_pairs_hook=no_duplicates)


def error_type(obj):
    err = obj.get("error") if isinstance(obj, dict) else None
    if isinstance(err, dict):
        return str(err.get("type"))
    return "bare: " + re.sub(r"\[[^\]]*\]", "[…]", err)[:70] if isinstance(err, str) else "-"


def envelope_problem(req, res, obj, parse_error):
    """None when an error body is one of the forms OpenSearch or ml-commons write, else what is wrong."""
    status, text_or_none = res.status, (lambda r: r is None or isinstance(r, str))
    if req.method == "HEAD" or (not res.body and status == 413):
        return None
    if "yaml" in res.headers.get("content-type", ""):
        return None if res.body.startswith(b"---") else "YAML body without its document start"
    head_size = len(req.path) + len(req.query) + sum(len(n) + len(v) + 4 for n, v in req.headers)
    if not res.body and status == 400 and (req.method not in STANDARD_METHODS or head_size > 8192):
        return None  # the HTTP parser refuses an unknown method or an oversized head before any handler runs
    if not res.body:
        return "empty error body"
    if parse_error:
        return "error body is not valid JSON: " + parse_error
    if not isinstance(obj, dict):
        return "error body is not an object"
    err, mismatch = obj.get("error"), "status field %r differs from HTTP %d" % (obj.get("status"), status)
    if isinstance(err, dict) and "root_cause" in err:  # BytesRestResponse
        causes = err["root_cause"]
        if not (isinstance(causes, list) and causes and all(isinstance(c, dict) and isinstance(c.get("type"), str)
                                                            and text_or_none(c.get("reason")) for c in causes)):
            return "malformed root_cause"
        if not isinstance(err.get("type"), str) or not text_or_none(err.get("reason")):
            return "malformed error.type or error.reason"
        if obj.get("status") != status:
            return mismatch
        return None if set(obj) == {"error", "status"} else "unexpected top-level keys %s" % sorted(set(obj))
    if isinstance(err, str):  # RestController's own answers
        if set(obj) - {"error", "status"}:
            return "unexpected keys beside a bare error: %s" % sorted(set(obj))
        if obj.get("status", status) != status:
            return mismatch
        return None if "status" in obj or status == 400 else "bare error without status on HTTP %d" % status
    if isinstance(err, dict) and "/_execute" in req.path and {"type", "reason"} <= set(err):  # execute's envelope
        return None if obj.get("status") == status else mismatch
    if "/_doc/" in req.path and status == 404 and (obj.get("found") is False or obj.get("result") == "not_found"):
        return None
    if "filter_path=" in req.query:
        return None  # a body built with newBuilder (not the error builder) is filtered like any other
    if req.family == "mock_llm" and (isinstance(err, dict) and "message" in err or {"message", "Message"} & set(obj)):
        return None  # the mock LLM speaks the providers' own error formats
    return "not an OpenSearch error envelope"


def sse_problem(body):
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "event stream is not UTF-8"
    if not text:
        return "empty event stream"
    if not text.endswith("\n\n"):
        return "event stream does not end with a blank line"
    events = text[:-2].split("\n\n")
    for i, event in enumerate(events):
        for line in event.split("\n"):
            if line.startswith((":", "event:", "id:", "retry:")):
                continue
            if not line.startswith("data:"):
                return "line outside a data field: %r" % line[:80]
            payload = line[5:].lstrip(" ")
            if payload.startswith('{"error": "'):
                # ml-commons builds this chunk by hand (only quotes escaped); it must end the stream.
                if i != len(events) - 1:
                    return "error chunk before the end of the stream"
                break
            if payload != "[DONE]":
                try:
                    strict_json(payload.encode())
                except ValueError as e:
                    return "data is not valid JSON (%s): %r" % (e, payload[:80])
    return None


def check(req, res):
    """Every problem with one answer, as (kind, error type for deduplication, detail)."""
    out, status = [], res.status
    is_sse = "text/event-stream" in res.headers.get("content-type", "")
    budget = SLOW_S + len(req.body or b"") / BODY_BYTES_PER_S
    if res.ttfb > budget:
        out.append(("slow", req.route, "response headers after %.2fs" % res.ttfb))
    elif not is_sse and res.elapsed > budget:
        out.append(("slow", req.route, "response body complete after %.2fs" % res.elapsed))
    elif is_sse and res.max_gap > SLOW_S:
        out.append(("slow", req.route, "stream silent for %.2fs between chunks" % res.max_gap))
    obj, parse_error = None, None
    if res.body and "json" in res.headers.get("content-type", "") and req.method != "HEAD":
        try:
            obj = strict_json(res.body)
        except (ValueError, UnicodeDecodeError) as e:
            parse_error = str(e)[:120]
    reason = json.dumps(obj) if obj is not None else ""
    kind = error_type(obj)
    if "yaml" in res.headers.get("content-type", ""):  # format=yaml: read the error's type and text from the YAML
        reason = re.sub(r"\\\n *\\?", "", res.body.decode("utf-8", "replace"))
        found = re.search(r'\n  type: "([^"]*)"', reason)
        kind = found.group(1) if found else "-"
    # A body `filter_path` emptied (ml-commons builds the execute envelope with newBuilder) cannot be classified.
    unreadable = "filter_path=" in req.query and isinstance(obj, dict) and "error" not in obj
    if status >= 500 and not unreadable and not any(f in ("*", req.family) and s == status and t == kind and part in reason
                                                    for f, s, t, part, _ in ALLOWED_5XX):
        out.append(("5xx", kind, "HTTP %d" % status))
    problem = envelope_problem(req, res, obj, parse_error) if status >= 400 else None
    if problem:
        out.append(("envelope", problem.split(":")[0][:60], problem))
    elif parse_error and status < 400:
        out.append(("json", parse_error.split(":")[0][:60], "invalid JSON in a %d body: %s" % (status, parse_error)))
    problem = sse_problem(res.body) if is_sse and status < 400 and req.method != "HEAD" else None
    if problem and problem not in TOLERATED_SSE:
        out.append(("sse", problem.split(":")[0][:60], problem))
    return out


# ---------------------------------------------------------------- runner


class Runner:
    def __init__(self, args, ctx):
        self.args, self.ctx, self.server, self.crash_messages = args, ctx, None, set()
        self.by_family, self.statuses, self.kinds = collections.Counter(), collections.Counter(), collections.Counter()
        self.slow_routes, self.skipped = collections.Counter(), collections.Counter()
        self.failures, self.slowest = {}, []
        self.crashes = self.sent = self.index = self.last_ensure = self.restarts = 0
        self.state_changed = False
        self.elapsed = 0.0
        if args.url:
            url = urllib.parse.urlsplit(args.url)
            self.client = Client(url.hostname, url.port or 80)
        else:
            known = set() if args.full_backtraces else self.crash_messages
            self.server = Server(args.binary, shlex.split(args.server_args), known)
            self.client = Client("127.0.0.1", self.server.start())

    # -- sending and recording

    def execute(self, req):
        self.index += 1
        err_before = self.server.err_total if self.server else 0
        res = self.client.send(req)
        self.by_family[req.family] += 1
        self.statuses[str(res.status or res.error_kind)] += 1
        self.slowest = sorted(self.slowest + [(res.elapsed, self.index, req.method, req.url[:120], res.status)])[-5:]
        if res.error:
            self.on_error(req, res, err_before)
        else:
            for kind, etype, detail in check(req, res):
                self.fail(kind, req, res, etype, detail)
            if self.server and not self.server.alive():
                self.on_crash(req, res, err_before)
        return res

    def fail(self, kind, req, res, etype, detail, log=()):
        key = (kind, req.family, res.status, etype)
        self.kinds[kind] += 1
        if kind in ("slow", "timeout", "hang"):
            self.slow_routes[req.route] += 1
        if key in self.failures:
            self.failures[key]["count"] += 1
            return
        self.failures[key] = {
            "kind": kind, "family": req.family, "status": res.status, "error_type": etype, "count": 1,
            "index": self.index, "route": req.route, "method": req.method, "path": req.path, "query": req.query,
            "headers": req.headers, "body_head": (req.body or b"")[:300].decode("utf-8", "replace"),
            "response_head": res.body[:500].decode("utf-8", "replace") or (res.error or ""),
            "elapsed": round(res.elapsed, 3), "detail": detail, "server_log": list(log), "req": req,
            "ids": {v: k.upper() for k, v in self.ctx.state.items() if len(v) >= 10}}
        print("  FAIL #%d %s %s %s -> %s: %s" % (self.index, kind, req.method, req.url[:100],
                                                  res.status or res.error_kind, detail[:160]), flush=True)

    def new_stderr(self, err_before):
        count = min(400, self.server.err_total - err_before)
        return list(self.server.err)[-count:] if count > 0 else []

    def on_crash(self, req, res, err_before):
        self.crashes += 1
        fatal, deadline = None, time.monotonic() + 3
        while fatal is None and time.monotonic() < deadline:
            fatal = next(filter(None, map(crash_message, self.new_stderr(err_before))), None)
            if fatal is None and self.server.wait_dead(0.05):
                deadline = min(deadline, time.monotonic() + 0.3)  # exited: only its last output is still to come
        seen = fatal in self.crash_messages
        if fatal:
            self.crash_messages.add(fatal)
        # Symbolicating a backtrace takes seconds: wait for it only the first time a message shows up.
        if not self.server.wait_dead(30 if self.args.full_backtraces or not seen else 0):
            self.server.stop()
        frame = next((m.group(1) for m in map(APP_FRAME.search, self.new_stderr(err_before)) if m), None)
        signature = fatal or "exit code %s" % self.server.proc.returncode
        if self.args.full_backtraces and frame:
            signature += " @ " + frame
        tail = self.server.tail(50)
        print("  CRASH at #%d (exit %s) %s %s" % (self.index, self.server.proc.returncode, req.method, req.url[:120]))
        if ("crash", req.family, res.status, signature) not in self.failures:  # a repeat only gets the line above
            print("    " + "\n    ".join(tail))
        where = " at " + frame if frame else ""
        self.fail("crash", req, res, signature, "server exited with %s%s" % (self.server.proc.returncode, where), tail)
        self.restart()

    def on_error(self, req, res, err_before):
        if self.server:
            fatal = any(map(crash_message, self.new_stderr(err_before)))
            if self.server.wait_dead(0.1 if res.error_kind == "timeout" else 1.0) or fatal:
                return self.on_crash(req, res, err_before)
        if res.error_kind == "refused":
            if self.server:
                return self.on_crash(req, res, err_before)
            self.fail("crash", req, res, "connection refused", res.error)
            return self.wait_for_external()
        if res.error_kind == "timeout":
            if not self.probe(3).error:
                return self.fail("timeout", req, res, req.route, "no complete answer in %.1fs" % res.elapsed)
            if self.server:
                self.fail("hang", req, res, req.route, "no answer in %.0fs, and GET / stopped answering" % res.elapsed)
                return self.restart()
            # Not our process: a server that goes away within 30 s crashed (its backtrace took the time), else it hangs.
            for _ in range(30):
                if self.probe(2).error_kind == "refused":
                    detail = "no answer in %.0fs, then the server went away" % res.elapsed
                    self.fail("crash", req, res, "connection refused", detail)
                    return self.wait_for_external()
                time.sleep(1)
            self.fail("hang", req, res, req.route, "no answer in %.0fs, and GET / stopped answering" % res.elapsed)
            raise SystemExit("the server at %s hangs" % self.args.url)
        self.fail("dropped", req, res, req.route, "connection closed without a complete response: " + res.error)

    def restart(self):
        if self.crashes > self.args.max_restarts:
            raise SystemExit("more than %d crashes; stopping" % self.args.max_restarts)
        self.restarts += 1
        self.client.close()
        self.server.stop()
        self.client = Client("127.0.0.1", self.server.start())
        self.wait_ready()
        self.setup_state()

    def probe(self, timeout):
        return self.client.send(Req("(probe)", "GET /", "GET", "/"), timeout=timeout)

    def wait_for_external(self):
        for _ in range(30):
            if not self.probe(2).error:
                return self.setup_state()
            time.sleep(1)
        raise SystemExit("the server at %s stopped answering" % self.args.url)

    def wait_ready(self):
        deadline = time.monotonic() + 60
        while self.probe(2).status != 200:
            if time.monotonic() > deadline:
                raise SystemExit("the server never answered GET /")
            time.sleep(0.2)

    # -- real state for deep paths

    def call(self, method, path, body=None, query=""):
        res = self.execute(plain("(setup)", "%s %s (setup)" % (method, path), method, path, body, query))
        try:
            return strict_json(res.body) if res.status and res.status < 300 else {}
        except ValueError:
            return {}

    def baseline(self):
        self.call("PUT", "/_cluster/settings", {"persistent": dict(BASELINE, **{SETTING_KEYS[0]: True}),
                                                "transient": BASELINE})
        self.call("PUT", "/__emulator/mock-llm/script", self.ctx.fx["chat-agent"])

    def setup_state(self):
        fx, st, call, restarts = self.ctx.fx, {}, self.call, self.restarts
        self.baseline()
        for key, name in (("connector", "create-openai-connector"), ("connector_bedrock", "create-bedrock-connector"),
                          ("connector_agent", "create-openai-agent-connector")):
            st[key] = call("POST", ML + "/connectors/_create", fx[name]).get("connector_id")
        for key, conn in (("model", "connector"), ("model_bedrock", "connector_bedrock"),
                          ("model_agent", "connector_agent"), ("model_inline", None)):
            body = {"name": key, "function_name": "remote", "connector_id": st[conn]} if conn else \
                fx["register-openai-stream-model"]
            r = call("POST", ML + "/models/_register", body, "deploy=true")
            st[key], st["task"] = r.get("model_id"), r.get("task_id") or st.get("task")
        for key, name in (("model_local", "huggingface/sentence-transformers/all-MiniLM-L6-v2"),
                          ("model_sparse", "amazon/neural-sparse/opensearch-neural-sparse-encoding-v1")):
            task = call("POST", ML + "/models/_register", {"name": name, "version": "1.0.1", "model_format": "TORCH_SCRIPT"},
                        "deploy=true").get("task_id")
            st[key] = call("GET", ML + "/tasks/%s" % task).get("model_id") if task else None
        call("PUT", "/_cluster/settings", {"persistent": {"plugins.ml_commons.allow_registering_model_via_local_file": True}})
        meta = {"name": "meta", "model_format": "TORCH_SCRIPT", "model_content_hash_value": "abc", "total_chunks": 2,
                "model_config": {"model_type": "bert", "embedding_dimension": 8, "framework_type": "sentence_transformers"}}
        st["model_meta"] = call("POST", ML + "/models/_register_meta", meta).get("model_id")
        frame = {"column_metas": [{"name": "a", "column_type": "DOUBLE"}],
                 "rows": [{"values": [{"column_type": "DOUBLE", "value": v}]} for v in (1.0, 2.0, 9.0)]}
        st["model_kmeans"] = call("POST", ML + "/_train/kmeans", {"input_data": frame}).get("model_id")
        self.ctx.counter += 1
        group = call("POST", ML + "/model_groups/_register", {"name": "setup-%d" % self.ctx.counter})
        st["group"] = group.get("model_group_id")
        for key, name in (("agent", "register-chat-agent"), ("agent_plain", "register-plain-chat-agent")):
            text = json.dumps(fx[name]).replace("${model_id}", st["model_agent"] or "x")
            st[key] = call("POST", ML + "/agents/_register",
                           json.loads(text.replace("${llm_interface}", "openai/v1/chat/completions"))).get("agent_id")
        call("PUT", "/_cluster/settings", {"persistent": {"plugins.ml_commons.mcp_connector_enabled": True}})
        mcp_agent = json.loads(json.dumps(fx["register-plain-chat-agent"]).replace("${model_id}", st["model_agent"] or "x")
                               .replace("${llm_interface}", "openai/v1/chat/completions"))
        mcp_agent["parameters"]["mcp_connectors"] = [{"mcp_connector_id": st["connector"]}, {"mcp_connector_id": "nope"}]
        st["agent_mcp"] = call("POST", ML + "/agents/_register", mcp_agent).get("agent_id")
        st["memory"] = call("POST", ML + "/memory", fx["create-memory"]).get("memory_id")
        messages = ML + "/memory/%s/messages" % st["memory"]
        st["message"] = call("POST", messages, fx["create-message"]).get("message_id")
        trace = dict(fx["create-message"], parent_message_id=st["message"], trace_number=1)
        st["trace"] = call("POST", messages, trace).get("message_id")
        st["container"] = call("POST", ML + "/memory_containers/_create", {"name": "fuzz", "configuration": {
            "index_prefix": "fuzz_am", "use_system_index": False, "disable_session": False}}).get("memory_container_id")
        st["container_infer"] = call("POST", ML + "/memory_containers/_create", {"name": "fuzz-infer", "configuration": {
            "embedding_model_type": "TEXT_EMBEDDING", "embedding_model_id": st["model_local"], "embedding_dimension": 384,
            "llm_id": st["model"], "strategies": [{"type": "SEMANTIC", "namespace": ["user_id"]}]}}).get("memory_container_id")
        st["working_memory"] = call("POST", ML + "/memory_containers/%s/memories" % st["container"], {
            "messages": [{"role": "user", "content": [{"text": "I am Bob.", "type": "text"}]}],
            "namespace": {"user_id": "bob"}}).get("working_memory_id")
        call("PUT", "/fuzz-index", {"mappings": {"properties": {"field": {"type": "text"}, "n": {"type": "long"}}}})
        st["doc"] = call("PUT", "/fuzz-index/_doc/doc-1", {"field": "hello world", "n": 1}, "refresh=true").get("_id")
        if self.restarts != restarts:
            return  # the server crashed meanwhile and its restart set the state up again
        if any(v is None for v in st.values()):
            print("  setup could not create: " + ", ".join(sorted(k for k, v in st.items() if v is None)))
        self.ctx.state = {k: v for k, v in st.items() if v is not None}

    def ensure_state(self):
        st = self.ctx.state
        paths = [p + st.get(kind, "-") for p, kind in (
            ("/connectors/", "connector"), ("/models/", "model"), ("/agents/", "agent"), ("/agents/", "agent_plain"),
            ("/memory/", "memory"), ("/memory/message/", "message"))]
        if not all(self.call("GET", ML + p) for p in paths) or not self.call("GET", "/fuzz-index/_doc/doc-1"):
            self.setup_state()

    # -- the run

    def run(self):
        ctx, n, t0 = self.ctx, self.args.requests, time.monotonic()  # t0 for the progress lines
        self.wait_ready()
        self.setup_state()
        generators, weights = zip(*FAMILIES)
        while self.sent < n:
            settings_changed = False
            for req in ctx.rng.choices(generators, weights)[0](ctx):
                if self.sent >= n:
                    break
                self.sent += 1
                # A special case ("(...)" in its label) that was slow twice has made its point; more only cost time.
                if "(" in req.route and self.slow_routes[req.route] >= 2:
                    self.skipped[req.route] += 1
                    continue
                res = self.execute(req)
                if req.method not in ("GET", "HEAD") and res.status and res.status < 300:
                    self.state_changed = True  # the real ids may be gone: checked at most every 100 requests
                    settings_changed |= req.path in ("/_cluster/settings", "/__emulator/mock-llm/script")
                    if req.path == "/__emulator/reset":
                        self.setup_state()
                if self.sent % HEALTH_EVERY == 0:
                    self.health()
                if self.sent % 1000 == 0:
                    print("[%6d/%d] %6.1fs  failures=%d distinct=%d crashes=%d" % (self.sent, n, time.monotonic() - t0,
                          sum(self.kinds.values()), len(self.failures), self.crashes), flush=True)
            if settings_changed:
                self.baseline()
            if self.state_changed and self.sent - self.last_ensure >= 100:
                self.state_changed, self.last_ensure = False, self.sent
                self.ensure_state()

    def health(self):
        req = Req("(health)", "GET /__emulator/health", "GET", "/__emulator/health")
        res = self.execute(req)
        if not res.error and res.elapsed > HEALTH_BUDGET_S:
            self.fail("health", req, res, "slow health", "GET /__emulator/health took %.0f ms" % (res.elapsed * 1000))


# ---------------------------------------------------------------- report


def shell_words(text, ids):
    """`text` quoted for a shell, with the run's real ids turned into the variables --setup-only exports."""
    pattern = "|".join(map(re.escape, ids))
    pieces = re.split("(%s)" % pattern, text) if ids else [text]
    return "".join('"$%s"' % ids[p] if p in ids else shlex.quote(p) for p in pieces if p)


def curl_for(f, number, repro_dir):
    req, ids = f["req"], f["ids"]
    parts = ["curl -sS -i --path-as-is -g", "-I" if req.method == "HEAD" else "-X " + shlex.quote(req.method)]
    if req.stream:
        parts.append("-N")
    if len(req.headers) > 20 or any(len(v) > 200 for _, v in req.headers):
        path = repro_dir / ("failure-%d.headers" % number)
        path.write_text("".join("%s: %s\n" % kv for kv in req.headers))
        parts.append("-H @" + str(path))
    else:
        parts += ["-H " + shlex.quote("%s: %s" % (k, v) if v else k + ";") for k, v in req.headers]
    if req.body is not None:
        if not any(k.lower() == "content-type" for k, _ in req.headers):
            parts.append("-H Content-Type:")  # or curl would send a form content type
        text = req.body.decode("utf-8", "replace")
        if len(req.body) <= 300 and text.isprintable() and text.encode() == req.body:
            parts.append("--data-binary " + (shell_words(text, ids) or "''"))
        else:
            path = repro_dir / ("failure-%d.body" % number)
            body = req.body
            for real, name in ids.items():
                body = body.replace(real.encode(), ("@%s@" % name).encode())
            path.write_bytes(body)
            fill = "".join(' -e "s/@%s@/$%s/g"' % (n, n) for real, n in ids.items() if real.encode() in req.body)
            parts.append("--data-binary @" + (str(path) if not fill else "<(sed%s %s)" % (fill, path)))
    return " ".join(parts) + ' "$ES"' + shell_words(req.url, ids)


def report(runner, args):
    distinct = sorted(runner.failures.values(), key=lambda f: (SEVERITY.index(f["kind"]), f["family"], -f["count"]))
    repro_dir = Path(args.repro_dir or "/tmp/ml-commons-fuzz-%d" % args.seed)
    repro_dir.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(distinct, 1):
        f["curl"] = curl_for(f, i, repro_dir)
    print("\n== hostile fuzz: seed %d, %d requests in %.1fs, %d crashes" % (args.seed, runner.sent, runner.elapsed,
                                                                           runner.crashes))
    print("\nrequests per route family:")
    for family, count in runner.by_family.most_common():
        print("  %-22s %6d" % (family, count))
    print("\nstatuses: " + ", ".join("%s=%d" % kv for kv in sorted(runner.statuses.items())))
    kinds = ", ".join("%s=%d" % (k, runner.kinds[k]) for k in SEVERITY if runner.kinds[k])
    print("failures by kind: " + (kinds or "none"))
    for route, count in sorted(runner.skipped.items()):
        print("not sent after two slow answers: %d x %s" % (count, route))
    print("\nslowest requests:")
    for elapsed, index, method, url, status in reversed(runner.slowest):
        print("  %7.3fs  #%d %s %s -> %s" % (elapsed, index, method, url, status))
    if distinct:
        print("\ndistinct failures, most severe first. To reproduce: ES=http://127.0.0.1:9200, start the server, and\n"
              '  eval "$(python3 Tests/hostile/fuzz.py --url $ES --setup-only)"   # the state and ids the commands use')
    for i, f in enumerate(distinct, 1):
        print("\n[%d] %s  family=%s status=%s type=%s  (x%d, first at #%d, %.3fs)" % (
            i, f["kind"], f["family"], f["status"], f["error_type"], f["count"], f["index"], f["elapsed"]))
        url = f["path"] + ("?" + f["query"] if f["query"] else "")
        print("    %s %s\n    %s" % (f["method"], url[:300], f["detail"][:300]))
        print("    body: %r\n    response: %r\n    %s" % (f["body_head"][:200], f["response_head"][:300], f["curl"]))
    if args.report:
        data = {"seed": args.seed, "requests": runner.sent, "elapsed_s": round(runner.elapsed, 2),
                "crashes": runner.crashes, "by_family": dict(runner.by_family), "statuses": dict(runner.statuses),
                "failures_by_kind": dict(runner.kinds), "not_sent": dict(runner.skipped),
                "slowest": [{"elapsed_s": round(e, 3), "index": i, "method": m, "url": u, "status": s}
                            for e, i, m, u, s in reversed(runner.slowest)],
                "distinct_failures": [{k: v for k, v in f.items() if k != "req"} for f in distinct]}
        Path(args.report).write_text(json.dumps(data, indent=2, ensure_ascii=False))
        print("\nreport written to " + args.report)
    return 1 if distinct else 0


def load_fixtures():
    fx = {p.stem: json.loads(p.read_text()) for p in (ROOT / "fixtures" / "requests").glob("*.json")}
    fx["chat-agent"] = json.loads((ROOT / "fixtures" / "mock-llm" / "chat-agent.json").read_text())
    return fx


def main():
    ap = argparse.ArgumentParser(description="Seeded hostile-input fuzzer for ml-commons-emulator.")
    target = ap.add_mutually_exclusive_group(required=True)
    target.add_argument("--binary", help="server executable, started on a free loopback port with --data :memory:")
    target.add_argument("--url", help="fuzz an already running server instead (a crash cannot be restarted)")
    ap.add_argument("--requests", type=int, default=10000, help="requests to send (default 10000; 100000: long run)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="RNG seed (default %d)" % DEFAULT_SEED)
    ap.add_argument("--report", help="also write the summary as JSON to this file")
    ap.add_argument("--repro-dir", help="where reproducer bodies go (default /tmp/ml-commons-fuzz-SEED)")
    ap.add_argument("--server-args", default="", help="extra arguments for the started server, e.g. '--log-level info'")
    ap.add_argument("--full-backtraces", action="store_true",
                    help="wait for every crash's backtrace and tell crashes apart by source line (slower)")
    ap.add_argument("--max-restarts", type=int, default=500, help="stop after this many crashes")
    ap.add_argument("--setup-only", action="store_true",
                    help="with --url: create the starting state, print its ids as exports for the curl commands")
    args = ap.parse_args()
    if args.setup_only and not args.url:
        ap.error("--setup-only needs --url")
    newer = "--opensearch-version" in args.server_args
    runner, t0 = Runner(args, Ctx(random.Random(args.seed), load_fixtures(), newer)), time.monotonic()
    if args.setup_only:
        sys.stdout = sys.stderr  # only the exports go to stdout
        runner.wait_ready()
        runner.setup_state()
        print("\n".join("export %s=%s" % (k.upper(), shlex.quote(v)) for k, v in sorted(runner.ctx.state.items())),
              file=sys.__stdout__)
        sys.exit(0)
    try:
        runner.run()
    except (KeyboardInterrupt, SystemExit) as stop:
        print("stopped early: %s" % (stop or "interrupted"))
    finally:
        runner.elapsed = time.monotonic() - t0
        if runner.server:
            runner.server.stop()
    sys.exit(report(runner, args))


if __name__ == "__main__":
    main()
