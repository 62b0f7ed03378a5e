// A multi-year synthetic corpus for the analysis benchmark, made from the 2024-h2 mbox files and
// written outside the repo: copy k of every message has its Date moved back k half-years
// (26 weeks, so weekdays stay), every Message-ID in Message-ID/In-Reply-To/References rewritten
// to <c{k}.id> (threads stay threads, cross-posts still dedupe across the list files), and in
// copies k > 0 about half of the senders renamed (name and address), so people keep arriving
// over the years as on a real list instead of the same few thousand posting forever.
import { createWriteStream, readFileSync } from "node:fs";
import { createGzip, gunzipSync } from "node:zlib";
import { join } from "node:path";

const HALF_YEAR = 26 * 7 * 86400_000;
const MSGID = /<([^<>\s]+)>/g;
const ID_HEADERS = new Set(["message-id", "in-reply-to", "references"]);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  // Final mix: FNV's low bits alone follow the parity of the characters.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Message starts ("From " lines at the start of the file or after a newline). */
function splitMbox(text: string): string[] {
  const out: string[] = [];
  let start = text.startsWith("From ") ? 0 : text.indexOf("\nFrom ") + 1;
  while (start >= 0 && start < text.length) {
    const next = text.indexOf("\nFrom ", start);
    out.push(text.slice(start, next < 0 ? text.length : next + 1));
    start = next < 0 ? -1 : next + 1;
  }
  return out;
}

function rewriteFrom(line: string, k: number): string {
  const m = /^From:\s*(.*?)\s*<([^<>@\s]+)@([^<>\s]+)>\s*$/i.exec(line);
  if (!m || hash(`${k}|${m[2]}@${m[3]}`) % 2 !== 0) return line;
  const name = m[1].replace(/^"|"$/g, "") || m[2];
  // A new name too: identity merges by display name where that is unambiguous.
  return `From: "${name} Gen${k}x${hash(m[2]) % 97}" <gen${k}.${m[2]}@${m[3]}>`;
}

/** Copy k of one message. */
function rewrite(msg: string, k: number): string {
  const end = msg.indexOf("\n\n");
  const head = end < 0 ? msg : msg.slice(0, end);
  const lines = head.split("\n");
  let current = "";
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l[0] !== " " && l[0] !== "\t") current = l.slice(0, l.indexOf(":")).toLowerCase();
    if (ID_HEADERS.has(current)) lines[i] = l.replace(MSGID, (_, id) => `<c${k}.${id}>`);
    else if (k > 0 && current === "date" && l[0] !== " ") {
      const t = Date.parse(l.slice(5).trim().replace(/\s*\([^)]*\)\s*$/, ""));
      if (!Number.isNaN(t)) lines[i] = `Date: ${new Date(t - k * HALF_YEAR).toUTCString().replace("GMT", "+0000")}`;
    } else if (k > 0 && current === "from" && l[0] !== " ") lines[i] = rewriteFrom(l, k);
  }
  return lines.join("\n") + (end < 0 ? "" : msg.slice(end));
}

/**
 * Write <outDir>/<list>.mbox.gz for each list: `copies` shifted copies of the 2024-h2 file,
 * gzipped like the originals (level 1: decompression costs about the same, writing far less).
 * Returns list=path specs for `threadgraph ingest`.
 */
export async function writeScaledCorpus(srcDir: string, outDir: string, lists: string[], copies: number): Promise<string[]> {
  const specs: string[] = [];
  for (const list of lists) {
    const msgs = splitMbox(gunzipSync(readFileSync(join(srcDir, `${list}.mbox.gz`))).toString("latin1"));
    const path = join(outDir, `${list}.mbox.gz`);
    const gz = createGzip({ level: 1 });
    const done = new Promise<void>((res, rej) => { const out = createWriteStream(path); gz.pipe(out); out.on("finish", res); out.on("error", rej); });
    const write = async (s: string) => { if (!gz.write(Buffer.from(s, "latin1"))) await new Promise<void>((r) => gz.once("drain", () => r())); };
    for (let k = 0; k < copies; k++) {
      let chunk: string[] = [];
      for (const m of msgs) {
        chunk.push(rewrite(m, k));
        if (chunk.length >= 2000) { await write(chunk.join("")); chunk = []; }
      }
      await write(chunk.join(""));
    }
    gz.end();
    await done;
    specs.push(`${list}=${path}`);
  }
  return specs;
}
