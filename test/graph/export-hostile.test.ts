// Graph downloads from hostile names: no spreadsheet formula runs from the CSVs, and GEXF/GraphML
// stay well-formed XML 1.0 (a strict parser accepts them) whatever characters the mail carried.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SaxesParser } from "saxes";
import { toCsv, toGexf, toGraphml, type Row } from "../../loaders/graph/export.ts";

const NASTY = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "\uFF1D1+1",
  "ctl\u0000\u0001\u0008\u000B\u000C\u001F end", "lone \uD800 high", "lone \uDC00 low", "non\uFFFEchar\uFFFF", "emoji 😀 ok", "a & <b> \"q\" 'a'"];
const nodes: Row[] = NASTY.map((label, i) => ({ id: `p${i}\u0001`, label, home: "netdev", messages: i, lists: [label, "x"] }));
const edges: Row[] = NASTY.map((_, i) => ({ source: `p${i}\u0001`, target: `p${(i + 1) % NASTY.length}\u0001`, weight: i + 1, lists: ["=evil"] }));

/** Cells of a CSV (RFC 4180, as written by toCsv). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "", q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) { if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c; }
    else if (c === '"') q = true;
    else if (c === ",") { rows.at(-1)!.push(cell); cell = ""; }
    else if (c === "\n") { rows.at(-1)!.push(cell); cell = ""; rows.push([]); }
    else cell += c;
  }
  return rows.filter((r) => r.length);
}

test("graph CSVs: no cell starts like a formula; numbers stay numbers", () => {
  for (const csv of [toCsv(Object.keys(nodes[0]), nodes), toCsv(Object.keys(edges[0]), edges)]) {
    const cells = parseCsv(csv).slice(1).flat();
    for (const c of cells) assert.doesNotMatch(c, /^[=+\-@\t\r\uFF1D]/, `cell ${JSON.stringify(c)}`);
    assert.ok(cells.includes("'=HYPERLINK(\"http://x\",\"y\")") || cells.includes("'=evil;x") || cells.includes("'=evil"));
  }
  assert.match(toCsv(["n"], [{ n: -3 }]), /^n\n-3\n$/, "a negative number is not text");
});

function strictXml(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (e) => { throw e; });
  p.write(xml).close();
}

test("GEXF and GraphML parse with a strict XML parser, labels kept where XML allows", () => {
  const gexf = toGexf(nodes, edges), graphml = toGraphml(nodes, edges);
  strictXml(gexf);
  strictXml(graphml);
  for (const x of [gexf, graphml]) {
    assert.ok(x.includes("emoji 😀 ok"), "astral characters are valid XML and stay");
    assert.ok(x.includes("lone \uFFFD high") && x.includes("non\uFFFDchar\uFFFD"), "forbidden characters become U+FFFD");
  }
});

test("the strict check catches what the exports used to write", () => {
  assert.throws(() => strictXml('<?xml version="1.0"?><a b="x\u0001"/>'));
  assert.throws(() => strictXml("<a>\uFFFE</a>"));
});
