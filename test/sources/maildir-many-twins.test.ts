// A Maildir key with thousands of flag variants (hostile, or a client gone wrong): each twin was
// compared with every earlier one (quadratic); now by digest. Every distinct message is still read,
// an identical one once. Synthetic files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { maildirSource } from "../../loaders/sources/maildir.ts";
import { tempDir, drain } from "./helpers.ts";

test("maildir: 12k twins of one key are read in linear time, duplicates once (hang guard)", { timeout: 300_000 }, async (t) => {
  const d = tempDir(t);
  for (const s of ["cur", "new", "tmp"]) mkdirSync(join(d, s));
  const n = 12_000;
  const body = "x".repeat(16 * 1024); // equal up to the last bytes: a compare reads them all
  const flags = (i: number) => [...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join("");
  for (let i = 0; i < n; i++) {
    // every 10th twin repeats the previous one's content
    const k = i % 10 === 9 ? i - 1 : i;
    writeFileSync(join(d, "cur", `1720000001.A.host:2,${flags(i)}`), `Message-ID: <m@example.com>\n\n${body}${k}\n`);
  }
  const cpu = process.cpuUsage();
  const r = await drain(maildirSource(d));
  const used = process.cpuUsage(cpu);
  assert.equal(r.error, undefined);
  assert.equal(r.items.length, n - n / 10);
  const bodies = new Set(r.items.map((it) => (it.kind === "message" ? it.bytes.toString().slice(-12) : "")));
  assert.equal(bodies.size, n - n / 10, "each distinct message once");
  // CPU, not wall time (load does not move it): linear is about a second; quadratic was 20+ s
  assert.ok((used.user + used.system) / 1e6 < 10, `hang guard: ${(used.user + used.system) / 1e6} s CPU`);
});
