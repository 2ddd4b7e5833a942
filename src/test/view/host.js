// A small MCP Apps host for the browser tests: it loads the rollout view into a sandboxed iframe,
// speaks the host side of the protocol with ext-apps' AppBridge, hands the view the arguments and
// the real tools/call result the Java test fetched from the server (case.json), and proxies the
// view's own tool calls to the server through the test (POST call). When the view has drawn, it
// copies what the view shows into #dom for the test to read from --dump-dom. With ?slide=N it
// then moves the weight slider to N and waits for the view to redraw.
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";

const slide = new URLSearchParams(location.search).get("slide");

async function main() {
  const testCase = await (await fetch("case.json")).json();
  const iframe = document.createElement("iframe");
  iframe.setAttribute("sandbox", "allow-scripts allow-same-origin");
  iframe.style.cssText = "width:1060px;height:1900px;border:0";
  iframe.srcdoc = await (await fetch("view.html")).text();
  const loaded = new Promise((resolve) => (iframe.onload = resolve));
  document.body.append(iframe);
  await loaded;

  const bridge = new AppBridge(null, { name: "traffic-engineer test host", version: "1.0.0" }, { serverTools: {} });
  bridge.oncalltool = async (params) => {
    const response = await fetch("call", { method: "POST", body: JSON.stringify(params) });
    return response.json();
  };
  bridge.oninitialized = () => {
    bridge.sendToolInput({ arguments: testCase.arguments });
    bridge.sendToolResult(testCase.result);
  };
  await bridge.connect(new PostMessageTransport(iframe.contentWindow, iframe.contentWindow));

  const view = iframe.contentDocument;
  await until(() => view.querySelector("#rules li") && view.querySelector("#picture svg"));
  if (slide !== null) {
    const before = view.querySelector("#rules").textContent;
    const slider = view.querySelector("#weight");
    slider.value = slide;
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await until(() => view.querySelector("#rules").textContent !== before);
  }
  report(view);
}

function until(condition) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) resolve();
      else if (Date.now() - started > 20000) reject(new Error("the view did not draw in 20 s"));
      else setTimeout(check, 50);
    };
    check();
  });
}

function report(view) {
  const rules = [...view.querySelectorAll("#rules li")].map((item) => item.textContent);
  const stages = [...view.querySelectorAll("#stage-list pre.command")].map((pre) => pre.textContent);
  const svgText = [...view.querySelectorAll("#picture svg text")].map((text) => text.textContent);
  const dom = document.getElementById("dom");
  dom.textContent = JSON.stringify({
    title: view.querySelector("#title").textContent,
    verdict: view.querySelector("#verdict").hidden ? null : view.querySelector("#verdict").textContent,
    rules,
    commands: stages,
    notes: [...view.querySelectorAll("#note-list li")].map((item) => item.textContent),
    svgText,
    error: view.querySelector("#error").hidden ? null : view.querySelector("#error").textContent,
  });
  document.title = "rendered";
}

main().catch((error) => {
  document.getElementById("dom").textContent = JSON.stringify({ failure: String(error.stack || error) });
  document.title = "failed";
});
