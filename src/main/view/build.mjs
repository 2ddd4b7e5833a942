// Bundles the rollout view into one self-contained HTML file (script and style inline, nothing
// fetched from elsewhere). Run by the Maven build: `node src/main/view/build.mjs OUTPUT`.
// Skips everything when OUTPUT is newer than every input, so ordinary builds stay fast; runs
// `npm ci` first when node_modules is missing or older than the lock file.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const output = resolve(process.argv[2] ?? join(here, "dist", "rollout-view.html"));
const inputs = [
  join(here, "build.mjs"),
  join(here, "package.json"),
  join(here, "package-lock.json"),
  ...readdirSync(join(here, "src")).map((name) => join(here, "src", name)),
];
const newest = Math.max(...inputs.map((file) => statSync(file).mtimeMs));

if (existsSync(output) && statSync(output).mtimeMs >= newest) {
  console.error(`view: ${output} is up to date`);
  process.exit(0);
}

const installed = join(here, "node_modules", ".package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(here, "package-lock.json")).mtimeMs) {
  console.error("view: npm ci");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: ["ignore", 2, 2] });
}

const esbuild = await import(join(here, "node_modules", "esbuild", "lib", "main.js"));
const bundle = await esbuild.build({
  entryPoints: [join(here, "src", "view.js")],
  bundle: true,
  format: "iife",
  minify: true,
  write: false,
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
});
const script = bundle.outputFiles[0].text.replaceAll("</script", "<\\/script");
const style = readFileSync(join(here, "src", "view.css"), "utf8");
const html = readFileSync(join(here, "src", "view.html"), "utf8")
  .replace("/*STYLE*/", () => style)
  .replace("/*SCRIPT*/", () => script);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.error(`view: wrote ${output} (${Buffer.byteLength(html)} bytes)`);
