#!/usr/bin/env python3
"""The playground in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`) driven by Selenium.

1. Loads the playground from the emulator's own origin, sets up the documentation's agent with its button, slows the
   answer down in the script editor (and sees a bad script refused with its location), streams "How many indices
   are in my cluster?" and checks that the tool step and the answer appear, that the answer was shown in part
   before its last token arrived, and that the chunk timeline, the LLM calls and the memory are shown.
2. Opens a page served from another origin that streams `_predict/stream` from an emulator with CORS enabled for
   that origin (it streams) and from one without CORS (the browser refuses).
3. Chats with an `ag_ui` agent on a 3.8 server: AG-UI input, AG-UI events, the tool step and the answer.

Screenshots go to .build/browser-artifacts/.

    python3 Tests/browser/playground_browser.py --binary .build/release/ml-commons-emulator
"""
import argparse
import functools
import http.server
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pysupport"))
from emulator import call, start  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ARTIFACTS = os.path.join(HERE, "..", "..", ".build", "browser-artifacts")
QUESTION = "How many indices are in my cluster?"
TOKEN_DELAY_MS = 150


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_directory(directory):
    """A static file server on a free loopback port: the 'other origin'."""
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def check(condition, message):
    if not condition:
        raise SystemExit("FAILED: " + message)
    print("ok  " + message)


def text(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def playground(driver, port):
    wait = WebDriverWait(driver, 30)
    driver.get(f"http://127.0.0.1:{port}/__emulator/")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    check("answering as OpenSearch 3.3.0" in text(driver, "#cluster-version"), "the playground loads and reads GET /")

    driver.find_element(By.ID, "docs-agent").click()
    wait.until(lambda d: "ok" in d.find_element(By.ID, "setup-status").get_attribute("class")
               or "error" in d.find_element(By.ID, "setup-status").get_attribute("class"))
    check("is ready" in text(driver, "#setup-status"), "the docs' agent is registered: " + text(driver, "#setup-status"))
    selected = driver.find_element(By.ID, "target").get_attribute("value")
    check(selected.startswith("agent:"), "the new agent is selected")
    stream_flag = driver.find_element(By.CSS_SELECTOR, "input[data-setting='plugins.ml_commons.stream_enabled']")
    check(stream_flag.is_selected(), "the stream_enabled switch shows the flag on")

    # A bad script is refused with its location; a good one slows the answer down so streaming can be seen.
    editor = driver.find_element(By.ID, "script")
    script = json.loads(editor.get_attribute("value"))
    driver.execute_script("arguments[0].value = arguments[1]", editor, '{"rules": {}}')
    driver.find_element(By.ID, "script-apply").click()
    wait.until(lambda d: "error" in d.find_element(By.ID, "script-status").get_attribute("class"))
    check("$.rules" in text(driver, "#script-status"), "a bad script shows its error: " + text(driver, "#script-status"))
    for rule in script["rules"]:
        if rule.get("name") == "count-indices":
            rule["pacing"] = {"time_to_first_token_ms": 0, "delay_between_tokens_ms": TOKEN_DELAY_MS, "tokens_per_chunk": 1}
    driver.execute_script("arguments[0].value = arguments[1]", editor, json.dumps(script))
    driver.find_element(By.ID, "script-apply").click()
    wait.until(lambda d: d.find_element(By.ID, "script-status").text == "Applied.")
    check(True, "the paced script is applied")

    question = driver.find_element(By.ID, "question")
    question.clear()
    question.send_keys(QUESTION)
    driver.find_element(By.ID, "send").click()
    # Watch the answer grow: some text must be on screen while the last token is still on its way.
    seen, deadline, final = [], time.time() + 30, ""
    while time.time() < deadline:
        answers = driver.find_elements(By.CSS_SELECTOR, "#messages li.assistant .answer")
        final = answers[-1].text if answers else ""
        if final and (not seen or seen[-1] != final):
            seen.append(final)
        if final.endswith("cluster.") and driver.find_element(By.ID, "send").is_enabled():
            break
        time.sleep(0.02)
    check(final.startswith("There are ") and final.endswith(" indices in your cluster."), "the answer appears: " + final)
    partial = [answer for answer in seen if not answer.endswith("cluster.")]
    check(len(partial) >= 2, f"the answer was shown token by token before the last one arrived ({len(seen)} states: {seen[:3]}…)")

    summary = driver.find_element(By.CSS_SELECTOR, "#messages details.step summary").text
    check(summary == "Tool: RetrieveIndexMetaTool", "the tool call is a step: " + summary)
    tool_output = driver.find_element(By.CSS_SELECTOR, "#messages details.step .tool-output").get_attribute("textContent")
    check("row,health,status,index" in tool_output, "the step holds the tool's output (ListIndexTool's CSV)")
    memory_id = text(driver, "#memory-id")
    check(len(memory_id) == 20, "the memory_id of the conversation is shown: " + memory_id)
    kinds = [item.get_attribute("textContent") for item in driver.find_elements(By.CSS_SELECTOR, "#timeline .kind")]
    check(kinds.count("tool call") == 1 and kinds.count("text") >= 7 and kinds[-1] == "last",
          f"the chunk timeline lists every event ({len(kinds)})")
    driver.save_screenshot(os.path.join(ARTIFACTS, "playground-chat.png"))

    driver.find_element(By.CSS_SELECTOR, "[data-tab=calls]").click()
    calls = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#calls > li")]
    check(len(calls) == 2 and all("api.openai.com/v1/chat/completions → 200" in call for call in calls),
          "the two LLM calls are shown with their status")
    check(all("first chunk after" in call for call in calls), "each call shows its time to first chunk")
    driver.save_screenshot(os.path.join(ARTIFACTS, "playground-calls.png"))
    driver.find_element(By.CSS_SELECTOR, "[data-tab=memory]").click()
    memory = driver.find_element(By.ID, "memory").get_attribute("textContent")
    check(QUESTION in memory and "trace 2: RetrieveIndexMetaTool" in memory,
          "the memory tab shows the stored question and its traces (a streamed run stores no final answer)")
    driver.save_screenshot(os.path.join(ARTIFACTS, "playground-memory.png"))


def agui(driver, port):
    """An `ag_ui` agent on a 3.8 server, chosen in the page: run with AG-UI input, read as AG-UI events."""
    model = model_on(port)
    call(port, "PUT", "/_cluster/settings", {"persistent": {"plugins.ml_commons.ag_ui_enabled": True}})
    with open(os.path.join(HERE, "..", "..", "fixtures", "mock-llm", "chat-agent.json")) as file:
        call(port, "PUT", "/__emulator/mock-llm/script", json.load(file))
    with open(os.path.join(HERE, "..", "..", "fixtures", "requests", "register-chat-agent.json")) as file:
        agent = json.loads(file.read().replace("${model_id}", model))
    agent["type"] = "ag_ui"
    agent_id = call(port, "POST", "/_plugins/_ml/agents/_register", agent)["agent_id"]
    wait = WebDriverWait(driver, 30)
    driver.get(f"http://127.0.0.1:{port}/__emulator/")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    driver.execute_script("const s = document.querySelector('#target'); s.value = arguments[0];"
                          "s.dispatchEvent(new Event('change'))", f"agent:{agent_id}")
    driver.find_element(By.ID, "question").send_keys(QUESTION)
    driver.find_element(By.ID, "send").click()
    wait.until(lambda d: d.find_element(By.ID, "send").is_enabled()
               and d.find_elements(By.CSS_SELECTOR, "#messages li.assistant .answer")
               and d.find_element(By.CSS_SELECTOR, "#messages li.assistant .answer").text.endswith("cluster."))
    summary = driver.find_element(By.CSS_SELECTOR, "#messages details.step summary").text
    check(summary == "Tool: RetrieveIndexMetaTool", "an AG-UI agent's tool call is a step too")
    kinds = [item.get_attribute("textContent") for item in driver.find_elements(By.CSS_SELECTOR, "#timeline .kind")]
    check(kinds[0] == "RUN_STARTED" and "TOOL_CALL_RESULT" in kinds and kinds[-1] == "RUN_FINISHED",
          "the AG-UI run's events are in the timeline")
    driver.save_screenshot(os.path.join(ARTIFACTS, "playground-ag-ui.png"))


def model_on(port):
    """Streaming on, the documentation's agent connector and a model on it: what the cross-origin page calls."""
    call(port, "PUT", "/_cluster/settings", {"persistent": {"plugins.ml_commons.stream_enabled": True}})
    with open(os.path.join(HERE, "..", "..", "fixtures", "requests", "create-openai-agent-connector.json")) as file:
        connector = call(port, "POST", "/_plugins/_ml/connectors/_create", json.load(file))["connector_id"]
    return call(port, "POST", "/_plugins/_ml/models/_register",
                {"name": "gpt", "function_name": "remote", "connector_id": connector})["model_id"]


def cross_origin(driver, page_port, port, expect_stream):
    model = model_on(port)
    driver.get(f"http://127.0.0.1:{page_port}/cross-origin.html?target=http://127.0.0.1:{port}&model={model}")
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "result").get_attribute("data-done") == "true")
    result = text(driver, "#result")
    if expect_stream:
        check(result.startswith("streamed ") and result.endswith("status 200"), "with CORS, another origin streams: " + result)
    else:
        check(result.startswith("refused: TypeError"), "without CORS, the browser refuses: " + result)
    driver.save_screenshot(os.path.join(ARTIFACTS, f"cross-origin-{'cors' if expect_stream else 'no-cors'}.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    os.makedirs(ARTIFACTS, exist_ok=True)

    page_server, page_port = serve_directory(HERE)
    with_cors, cors_port = start(args.binary, "-E", "http.cors.enabled=true",
                                 "-E", f"http.cors.allow-origin=http://127.0.0.1:{page_port}")
    without_cors, plain_port = start(args.binary)
    newer, newer_port = start(args.binary, "--opensearch-version", "3.8.0")
    driver = browser()
    try:
        playground(driver, cors_port)
        cross_origin(driver, page_port, cors_port, expect_stream=True)
        cross_origin(driver, page_port, plain_port, expect_stream=False)
        agui(driver, newer_port)
    except BaseException:
        driver.save_screenshot(os.path.join(ARTIFACTS, "failure.png"))
        raise
    finally:
        driver.quit()
        page_server.shutdown()
        for proc in (with_cors, without_cors, newer):
            proc.terminate()
            proc.wait(10)
    print("browser checks passed; screenshots in .build/browser-artifacts/")


if __name__ == "__main__":
    main()
