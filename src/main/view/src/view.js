// The rollout view: draws what a traffic-engineer tool returned. Inside an MCP host it speaks the
// MCP Apps protocol through ext-apps (tool input and result in, draw_route calls out); opened on
// its own (HTTP mode, /ui) it offers a form to paste a route and draws it through /ui/draw.
import { App, PostMessageTransport } from "@modelcontextprotocol/ext-apps";

const $ = (id) => document.getElementById(id);
const embedded = window.parent !== window;
let draw;
let current = { yaml: null, protect: null, requests: null };
let pending;

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function showError(message) {
  $("error").hidden = !message;
  $("error").textContent = message || "";
}

function findingsByRule(findings) {
  const byRule = new Map();
  for (const finding of findings || []) {
    const match = /^(?:\/\d+)?\/spec\/rules\/(\d+)(?:\/|$)/.exec(finding.path || "");
    const key = match ? Number(match[1]) : -1;
    if (!byRule.has(key)) byRule.set(key, []);
    byRule.get(key).push(`${finding.code} ${finding.severity}: ${finding.message}` + (finding.fix ? ` Fix: ${finding.fix}` : ""));
  }
  return byRule;
}

function showPicture(result, findings) {
  const picture = result.pictures[0];
  const svg = new DOMParser().parseFromString(result.svg, "image/svg+xml").documentElement;
  $("picture").replaceChildren(document.importNode(svg, true));
  const byRule = findingsByRule(findings);
  const rules = $("rules");
  rules.replaceChildren();
  for (const rule of picture.rules) {
    const item = document.createElement("li");
    item.dataset.rule = rule.rule;
    if (rule.shadowed) item.className = "shadowed";
    const shares = rule.shares.map((share) => `${share.backend} ${share.percent}`).join(", ");
    item.append(text("span", `${rule.label}: ${rule.conditions}`, "conditions"));
    item.append(text("div", shares ? `sends to ${shares}` : `answers ${rule.status}`, "shares"));
    if (rule.protectedTraffic) item.append(text("div", "PROTECTED traffic", "protected"));
    if (rule.shadowed) item.append(text("div", `SHADOWED: ${rule.shadowed}`, "shadow"));
    for (const finding of byRule.get(rule.rule) || []) item.append(text("div", finding, "finding"));
    rules.append(item);
  }
  const notes = [...(byRule.get(-1) || []), ...picture.notes];
  if (picture.protection) notes.unshift(picture.protection);
  $("notes").hidden = notes.length === 0;
  $("note-list").replaceChildren(...notes.map((note) => text("li", note)));
  offerSlider(picture);
}

function offerSlider(picture) {
  const split = picture.rules.find((rule) => !rule.shadowed && rule.shares.length === 2);
  if (!split) {
    $("split").hidden = true;
    return;
  }
  const name = (backend) => backend.slice(backend.indexOf("/") + 1).replace(/:\d+$/, "");
  const [stable, canary] = split.shares;
  $("split").hidden = false;
  $("split").dataset.stable = name(stable.backend);
  $("split").dataset.canary = name(canary.backend);
  $("canary-name").textContent = name(canary.backend);
  const percent = Math.round((100 * canary.weight) / Math.max(1, stable.weight + canary.weight));
  $("weight").value = String(percent);
  $("weight-value").textContent = `${percent}%`;
}

async function redraw(split, findings) {
  if (!current.yaml) return;
  const input = { yaml: current.yaml };
  if (current.protect) input.protect = current.protect;
  if (current.requests) input.requests = current.requests;
  if (split) input.split = split;
  try {
    showPicture(await draw(input), findings);
    showError(null);
  } catch (error) {
    showError(String(error.message || error));
  }
}

function showStages(plan) {
  $("stages").hidden = false;
  const list = $("stage-list");
  list.replaceChildren();
  plan.stages.forEach((stage, index) => {
    const item = document.createElement("li");
    const button = text("button", `Stage ${stage.stage}: canary ${stage.canaryPercent}%, stable ${stage.stablePercent}%`);
    button.type = "button";
    button.addEventListener("click", () => {
      current.yaml = stage.yaml;
      redraw(null, []);
    });
    item.append(button, text("p", stage.changes));
    for (const command of stage.commands || []) {
      const pre = text("pre", command.command);
      pre.className = "command";
      const copy = text("button", "Copy");
      copy.type = "button";
      copy.addEventListener("click", () => navigator.clipboard?.writeText(pre.textContent));
      item.append(text("div", command.purpose), pre, copy);
    }
    list.append(item);
    if (index === 0) current.yaml = stage.yaml;
  });
}

function showVerdict(label, className) {
  $("verdict").hidden = false;
  $("verdict").textContent = label;
  $("verdict").className = className || "";
}

async function show(args, result) {
  const data = result.structuredContent || {};
  if (result.isError) {
    showError(result.content?.map((item) => item.text).join("\n") || "the tool refused");
    return;
  }
  current = { yaml: null, protect: null, requests: null };
  let findings = [];
  if (data.stages) {
    $("title").textContent = `Rollout plan for ${data.route}`;
    showStages(data);
    const header = args.protectHeader;
    if (header && args.stableService) current.protect = { header: header.name, value: header.value, service: args.stableService };
  } else if (data.results) {
    $("title").textContent = "Simulated traffic";
    current.yaml = args.yaml;
    current.requests = args.requests;
  } else if ("valid" in data) {
    $("title").textContent = "Route review";
    current.yaml = args.yaml;
    current.protect = args.expect?.protect || null;
    findings = data.findings;
    showVerdict(data.valid ? `Valid (${findings.length} findings)` : `Not valid: ${findings.filter((f) => f.severity === "error").length} errors`, data.valid ? "promote" : "rollback");
  } else if (data.patchType) {
    $("title").textContent = `Rollback of ${data.route}`;
    current.yaml = args.routeYaml;
    if (data.command) {
      $("stages").hidden = false;
      const item = document.createElement("li");
      item.append(text("div", "Guarded patch (fails if the route changed):"), text("pre", data.command, "command"));
      if (data.verify) item.append(text("div", "Verify:"), text("pre", data.verify, "command"));
      $("stage-list").replaceChildren(item);
    }
  } else if (data.verdict) {
    $("title").textContent = "Canary analysis";
    showVerdict(`Verdict: ${data.verdict}`, data.verdict);
    current.yaml = args.routeYaml || null;
  }
  await redraw(null, findings);
}

$("weight").addEventListener("input", () => {
  const percent = Number($("weight").value);
  $("weight-value").textContent = `${percent}%`;
  clearTimeout(pending);
  pending = setTimeout(() => {
    const split = { [$("split").dataset.stable]: 100 - percent, [$("split").dataset.canary]: percent };
    redraw(split, []);
  }, 150);
});

if (embedded) {
  const app = new App({ name: "traffic-engineer rollout view", version: "1.0.0" }, {});
  let args = {};
  app.ontoolinput = (params) => {
    args = params.arguments || {};
  };
  app.ontoolresult = (result) => show(args, result);
  draw = async (input) => {
    const result = await app.callServerTool({ name: "draw_route", arguments: input });
    if (result.isError) throw new Error(result.content?.map((item) => item.text).join("\n"));
    return result.structuredContent;
  };
  app.connect(new PostMessageTransport(window.parent, window.parent));
} else {
  $("paste").hidden = false;
  draw = async (input) => {
    const headers = { "content-type": "application/json" };
    const token = $("token").value.trim();
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch("ui/draw", { method: "POST", headers, body: JSON.stringify(input) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    return body;
  };
  $("draw").addEventListener("click", () => {
    current = { yaml: $("route").value, protect: null, requests: null };
    redraw(null, []);
  });
}
