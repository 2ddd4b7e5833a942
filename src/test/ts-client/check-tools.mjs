// Calls every tool of a traffic-engineer server through the official TypeScript MCP SDK client.
// The client validates each structuredContent against the tool's outputSchema and rejects a result
// that has an outputSchema but no structuredContent, so a schema drift fails here even when our own
// Java clients accept it.
//
// usage: node check-tools.mjs CALLS_DIR -- SERVER_COMMAND [ARGS...]
// Each CALLS_DIR/*.json is {"tool", "arguments", "isError"}; a string argument "@file:PATH" is
// replaced by the text of CALLS_DIR/../PATH. Prints one line per call, then "N passed, N failed".
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [callsDir, separator, command, ...args] = process.argv.slice(2);
if (!callsDir || separator !== "--" || !command) {
  console.error("usage: node check-tools.mjs CALLS_DIR -- SERVER_COMMAND [ARGS...]");
  process.exit(2);
}

function resolveFiles(value) {
  if (typeof value === "string" && value.startsWith("@file:")) {
    return readFileSync(join(dirname(callsDir), value.slice("@file:".length)), "utf8");
  }
  if (Array.isArray(value)) return value.map(resolveFiles);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveFiles(v)]));
  }
  return value;
}

const transport = new StdioClientTransport({ command, args, stderr: "inherit" });
const client = new Client({ name: "ts-sdk-schema-check", version: "1.0.0" });
await client.connect(transport);
const { tools } = await client.listTools();
const called = new Set();
let passed = 0;
let failed = 0;
for (const file of readdirSync(callsDir).filter((f) => f.endsWith(".json")).sort()) {
  const call = JSON.parse(readFileSync(join(callsDir, file), "utf8"));
  called.add(call.tool);
  try {
    const result = await client.callTool({ name: call.tool, arguments: resolveFiles(call.arguments) });
    const isError = result.isError === true;
    if (isError !== call.isError) {
      throw new Error(`isError ${isError}, expected ${call.isError}: ${JSON.stringify(result.content)}`);
    }
    passed++;
    console.log(`ok   ${file} (${call.tool}${isError ? ", refused" : ""})`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${file} (${call.tool}): ${error.message}`);
  }
}
for (const tool of tools) {
  if (!called.has(tool.name)) {
    failed++;
    console.log(`FAIL ${tool.name}: no call in ${callsDir}`);
  }
}
await client.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
