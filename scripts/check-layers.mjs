#!/usr/bin/env node
// Keeps the crate's layers as src/lib.rs draws them, and files short.
//
//   node scripts/check-layers.mjs
//
// Fails, naming the files and the paths that tie them, when
//   - two modules of src/ import each other, directly or through others
//     (`use crate::...`, `super::...`, a path such as `crate::a::b::f(...)`);
//   - a module imports from a layer that the table in src/lib.rs does not
//     let its own layer import, or from the crate's root (which re-exports
//     every layer, so any such import is a cycle);
//   - a layer's folder has no `mod.rs` that opens with a `//!` comment;
//   - two JavaScript modules of www/ import each other (static imports), or
//     one of www/lib/ imports from www/page/ or www/embed/;
//   - a function is over MAX_FN_LINES lines and its comment does not say
//     why ("(long: ...)");
//   - a .rs, .js or .mjs source file is over MAX_LINES lines (tests,
//     vendored and generated files aside; KNOWN_LONG lists the few that
//     still are, each to be split).
// Test modules (`#[cfg(test)] mod ... { }`) may import what they like.

import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
const MAX_LINES = 500;
// Sources over the limit that are still to be split, with why they are not
// yet: the check names them on every run rather than failing.
const KNOWN_LONG = new Map([]);
// Folders of sources that are not checked for length: built, vendored,
// installed, or tests.
const NOT_SOURCES = new Set(["target", "node_modules", "tests", "artifacts", ".git"]);
const GENERATED = new Set(["www/pkg", "www/vendor", "www/dist"]);

const problems = [];
const say = (line) => console.log(`check-layers: ${line}`);

// --- The crate's modules -----------------------------------------------------

/** Every .rs file under `dir`, as paths relative to the repository. */
function rustFiles(dir) {
  const out = [];
  for (const name of readdirSync(join(ROOT, dir)).sort()) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...rustFiles(path));
    else if (name.endsWith(".rs")) out.push(path);
  }
  return out;
}

/** The module path of a file of src/ (`src/a/b.rs` and `src/a/b/mod.rs` are `a::b`). */
function modulePath(file) {
  const parts = relative("src", file).split(sep);
  const last = parts.pop().replace(/\.rs$/, "");
  if (last !== "mod" && last !== "lib") parts.push(last);
  return parts;
}

/**
 * The code of a Rust file with its comments, strings and character literals
 * blanked (newlines kept), so that braces and paths are read from code only.
 */
function codeOnly(text) {
  let out = "";
  let i = 0;
  const blank = (s) => s.replace(/[^\n]/g, " ");
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i, i + 3);
    if (rest.startsWith("//")) {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (rest.startsWith("/*")) {
      let depth = 0;
      let j = i;
      do {
        if (text.startsWith("/*", j)) (depth++, (j += 2));
        else if (text.startsWith("*/", j)) (depth--, (j += 2));
        else j++;
      } while (depth > 0 && j < text.length);
      out += blank(text.slice(i, j));
      i = j;
    } else if (/^b?r#*"/.test(text.slice(i, i + 260)) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? "")) {
      // A raw string: r"...", r#"..."#, br"...".
      const m = /^b?r(#*)"/.exec(text.slice(i, i + 260));
      const close = `"${m[1]}`;
      const end = text.indexOf(close, i + m[0].length);
      const stop = end < 0 ? text.length : end + close.length;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += blank(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === "'") {
      // A character literal ('x', '\n', '\u{7b}'), else a lifetime.
      const m = /^'(\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/u.exec(text.slice(i, i + 12));
      if (m) {
        out += blank(m[0]);
        i += m[0].length;
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The paths a `use` tree names: `a::{b, c::{d, self}}` gives a::b, a::c::d, a::c. */
function expandUse(tree) {
  tree = tree.replace(/\s+/g, "");
  const open = tree.indexOf("{");
  if (open < 0) return [tree.replace(/\bas\b.*$/, "").replace(/::\*$/, "")];
  const prefix = tree.slice(0, open).replace(/::$/, "");
  const inner = tree.slice(open + 1, tree.lastIndexOf("}"));
  const items = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k <= inner.length; k++) {
    const ch = inner[k];
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if ((ch === "," && depth === 0) || k === inner.length) {
      const item = inner.slice(start, k);
      if (item) items.push(item);
      start = k + 1;
    }
  }
  return items.flatMap((item) =>
    expandUse(item).map((p) => (p === "self" ? prefix : prefix ? `${prefix}::${p}` : p)),
  );
}

/**
 * The crate paths a file names outside its test modules, each as module
 * segments from the crate's root, with the line it is on.
 */
function namedPaths(file, modules) {
  const code = codeOnly(readFileSync(join(ROOT, file), "utf8"));
  const here = modulePath(file);
  const found = [];
  // Inline modules: a stack of [name, depth at which it closes, is a test].
  const stack = [];
  let depth = 0;
  let testDepth = -1;
  let pendingTest = false;
  const tokens = /#\s*\[\s*cfg\s*\(\s*test\s*\)\s*\]|\bmod\s+([A-Za-z_]\w*)\s*\{|\buse\s+([^;]+);|(?<!::)\b((?:crate|super|self)(?:::[A-Za-z_]\w*)+)|(?<!::)\b([a-z_]\w*)(?=::[A-Za-z_])|[{}]/g;
  let m;
  const lineOf = (index) => code.slice(0, index).split("\n").length;
  const current = () => [...here, ...stack.map((s) => s.name)];
  const child = (name) => modules.has([...current(), name].join("::"));
  const resolve = (path) => {
    const segs = path.split("::");
    let base;
    if (segs[0] === "crate") base = [];
    else if (segs[0] === "self") base = current();
    else if (segs[0] === "super") {
      base = current();
      while (segs[0] === "super") (base = base.slice(0, -1), segs.shift());
      segs.unshift("self");
    } else if (child(segs[0])) return [...current(), ...segs];
    else return null; // another crate, a local name, a prelude item
    return [...base, ...segs.slice(1)];
  };
  while ((m = tokens.exec(code))) {
    const inTest = testDepth >= 0;
    if (m[0].startsWith("#")) {
      pendingTest = true;
    } else if (m[1] !== undefined) {
      depth++;
      stack.push({ name: m[1], closes: depth });
      if (pendingTest && !inTest) testDepth = depth;
      pendingTest = false;
    } else if (m[0] === "{") {
      depth++;
      pendingTest = false;
    } else if (m[0] === "}") {
      if (stack.length && stack[stack.length - 1].closes === depth) stack.pop();
      if (depth === testDepth) testDepth = -1;
      depth--;
    } else if (inTest) {
      continue;
    } else if (m[2] !== undefined) {
      pendingTest = false;
      for (const p of expandUse(m[2].replace(/^\s*(pub(\([^)]*\))?\s+)?/, ""))) {
        const abs = resolve(p);
        if (abs) found.push({ path: abs, line: lineOf(m.index) });
      }
    } else if (m[3] !== undefined) {
      const abs = resolve(m[3].replace(/\s+/g, ""));
      if (abs) found.push({ path: abs, line: lineOf(m.index) });
    } else if (m[4] !== undefined && child(m[4])) {
      found.push({ path: [...current(), m[4]], line: lineOf(m.index) });
    }
  }
  return found;
}

// --- The layer table of src/lib.rs --------------------------------------------

/** `| [`layer`] | holds | [`a`], [`b`] |` rows of lib.rs's opening comment. */
function layerTable() {
  const lines = readFileSync(join(ROOT, "src/lib.rs"), "utf8").split("\n");
  const table = new Map();
  const name = (cell) => cell.replace(/[[\]`/]/g, "").trim();
  const rowOf = (line) => /^\/\/!\s*\|(.*)\|\s*$/.exec(line ?? "");
  const isRule = (row) => row && /^[\s|:-]+$/.test(row[1]);
  lines.forEach((line, i) => {
    const row = rowOf(line);
    // The header is the row above the rule; the rule is no layer either.
    if (!row || isRule(row) || isRule(rowOf(lines[i + 1]))) return;
    const cells = row[1].split("|").map((c) => c.trim());
    const layer = name(cells[0]);
    if (!/^[a-z_]+$/.test(layer)) return;
    const may = cells[cells.length - 1];
    const allowed = /^nothing\b/i.test(may) ? [] : may.split(",").map(name).filter(Boolean);
    table.set(layer, new Set(allowed));
  });
  return table;
}

// --- Cycles -------------------------------------------------------------------

/** Strongly connected components of more than one node (Tarjan). */
function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v).keys()) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do (w = stack.pop()), onStack.delete(w), scc.push(w);
      while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

// --- Lengths ------------------------------------------------------------------

function sources(dir) {
  const out = [];
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return out;
  for (const name of readdirSync(abs).sort()) {
    const path = dir ? join(dir, name) : name;
    if (NOT_SOURCES.has(name) || GENERATED.has(path) || name.startsWith(".")) continue;
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(rs|js|mjs)$/.test(name) && !(name === "tests.rs" && path.startsWith("src"))) out.push(path);
  }
  return out;
}

// --- The check ----------------------------------------------------------------

// The binary is a crate of its own, above the library; a `tests` module is
// compiled for the tests alone.
const isTest = (file) => modulePath(file).at(-1) === "tests";
const files = rustFiles("src").filter((f) => !f.startsWith(join("src", "bin") + sep) && !isTest(f));
const modules = new Map(files.map((f) => [modulePath(f).join("::"), f]));
const layerOf = (file) => modulePath(file)[0] ?? "root";
const table = layerTable();
if (table.size === 0) problems.push("src/lib.rs has no table of layers (| layer | holds | may import |)");

for (const file of files)
  if (modulePath(file).length === 1 && !file.endsWith(`${sep}mod.rs`))
    problems.push(`${file} stands outside every layer: move it into the folder of its layer`);
for (const dir of new Set(files.map(layerOf))) {
  if (dir === "root" || !existsSync(join(ROOT, "src", dir))) continue;
  if (!table.has(dir)) problems.push(`src/${dir}/ is not a layer of the table in src/lib.rs`);
  const head = join("src", dir, "mod.rs");
  if (!existsSync(join(ROOT, head)) || !readFileSync(join(ROOT, head), "utf8").startsWith("//!"))
    problems.push(`${head} must exist and open with a //! comment saying what the layer holds`);
}
for (const [layer, allowed] of table) {
  if (!existsSync(join(ROOT, "src", layer))) problems.push(`the table names ${layer}, and src/${layer}/ does not exist`);
  for (const a of allowed) if (!table.has(a)) problems.push(`the table lets ${layer} import ${a}, which is no layer`);
}
for (const scc of cycles(new Map([...table].map(([l, a]) => [l, new Map([...a].map((x) => [x, 1]))]))))
  problems.push(`the table of layers has a cycle: ${scc.join(", ")}`);

// file -> file -> the first line and path that ties them.
const graph = new Map(files.map((f) => [f, new Map()]));
let imports = 0;
for (const file of files) {
  for (const { path, line } of namedPaths(file, modules)) {
    let k = path.length;
    while (k > 0 && !modules.has(path.slice(0, k).join("::"))) k--;
    const target = modules.get(path.slice(0, k).join("::"));
    if (target === file) continue;
    imports++;
    const edges = graph.get(file);
    if (!edges.has(target)) edges.set(target, `${file}:${line} ${path.join("::")}`);
    const [from, to] = [layerOf(file), layerOf(target)];
    if (from === to || from === "root") continue;
    if (to === "root") problems.push(`${file}:${line} imports from the crate's root (${path.join("::")}): name the module that defines it`);
    else if (table.has(from) && !table.get(from).has(to))
      problems.push(`${file}:${line} imports ${path.join("::")}: ${from}/ may not import ${to}/ (the table in src/lib.rs)`);
  }
}
for (const scc of cycles(graph)) {
  const ties = scc.flatMap((f) => [...graph.get(f)].filter(([t]) => scc.includes(t)).map(([, why]) => `    ${why}`));
  problems.push(`modules that import each other: ${scc.join(", ")}\n${ties.join("\n")}`);
}

// --- The page's and the widget's modules ---------------------------------------

// The JavaScript of www/ (built, vendored and installed files aside): no two
// modules import each other, directly or through others, and lib/ (shared
// by the page, the widget and the workers) imports nothing from page/ or
// embed/. Only static imports count: a module loaded on demand
// (`import('./x.js')`) is loaded after its importer has run.
const jsFiles = sources("www").filter((f) => /\.m?js$/.test(f));
const jsGraph = new Map(jsFiles.map((f) => [f, new Map()]));
let jsImports = 0;
for (const file of jsFiles) {
  const text = readFileSync(join(ROOT, file), "utf8");
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|^import\s+['"](\.{1,2}\/[^'"]+)['"]/gms)) {
    const target = join(file, "..", m[1] ?? m[2]);
    const line = text.slice(0, m.index).split("\n").length;
    if (!jsGraph.has(target)) continue; // built or vendored (www/pkg, www/vendor)
    jsImports++;
    const edges = jsGraph.get(file);
    if (!edges.has(target)) edges.set(target, `${file}:${line} imports ${m[1] ?? m[2]}`);
    const [from, to] = [file.split(sep)[1], target.split(sep)[1]];
    if (from === "lib" && (to === "page" || to === "embed"))
      problems.push(`${file}:${line} imports ${target}: www/lib/ is shared by the page, the widget and the workers, and imports nothing from www/${to}/`);
  }
}
for (const scc of cycles(jsGraph)) {
  const ties = scc.flatMap((f) => [...jsGraph.get(f)].filter(([t]) => scc.includes(t)).map(([, why]) => `    ${why}`));
  problems.push(`modules that import each other: ${scc.join(", ")}\n${ties.join("\n")}`);
}

// --- Long functions -------------------------------------------------------------

// A function over MAX_FN_LINES lines (from its first line to the brace that
// closes it at the same indentation, as rustfmt and the page's style lay
// them out) fails, unless the comment above it says why it is long
// ("(long: ...)").
const MAX_FN_LINES = 90;
const FN_START = {
  rs: /^\s*(pub(\([a-z]+\))? )?(async )?(const )?(unsafe )?fn \w+/,
  js: /^\s*(export )?(async )?function\*?\s*\w*\s*\(|^\s*(export )?const \w+ = (async )?\([^)]*\) => \{$/,
};
for (const file of sources("")) {
  const kind = file.endsWith(".rs") ? "rs" : "js";
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!FN_START[kind].test(line)) return;
    const indent = line.length - line.trimStart().length;
    let end = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (!l.trim()) continue;
      const ind = l.length - l.trimStart().length;
      if (ind < indent) break;
      if (ind === indent && l.trimStart().startsWith("}")) {
        end = j;
        break;
      }
    }
    if (end - i <= MAX_FN_LINES) return;
    let k = i - 1;
    const above = [];
    while (k >= 0 && /^\s*(\/\/|\*|\/\*\*|#\[)/.test(lines[k])) above.push(lines[k--]);
    if (above.some((l) => l.includes("(long:"))) return;
    problems.push(`${file}:${i + 1} is a function of ${end - i} lines, over ${MAX_FN_LINES}: split it into named steps, or say why in its comment ("(long: ...)")`);
  });
}

const long = [];
for (const file of sources("")) {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n").length - 1;
  if (lines <= MAX_LINES) continue;
  if (KNOWN_LONG.has(file)) long.push(`${file} (${lines} lines: ${KNOWN_LONG.get(file)})`);
  else problems.push(`${file} has ${lines} lines, over ${MAX_LINES}: split it into files named for what they hold`);
}

if (problems.length) {
  for (const p of new Set(problems)) console.error(`check-layers: error: ${p}`);
  process.exit(1);
}
say(`${table.size} layers, ${files.length} modules, ${imports} imports between them, no cycle, every import allowed`);
say(`${jsFiles.length} JavaScript modules in www/, ${jsImports} static imports between them, no cycle`);
say(`no source over ${MAX_LINES} lines${long.length ? `, but for these, still to split: ${long.join("; ")}` : ""}`);
