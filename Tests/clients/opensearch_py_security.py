#!/usr/bin/env python3
"""opensearch-py, unmodified, against the emulator's security mode, configured as for a cluster with the
security plugin: `use_ssl=True, verify_certs=False, http_auth=(user, password)`.

The admin runs the README's flows (settings, connector, model, predict, agent, memory, search); a user with
`ml_full_access` runs them too; a `readall` user is refused with the plugin's 403; a wrong password gets its 401.

    python3 Tests/clients/opensearch_py_security.py --binary .build/release/ml-commons-emulator
"""
import argparse
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pysupport"))
from emulator import start  # noqa: E402
from opensearchpy import OpenSearch
from opensearchpy.exceptions import AuthenticationException, AuthorizationException

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "fixtures", "requests")
ADMIN_PASSWORD = "Correct7Horse9Battery"
USERS = os.path.join(HERE, "..", "..", "fixtures", "security", "users.yml")  # alice (ml_full_access), reader (readall)


def client(port, user, password):
    return OpenSearch(hosts=[{"host": "127.0.0.1", "port": port}], http_auth=(user, password), use_ssl=True,
                      verify_certs=False, ssl_show_warn=False, timeout=30)


def check(condition, message):
    if not condition:
        raise SystemExit("FAILED: " + message)
    print("ok  " + message)


def load(name):
    with open(os.path.join(FIXTURES, name)) as file:
        return json.load(file)


def flows(es, who):
    """The README's walk-through through opensearch-py's transport: every call must succeed."""
    request = es.transport.perform_request
    info = es.info()
    check(info["version"]["number"] == "3.3.0", f"{who}: info() over HTTPS")
    connector = request("POST", "/_plugins/_ml/connectors/_create", body=load("create-openai-agent-connector.json"))["connector_id"]
    model = request("POST", "/_plugins/_ml/models/_register",
                    body={"name": "gpt", "function_name": "remote", "connector_id": connector})["model_id"]
    answer = request("POST", f"/_plugins/_ml/models/{model}/_predict", body={"parameters": {
        "prompt": "Hello!", "system_prompt": "Be brief.", "_llm_interface": "openai/v1/chat/completions"}})
    check("Mock reply to: Hello!" in json.dumps(answer), f"{who}: predict through the mock LLM")
    with open(os.path.join(FIXTURES, "register-chat-agent.json")) as file:
        agent_body = json.loads(file.read().replace("${model_id}", model))
    agent = request("POST", "/_plugins/_ml/agents/_register", body=agent_body)["agent_id"]
    run = request("POST", f"/_plugins/_ml/agents/{agent}/_execute", body={"parameters": {"question": "Hello?"}})
    memory = run["inference_results"][0]["output"][0]["result"]
    messages = request("GET", f"/_plugins/_ml/memory/{memory}/messages")
    check(len(messages["messages"]) == 1, f"{who}: agent run stored in conversation memory")
    hits = request("POST", "/_plugins/_ml/models/_search", body={"query": {"term": {"_id": model}}})
    check(hits["hits"]["total"]["value"] == 1, f"{who}: model search")
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    proc, port = start(args.binary, "--security", "--users", USERS,
                       env={"OPENSEARCH_INITIAL_ADMIN_PASSWORD": ADMIN_PASSWORD})
    try:
        admin = client(port, "admin", ADMIN_PASSWORD)
        admin.cluster.put_settings(body={"persistent": {"plugins.ml_commons.stream_enabled": True}})
        whoami = admin.transport.perform_request("GET", "/_plugins/_security/authinfo")
        check(whoami["user_name"] == "admin" and whoami["roles"] == ["own_index", "all_access"], "admin's authinfo")
        model = flows(admin, "admin")
        flows(client(port, "alice", "Alice-Secret-42"), "ml_full_access user")

        try:
            client(port, "reader", "Reader-Secret-42").transport.perform_request("GET", f"/_plugins/_ml/models/{model}")
            check(False, "a readall user is refused")
        except AuthorizationException as error:
            check(error.status_code == 403 and error.error == "security_exception"
                  and "no permissions for [cluster:admin/opensearch/ml/models/get]" in str(error.info),
                  "a readall user gets the security plugin's 403")
        try:
            client(port, "admin", "wrong-password").info()
            check(False, "a wrong password is refused")
        except AuthenticationException as error:
            check(error.status_code == 401 and error.error == "Unauthorized", "a wrong password gets the security plugin's 401")
    finally:
        proc.terminate()
        proc.wait(10)
    print("opensearch-py over HTTPS with basic auth: all checks passed")


if __name__ == "__main__":
    main()
