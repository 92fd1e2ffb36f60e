// The emulator's playground: talks to the same REST API any client uses, from the page's own origin.
const $ = (selector) => document.querySelector(selector);
const ML = "/_plugins/_ml";

// ---------- HTTP ----------

function controlHeaders(path) {
  const token = $("#control-token").value;
  return token && path.startsWith("/__emulator") ? { "X-Emulator-Token": token } : {};
}

/** Sends a JSON request; resolves to {status, body} with the body parsed when it is JSON. */
async function api(method, path, body) {
  const headers = { ...controlHeaders(path) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : (typeof body === "string" ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  let parsed = text;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
  return { status: response.status, body: parsed };
}

/** The OpenSearch error envelope's reason, or the body itself. */
function reasonOf(reply) {
  const error = reply.body && reply.body.error;
  if (error && typeof error === "object") return `${error.type}: ${error.reason}`;
  if (typeof error === "string") return error;
  return typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
}

async function ok(method, path, body) {
  const reply = await api(method, path, body);
  if (reply.status >= 300) throw new Error(`${method} ${path} answered ${reply.status}: ${reasonOf(reply)}`);
  return reply.body;
}

function say(selector, text, kind = "") {
  const element = $(selector);
  element.textContent = text;
  element.className = `status ${kind}`;
}

// ---------- Server-Sent Events ----------

/** Reads an SSE body event by event as it arrives: calls onEvent(data, millisecondsSinceStart). */
async function readEvents(response, startedAt, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary;
    while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, "");
      const data = block.split(/\r?\n/).filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(line.startsWith("data: ") ? 6 : 5)).join("\n");
      if (data) onEvent(data, performance.now() - startedAt);
    }
  }
}

// ---------- targets: agents and models ----------

const targets = new Map();

async function loadTargets(select) {
  const [agents, models] = await Promise.all([
    api("POST", `${ML}/agents/_search`, { query: { match_all: {} }, size: 1000 }),
    api("POST", `${ML}/models/_search`, { query: { match_all: {} }, size: 1000 }),
  ]);
  targets.clear();
  const list = $("#target");
  list.replaceChildren();
  const group = (label, hits, make) => {
    const optgroup = document.createElement("optgroup");
    optgroup.label = label;
    for (const hit of hits) {
      const target = make(hit);
      if (!target) continue;
      targets.set(target.key, target);
      optgroup.append(new Option(`${target.name} (${target.detail})`, target.key));
    }
    if (optgroup.children.length) list.append(optgroup);
  };
  group("Agents", agents.body?.hits?.hits ?? [], (hit) => ({
    key: `agent:${hit._id}`, kind: "agent", id: hit._id, name: hit._source.name ?? hit._id,
    type: String(hit._source.type ?? "").toLowerCase(), detail: String(hit._source.type ?? "").toLowerCase(),
  }));
  group("Models", models.body?.hits?.hits ?? [], (hit) => hit._source.chunk_number === undefined ? ({
    key: `model:${hit._id}`, kind: "model", id: hit._id, name: hit._source.name ?? hit._id,
    connectorID: hit._source.connector_id, connector: hit._source.connector,
    detail: `${String(hit._source.algorithm ?? hit._source.function_name ?? "").toLowerCase()}, ${hit._source.model_state ?? ""}`,
  }) : null);
  if (!list.options.length) list.append(new Option("no agents or models yet: set up the docs' agent", ""));
  if (select && targets.has(select)) list.value = select;
  await targetChanged();
}

function currentTarget() { return targets.get($("#target").value); }

async function targetChanged() {
  const target = currentTarget();
  $("#interface-row").hidden = target?.kind !== "model";
  if (target?.kind === "model") {
    let connector = target.connector;
    if (!connector && target.connectorID) connector = (await api("GET", `${ML}/connectors/${target.connectorID}`)).body;
    const url = connector?.actions?.[0]?.url ?? "";
    $("#llm-interface").value = /bedrock/.test(url) ? "bedrock/converse/claude" : "openai/v1/chat/completions";
  }
  newConversation();
}

// ---------- the documentation's agent ----------

// The documentation's agent connector (execute-stream-agent.md) and conversational agent; the key is never used
// in mock mode.
const DOCS_CONNECTOR = {
  name: "OpenAI Chat Connector", description: "The connector to public OpenAI model service for GPT 3.5",
  version: 1, protocol: "http",
  parameters: { endpoint: "api.openai.com", model: "gpt-3.5-turbo" },
  credential: { openAI_key: "sk-playground-key-never-sent" },
  actions: [{
    action_type: "predict", method: "POST", url: "https://${parameters.endpoint}/v1/chat/completions",
    headers: { Authorization: "Bearer ${credential.openAI_key}" },
    request_body: "{ \"model\": \"${parameters.model}\", \"messages\": [{\"role\":\"developer\",\"content\":\"${parameters.system_prompt}\"},${parameters._chat_history:-}{\"role\":\"user\",\"content\":\"${parameters.prompt}\"}${parameters._interactions:-}]${parameters.tool_configs:-} }",
  }],
};

const docsAgent = (modelID) => ({
  name: "Chat Agent with RAG", type: "conversational", description: "This is a test agent",
  llm: { model_id: modelID, parameters: { max_iteration: 5, system_prompt: "You are a helpful assistant.", prompt: "${parameters.question}" } },
  memory: { type: "conversation_index" },
  parameters: { _llm_interface: "openai/v1/chat/completions" },
  tools: [
    { type: "IndexMappingTool", name: "DemoIndexMappingTool", parameters: { index: "${parameters.index}", input: "${parameters.question}" } },
    { type: "ListIndexTool", name: "RetrieveIndexMetaTool",
      description: "Use this tool to get OpenSearch index information: (health, status, index, uuid, primary count, replica count, docs.count, docs.deleted, store.size, primary.store.size)." },
  ],
  app_type: "my_app",
});

// The scenario's mock rules: call the ListIndexTool first, then count the rows of its CSV.
const DOCS_RULES = [
  { name: "call-list-index-tool", match: { tools_offered: ["RetrieveIndexMetaTool"], tool_result_present: false },
    reply: { tool_call: { name: "RetrieveIndexMetaTool", arguments: {} } } },
  { name: "count-indices", match: { tools_offered: ["RetrieveIndexMetaTool"], tool_result_present: true },
    reply: { text: "There are {{tool_result_row_count}} indices in your cluster." } },
];

async function setUpDocsAgent() {
  say("#setup-status", "Registering the connector, the model and the agent…");
  try {
    await ok("PUT", "/_cluster/settings", { persistent: { "plugins.ml_commons.stream_enabled": true } });
    const { connector_id } = await ok("POST", `${ML}/connectors/_create`, DOCS_CONNECTOR);
    const { model_id } = await ok("POST", `${ML}/models/_register?deploy=true`,
      { name: "openAI-gpt-3.5-turbo", function_name: "remote", connector_id });
    const { agent_id } = await ok("POST", `${ML}/agents/_register`, docsAgent(model_id));
    const script = await ok("GET", "/__emulator/mock-llm/script");
    const names = new Set(DOCS_RULES.map((rule) => rule.name));
    script.rules = [...DOCS_RULES, ...(script.rules ?? []).filter((rule) => !names.has(rule.name))];
    await ok("PUT", "/__emulator/mock-llm/script", script);
    await Promise.all([loadScript(), loadFlags()]);
    await loadTargets(`agent:${agent_id}`);
    $("#question").value = "How many indices are in my cluster?";
    say("#setup-status", `Agent ${agent_id} on model ${model_id} is ready; streaming is on.`, "ok");
  } catch (error) {
    say("#setup-status", error.message, "error");
  }
}

// ---------- feature flags ----------

async function loadFlags() {
  const reply = await api("GET", "/_cluster/settings?include_defaults=true&flat_settings=true");
  if (reply.status !== 200) return say("#flags-status", reasonOf(reply), "error");
  const { persistent = {}, transient = {}, defaults = {} } = reply.body;
  const keys = new Set([...Object.keys(defaults), ...Object.keys(persistent), ...Object.keys(transient)]);
  const box = $("#flags");
  box.replaceChildren();
  for (const key of [...keys].filter((key) => key.startsWith("plugins.ml_commons.")).sort()) {
    const value = transient[key] ?? persistent[key] ?? defaults[key];
    if (value !== "true" && value !== "false") continue;
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.checked = value === "true";
    input.dataset.setting = key;
    input.addEventListener("change", () => setFlag(key, input.checked));
    const name = document.createElement("span");
    name.textContent = key.slice("plugins.ml_commons.".length);
    if (!(key in persistent) && !(key in transient)) name.className = "default";
    label.append(input, name);
    box.append(label);
  }
}

async function setFlag(key, enabled) {
  const reply = await api("PUT", "/_cluster/settings", { persistent: { [key]: enabled } });
  if (reply.status === 200) say("#flags-status", `${key} = ${enabled}`, "ok");
  else say("#flags-status", reasonOf(reply), "error");
  await loadFlags();
}

// ---------- mock LLM script ----------

async function loadScript() {
  const reply = await api("GET", "/__emulator/mock-llm/script");
  $("#script").value = JSON.stringify(reply.body, null, 2);
}

async function applyScript() {
  const reply = await api("PUT", "/__emulator/mock-llm/script", $("#script").value);
  if (reply.status === 200) {
    say("#script-status", "Applied.", "ok");
    await loadScript();
  } else {
    say("#script-status", reasonOf(reply), "error");
  }
}

async function restoreScript() {
  await ok("DELETE", "/__emulator/mock-llm/script");
  await loadScript();
  say("#script-status", "Restored the start script.", "ok");
}

// ---------- the conversation ----------

const conversation = { memoryID: null, threadID: null, history: [], controller: null };

function newConversation() {
  conversation.memoryID = null;
  conversation.threadID = `thread-${crypto.randomUUID()}`;
  conversation.history = [];
  $("#memory-id").textContent = "(new conversation)";
  $("#messages").replaceChildren();
  $("#memory").replaceChildren();
}

function addMessage(role, text) {
  const item = document.createElement("li");
  item.className = role;
  if (text !== undefined) item.textContent = text;
  $("#messages").append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

/** One assistant turn on screen: collapsible tool steps, then the answer as it streams. */
class Turn {
  constructor() {
    this.item = addMessage("assistant");
    this.steps = document.createElement("div");
    this.answer = document.createElement("div");
    this.answer.className = "answer";
    this.item.append(this.steps, this.answer);
    this.step = null;
  }

  toolStep(name) {
    const details = document.createElement("details");
    details.className = "step";
    const summary = document.createElement("summary");
    const input = document.createElement("pre");
    const output = document.createElement("pre");
    input.className = "tool-input";
    output.className = "tool-output";
    details.append(summary, input, output);
    this.steps.append(details);
    this.step = { details, summary, input, output, name, arguments: "" };
    this.rename(name);
    return this.step;
  }

  rename(name) {
    this.step.name = name || this.step.name || "tool";
    this.step.summary.textContent = `Tool: ${this.step.name}`;
  }

  toolArguments(text, append) {
    this.step.arguments = append ? this.step.arguments + text : text;
    this.step.input.textContent = `input: ${this.step.arguments || "{}"}`;
  }

  toolOutput(text) {
    if (!this.step) this.toolStep("tool");
    this.step.output.textContent = `output:\n${text}`;
    this.step = null;
  }

  text(delta) {
    this.answer.textContent += delta;
  }

  fail(message) {
    this.item.classList.add("error");
    const line = document.createElement("div");
    line.textContent = message;
    this.item.append(line);
  }
}

/** Reads ml-commons' stream chunks (`inference_results`) into the turn: tool calls, tool output, answer tokens. */
class ChunkReader {
  constructor(turn) {
    this.turn = turn;
    this.toolOutputNext = false;
  }

  /** Returns a short label of what the chunk was, for the timeline. */
  read(event) {
    if (event.error) {
      this.turn.fail(typeof event.error === "string" ? event.error : `${event.error.type}: ${event.error.reason}`);
      return "error";
    }
    const output = event.inference_results?.[0]?.output ?? [];
    let kind = "chunk";
    for (const part of output) {
      if (part.name === "memory_id" && part.result) this.rememberMemory(part.result);
      if (part.name === "response" && part.dataAsMap) kind = this.response(part.dataAsMap);
      if (part.name === "token_usage") kind = "token usage";
    }
    return kind;
  }

  rememberMemory(id) {
    if (conversation.memoryID !== id) {
      conversation.memoryID = id;
      $("#memory-id").textContent = id;
    }
  }

  response({ content, is_last: isLast, error }) {
    if (error) { this.turn.fail(String(error)); return "error"; }
    if (isLast) return "last";
    if (content === "" || content === undefined) {
      // After a tool call (and, on Bedrock before 3.5, instead of one) the tool's output is next.
      this.toolOutputNext = true;
      return "empty";
    }
    const call = this.toolCall(content);
    if (call) return call;
    if (this.toolOutputNext) {
      this.turn.toolOutput(content);
      this.toolOutputNext = false;
      return "tool output";
    }
    this.turn.text(content);
    return "text";
  }

  /** An OpenAI tool-call delta (`[{"index":…,"function":…}]`) or the whole call message (`{"choices":[…]}`). */
  toolCall(content) {
    if (!/^\s*[[{]/.test(content)) return null;
    let value;
    try { value = JSON.parse(content); } catch { return null; }
    if (Array.isArray(value) && value.every((delta) => delta && delta.function)) {
      for (const delta of value) {
        if (delta.function.name || !this.turn.step) this.turn.toolStep(delta.function.name);
        if (delta.function.arguments) this.turn.toolArguments(delta.function.arguments, true);
      }
      return "tool call delta";
    }
    const calls = value?.choices?.[0]?.message?.tool_calls;
    if (Array.isArray(calls)) {
      for (const call of calls) {
        if (!this.turn.step) this.turn.toolStep(call.function?.name);
        this.turn.rename(call.function?.name);
        this.turn.toolArguments(call.function?.arguments ?? "", false);
      }
      this.toolOutputNext = true;
      return "tool call";
    }
    return null;
  }
}

/** Reads AG-UI events into the turn. */
class AGUIReader {
  constructor(turn) {
    this.turn = turn;
    this.steps = new Map();
  }

  read(event) {
    const turn = this.turn;
    switch (event.type) {
      case "TEXT_MESSAGE_CONTENT": turn.text(event.delta ?? ""); break;
      case "TOOL_CALL_START": this.steps.set(event.toolCallId, turn.toolStep(event.toolCallName)); break;
      case "TOOL_CALL_ARGS": turn.step = this.steps.get(event.toolCallId) ?? turn.step; turn.toolArguments(event.delta ?? "", true); break;
      case "TOOL_CALL_RESULT": turn.step = this.steps.get(event.toolCallId) ?? turn.step; turn.toolOutput(event.content ?? ""); break;
      case "RUN_ERROR": turn.fail(event.message ?? "run failed"); break;
      default: break;
    }
    return event.type ?? "event";
  }
}

/** What a timeline row shows of an event: the chunk's content or the AG-UI event's text, else the raw data. */
function previewOf(event, data) {
  const response = event?.inference_results?.[0]?.output?.find((part) => part.name === "response")?.dataAsMap;
  if (response && typeof response.content === "string") return JSON.stringify(response.content);
  if (event?.delta !== undefined) return JSON.stringify(event.delta);
  if (event?.content !== undefined) return JSON.stringify(event.content);
  return data;
}

function timelineEntry(at, kind, data, shown = data) {
  const item = document.createElement("li");
  const time = document.createElement("span");
  time.className = "at";
  time.textContent = at.toFixed(1);
  const label = document.createElement("span");
  label.className = "kind";
  label.textContent = kind;
  const preview = document.createElement("span");
  preview.className = "preview";
  preview.textContent = shown;
  preview.title = data;
  item.append(time, label, preview);
  $("#timeline").append(item);
}

function requestFor(target, question) {
  if (target.kind === "model") {
    const llmInterface = $("#llm-interface").value;
    const messages = [...conversation.history, { role: "user", content: question }];
    return {
      path: `${ML}/models/${target.id}/_predict/stream`,
      body: { parameters: { messages, prompt: question, system_prompt: "You are a helpful assistant.", _llm_interface: llmInterface } },
      reader: (turn) => new ChunkReader(turn),
    };
  }
  if (target.type === "ag_ui") {
    const messages = [...conversation.history, { role: "user", content: question }]
      .map((message, index) => ({ id: `m${index + 1}`, ...message }));
    return {
      path: `${ML}/agents/${target.id}/_execute/stream`,
      body: { threadId: conversation.threadID, runId: `run-${crypto.randomUUID()}`, state: {}, messages, tools: [], context: [], forwardedProps: {} },
      reader: (turn) => new AGUIReader(turn),
    };
  }
  const parameters = { question };
  if (conversation.memoryID) parameters.memory_id = conversation.memoryID;
  return { path: `${ML}/agents/${target.id}/_execute/stream`, body: { parameters }, reader: (turn) => new ChunkReader(turn) };
}

async function send(question) {
  const target = currentTarget();
  if (!target) return;
  addMessage("user", question);
  const turn = new Turn();
  const request = requestFor(target, question);
  const reader = request.reader(turn);
  const journalStart = await lastJournalID();
  $("#timeline").replaceChildren();
  conversation.controller = new AbortController();
  $("#send").disabled = true;
  $("#stop").disabled = false;
  const startedAt = performance.now();
  let events = 0;
  let firstAt = null;
  try {
    const response = await fetch(request.path, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request.body), signal: conversation.controller.signal,
    });
    const contentType = response.headers.get("content-type") ?? "";
    if (!contentType.includes("text/event-stream")) {
      const text = await response.text();
      let body = text;
      try { body = JSON.parse(text); } catch { /* plain text */ }
      turn.fail(`${response.status}: ${reasonOf({ body })}`);
      timelineEntry(performance.now() - startedAt, `status ${response.status}`, text);
    } else {
      await readEvents(response, startedAt, (data, at) => {
        events += 1;
        firstAt ??= at;
        let kind = "unparsed";
        let event = null;
        try { event = JSON.parse(data); } catch { /* shown raw */ }
        if (event !== null) kind = reader.read(event);
        timelineEntry(at, kind, data, previewOf(event, data));
      });
    }
  } catch (error) {
    if (error.name !== "AbortError") turn.fail(error.message);
    else timelineEntry(performance.now() - startedAt, "stopped", "the client left: the emulator cancels the upstream call");
  } finally {
    conversation.controller = null;
    $("#send").disabled = false;
    $("#stop").disabled = true;
    const total = performance.now() - startedAt;
    $("#timeline-summary").textContent = `${events} events; first after ${firstAt === null ? "–" : firstAt.toFixed(1)} ms, all after ${total.toFixed(1)} ms.`;
    conversation.history.push({ role: "user", content: question }, { role: "assistant", content: turn.answer.textContent });
    await Promise.all([showCalls(journalStart), showMemory()]);
  }
}

// ---------- inspection: outbound calls and memory ----------

async function lastJournalID() {
  const reply = await api("GET", "/__emulator/outbound");
  const calls = reply.body?.calls ?? [];
  return calls.length ? calls[calls.length - 1].id : 0;
}

function pretty(text) {
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; }
}

async function showCalls(afterID) {
  const reply = await api("GET", "/__emulator/outbound");
  const list = $("#calls");
  list.replaceChildren();
  for (const call of (reply.body?.calls ?? []).filter((call) => call.id > afterID)) {
    const item = document.createElement("li");
    const head = document.createElement("div");
    const firstChunk = call.first_chunk_ms === null || call.first_chunk_ms === undefined ? "" : `, first chunk after ${call.first_chunk_ms} ms`;
    head.textContent = `${call.method} ${call.url} → ${call.status ?? call.error ?? "…"} in ${call.duration_ms ?? "–"} ms${firstChunk}${call.streamed ? ", streamed" : ""}`;
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "rendered request body";
    const body = document.createElement("pre");
    body.textContent = pretty(call.body);
    details.append(summary, body);
    item.append(head, details);
    list.append(item);
  }
  if (!list.children.length) list.append(Object.assign(document.createElement("li"), { textContent: "No upstream call." }));
}

async function showMemory() {
  const list = $("#memory");
  list.replaceChildren();
  if (!conversation.memoryID) return;
  const messages = (await api("GET", `${ML}/memory/${conversation.memoryID}/messages`)).body?.messages ?? [];
  for (const message of messages) {
    const item = document.createElement("li");
    const exchange = document.createElement("pre");
    // As in ml-commons, a streamed run never writes its final answer back to the root message.
    exchange.textContent = `input: ${message.input ?? ""}\nresponse: ${message.response || "(none: a streamed run keeps no final answer)"}`;
    item.append(exchange);
    const traces = await api("GET", `${ML}/memory/message/${message.message_id}/traces`);
    for (const trace of traces.body?.traces ?? []) {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = `trace ${trace.trace_number ?? ""}: ${trace.origin ?? ""}`;
      const body = document.createElement("pre");
      body.textContent = `input: ${trace.input ?? ""}\nresponse: ${trace.response ?? ""}`;
      details.append(summary, body);
      item.append(details);
    }
    list.append(item);
  }
}

// ---------- wiring ----------

function showTab(name) {
  for (const tab of document.querySelectorAll("[role=tab]")) tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
  for (const panel of document.querySelectorAll(".tab")) panel.hidden = panel.id !== `tab-${name}`;
}

async function start() {
  $("#control-token").value = sessionStorage.getItem("emulatorToken") ?? "";
  $("#control-token").addEventListener("change", (event) => sessionStorage.setItem("emulatorToken", event.target.value));
  $("#target").addEventListener("change", targetChanged);
  $("#refresh-targets").addEventListener("click", () => loadTargets($("#target").value));
  $("#docs-agent").addEventListener("click", setUpDocsAgent);
  $("#script-apply").addEventListener("click", applyScript);
  $("#script-reload").addEventListener("click", loadScript);
  $("#script-restore").addEventListener("click", restoreScript);
  $("#new-conversation").addEventListener("click", newConversation);
  $("#stop").addEventListener("click", () => conversation.controller?.abort());
  for (const tab of document.querySelectorAll("[role=tab]")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  $("#ask").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("#question").value.trim() || $("#question").placeholder;
    $("#question").value = "";
    send(question);
  });
  const info = await api("GET", "/");
  $("#cluster-version").textContent = info.body?.version ? `answering as OpenSearch ${info.body.version.number}` : "";
  await Promise.all([loadTargets(), loadFlags(), loadScript()]);
  document.body.dataset.ready = "true";
}

start();
