// Hostile input: every case of hostile-cases.ts (about 1 MiB each: long blank runs, unbalanced
// brackets/quotes/comments, 100k-item lists, made-up charsets...) must parse well under a
// generous hang guard. The real expectation is milliseconds; a quadratic parser takes minutes to
// hours on these. The cases run in a worker so a hang is stopped and named instead of blocking
// the test run forever.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import type { HostileReport } from "./hostile-runner.ts";

/** Each case must finish within this (hang guard, not a benchmark): milliseconds when linear, minutes
 *  when quadratic; 2 s was crossed by a linear case on a loaded machine (2.3 s at load 15, npm test). */
const PER_CASE_MS = 10_000;
/** No progress for this long: the worker is stuck in a case. */
const STALL_MS = 20_000;

function runAll(): Promise<{ reports: HostileReport[]; stuck?: string }> {
  const runner = new URL("./hostile-runner.ts", import.meta.url).href;
  const w = new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(runner)}); });`, { eval: true });
  const reports: HostileReport[] = [];
  return new Promise((resolve, reject) => {
    let current = "(start-up)";
    let timer = setTimeout(stall, STALL_MS * 3); // start-up compiles the loaders
    function stall() {
      void w.terminate();
      resolve({ reports, stuck: current });
    }
    w.on("message", (r: HostileReport) => {
      clearTimeout(timer);
      if (r.name === "") {
        void w.terminate();
        resolve({ reports });
        return;
      }
      if (r.ms === undefined) current = r.name;
      else reports.push(r);
      timer = setTimeout(stall, STALL_MS);
    });
    w.on("error", (e) => { clearTimeout(timer); reject(e); });
  });
}

test("hostile input: every 1 MiB case parses in well under the hang guard", { timeout: 600_000 }, async () => {
  const { reports, stuck } = await runAll();
  assert.equal(stuck, undefined, `hangs on: ${stuck}`);
  const slow = reports.filter((r) => r.ms! > PER_CASE_MS).map((r) => `${r.name}: ${Math.round(r.ms!)} ms`);
  assert.deepEqual(slow, [], "cases over the hang guard");
  const failed = reports.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`);
  assert.deepEqual(failed, [], "cases that threw");
  const by = new Map(reports.map((r) => [r.name, r]));
  // the parses are sane, not just fast
  for (const r of reports) {
    if (!r.summary) continue;
    assert.ok(r.summary.messageId === "h@example.org" || r.summary.flags.includes("synthetic-id"), `${r.name}: id ${r.summary.messageId.slice(0, 40)}`);
  }
  assert.equal(by.get("ids: References with 100k ids")!.summary!.references, 100_000);
  assert.ok(by.get("ids: Message-ID of 1 MiB")!.summary!.flags.includes("synthetic-id"));
  assert.ok(by.get("ids: deeply nested <<<...>>>")!.summary!.flags.includes("synthetic-id"));
  assert.equal(by.get("address: To: with 100k commas")!.summary!.to, Math.ceil((1 << 20) / 7));
  assert.ok(by.get("trailer: 100k short trailer lines")!.summary!.trailers > 40_000);
  assert.equal(by.get("trailer: Reviewed-by: a<1 MiB spaces>b")!.summary!.trailers, 0); // names nobody
  assert.ok(by.get("date: Date made of 1 MiB '('")!.summary!.flags.includes("date-missing"));
  for (const c of ["subject: [PATCH v v v ...] (500k tag words)", "subject: [PATCH v<tab>v<tab>...] (500k tab-separated tag words)", "subject: [a,a,a,...] (500k tag words)"]) assert.ok(by.get(c)!.summary!.flags.includes("truncated-tags"), c);
  assert.equal(by.get("address: From without @ of 1 MiB spaces and via")!.summary!.fromEmail, "real@example.org");
  console.log(reports.map((r) => `${Math.round(r.ms!)} ms  ${r.name}`).join("\n"));
});
