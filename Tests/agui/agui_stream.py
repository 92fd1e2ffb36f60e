#!/usr/bin/env python3
"""AG-UI streams of the emulator, parsed event by event with the AG-UI protocol's own Python SDK.

Starts the emulator (3.5.0 and 3.8.0), registers the documentation's `ag_ui` agent on an OpenAI model answered by
the mock LLM, and streams two runs: one where the agent calls its own tool (ListIndexTool) and answers, one where
the LLM asks for a tool only the frontend has; then, on 3.8.0, the same with the agent registered as the documentation
registers it (a `model` block) on a thread, and the frontend tool's result sent back in the next run. Every `data:`
line must validate as an `ag_ui.core.Event`, and the event types must come in the order ml-commons produces them.

    python3 Tests/agui/agui_stream.py --binary .build/release/ml-commons-emulator
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pysupport"))
from emulator import call, start  # noqa: E402
from ag_ui.core import Event
from pydantic import TypeAdapter

EVENT = TypeAdapter(Event)
SETTINGS = {"persistent": {"plugins.ml_commons.stream_enabled": True, "plugins.ml_commons.ag_ui_enabled": True}}
FRONTEND_SCRIPT = {"rules": [{"name": "ask-the-frontend", "match": {"tools_offered": ["change_background"]},
                              "reply": {"tool_call": {"name": "change_background", "arguments": {"color": "blue"}}}}]}


def run_input(text, tools=()):
    return {"threadId": "thread-1", "runId": "run-1", "state": {}, "forwardedProps": {}, "context": [],
            "messages": [{"id": "msg-1", "role": "user", "content": text}], "tools": list(tools)}


def events(body):
    parsed = []
    for block in body.split("\n\n"):
        if not block:
            continue
        if not block.startswith("data: "):
            raise SystemExit("not an SSE data line: %r" % block[:200])
        parsed.append(EVENT.validate_json(block[len("data: "):]))
    return [event.type.value for event in parsed]


def check(label, got, expected):
    if got != expected:
        raise SystemExit("%s: events %s, expected %s" % (label, got, expected))
    print("%s: %d events, each valid, in order" % (label, len(got)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/release/ml-commons-emulator")
    args = parser.parse_args()
    for version, finishes in (("3.5.0", 1), ("3.8.0", 2)):
        proc, port = start(args.binary, "--opensearch-version", version)
        try:
            call(port, "PUT", "/_cluster/settings", SETTINGS)
            call(port, "PUT", "/__emulator/mock-llm/script", json.load(open("fixtures/mock-llm/chat-agent.json")))
            connector = call(port, "POST", "/_plugins/_ml/connectors/_create",
                             json.load(open("fixtures/requests/create-openai-agent-connector.json")))["connector_id"]
            model = call(port, "POST", "/_plugins/_ml/models/_register",
                         {"name": "gpt", "function_name": "remote", "connector_id": connector})["model_id"]
            agent = json.loads(open("fixtures/requests/register-chat-agent.json").read().replace("${model_id}", model))
            agent["type"] = "ag_ui"
            agent_id = call(port, "POST", "/_plugins/_ml/agents/_register", agent)["agent_id"]
            path = "/_plugins/_ml/agents/%s/_execute/stream" % agent_id

            backend = events(call(port, "POST", path, run_input("How many indices are in my cluster?"), raw=True))
            check("%s backend tool" % version, backend,
                  ["RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_ARGS", "TOOL_CALL_END",
                   "TOOL_CALL_RESULT", "TEXT_MESSAGE_START"] + ["TEXT_MESSAGE_CONTENT"] * 7
                  + ["TEXT_MESSAGE_END"] + ["RUN_FINISHED"] * finishes)

            call(port, "PUT", "/__emulator/mock-llm/script", FRONTEND_SCRIPT)
            tool = {"name": "change_background", "description": "Sets the page's background colour",
                    "parameters": {"type": "object", "properties": {"color": {"type": "string"}}}}
            frontend = events(call(port, "POST", path, run_input("Make it blue", [tool]), raw=True))
            check("%s frontend tool" % version, frontend,
                  ["RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_ARGS", "TOOL_CALL_END"]
                  + ["RUN_FINISHED"] * finishes)
        finally:
            proc.terminate()
            proc.wait(10)
    unified(args.binary)


def unified(binary):
    """The documentation's AG-UI agent, registered with a `model` block, on a 3.8 thread: a backend tool, then a
    frontend tool whose result the client sends back in its next run."""
    proc, port = start(binary, "--opensearch-version", "3.8.0")
    try:
        settings = json.loads(json.dumps(SETTINGS))
        settings["persistent"]["plugins.ml_commons.unified_agent_api_enabled"] = True
        call(port, "PUT", "/_cluster/settings", settings)
        call(port, "PUT", "/__emulator/mock-llm/script", json.load(open("fixtures/mock-llm/chat-agent.json")))
        agent_id = call(port, "POST", "/_plugins/_ml/agents/_register", {
            "name": "AG-UI Agent", "type": "AG_UI", "description": "An AI agent designed for UI interactions with streaming support",
            "model": {"model_id": "gpt-4o", "model_provider": "openai/v1/chat/completions",
                      "credential": {"openai_api_key": "unused"},
                      "model_parameters": {"system_prompt": "You are a helpful assistant and an expert in OpenSearch."}},
            "parameters": {"max_iteration": 50}, "tools": [{"type": "ListIndexTool", "name": "RetrieveIndexMetaTool"}],
            "memory": {"type": "conversation_index"}})["agent_id"]
        thread = call(port, "POST", "/_plugins/_ml/memory", {"name": "chat"})["memory_id"]
        path = "/_plugins/_ml/agents/%s/_execute/stream" % agent_id

        def run(messages, tools=()):
            body = {"threadId": thread, "runId": "run-1", "state": {}, "forwardedProps": {},
                    "context": [{"description": "page", "value": "home"}], "messages": messages, "tools": list(tools)}
            return events(call(port, "POST", path, body, raw=True))

        backend = run([{"id": "msg-1", "role": "user", "content": "How many indices are in my cluster?"}])
        check("3.8.0 unified backend tool", backend,
              ["RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_ARGS", "TOOL_CALL_END",
               "TOOL_CALL_RESULT", "TEXT_MESSAGE_START"] + ["TEXT_MESSAGE_CONTENT"] * 7 + ["TEXT_MESSAGE_END"] + ["RUN_FINISHED"] * 2)

        call(port, "PUT", "/__emulator/mock-llm/script", FRONTEND_SCRIPT)
        tool = {"name": "change_background", "description": "Sets the page's background colour",
                "parameters": {"type": "object", "properties": {"color": {"type": "string"}}}}
        ask = {"id": "msg-2", "role": "user", "content": "Make it blue"}
        frontend = run([ask], [tool])
        check("3.8.0 unified frontend tool", frontend,
              ["RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_ARGS", "TOOL_CALL_END"] + ["RUN_FINISHED"] * 2)
        call(port, "PUT", "/__emulator/mock-llm/script", {"default": {"reply": {"text": "The background is {{tool_result}} now."}}})
        call_back = {"id": "msg-3", "role": "assistant", "toolCalls": [
            {"id": "call-1", "type": "function", "function": {"name": "change_background", "arguments": "{\"color\":\"blue\"}"}}]}
        result = {"id": "msg-4", "role": "tool", "toolCallId": "call-1", "content": "blue"}
        answered = run([ask, call_back, result], [tool])
        check("3.8.0 unified frontend tool result", answered,
              ["RUN_STARTED", "TEXT_MESSAGE_START"] + ["TEXT_MESSAGE_CONTENT"] * 5 + ["TEXT_MESSAGE_END"] + ["RUN_FINISHED"] * 2)
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    sys.exit(main())
