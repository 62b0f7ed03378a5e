// runAnalysis with MAINTAINERS: the affiliations are computed before the derived tables are written
// (their inputs are read with the corpus), so every derived table, the series tables included, is
// written once, with the sections the series learnt. Synthetic corpus only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { DuckStore, openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { loadConfig } from "../../loaders/config.ts";
import { runAnalysis } from "../../loaders/analysis/run.ts";
import { allWritten } from "../../loaders/analysis/all-written.ts";
import { writeSyntheticCorpus, SYNTHETIC_MAINTAINERS } from "../site/synthetic-corpus.ts";
import { maintainersText } from "../maintainers/snippet.ts";

test("with MAINTAINERS each derived table is written once, the series tables with their sections", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-derived-once-"));
  const write = DuckStore.prototype.writeDerived;
  const written: string[] = [];
  try {
    const { storeDir, tracked } = await syntheticStore(dir);
    writeFileSync(join(dir, "MAINTAINERS"), SYNTHETIC_MAINTAINERS);
    DuckStore.prototype.writeDerived = function (this: DuckStore, name, columns, rows) {
      written.push(name);
      return write.call(this, name, columns, rows);
    };
    const r = await runAnalysis({ storeDir, writeDerived: true, lists: tracked.map((l) => l.name), window: {},
      affiliationInputs: { maintainers: { text: SYNTHETIC_MAINTAINERS, spec: join(dir, "MAINTAINERS") }, tracked, writeDerived: true } });
    assert.equal(r.affiliations?.status, "ok");
    const twice = written.filter((n, k) => written.indexOf(n) !== k);
    assert.deepEqual(twice, [], `written more than once: ${twice.join(", ")}`);
    for (const t of ["series", "revision_groups", "message_subsystems", "threads"]) assert.ok(written.includes(t), `${t} written`);
    DuckStore.prototype.writeDerived = write;
    const s = await openStore(storeDir);
    try {
      const rows = await s.query("SELECT subsystems FROM revision_groups WHERE subject LIKE '%synthetic region support%'");
      assert.deepEqual(rows.map((x) => [...(x.subsystems as string[])]), [["SYNTHETIC CXL REGIONS"]]);
    } finally { await s.close(); }
    const series = JSON.parse(r.files.get("series.json")!);
    assert.equal(series.subsystems, true, "series.json built once, after the affiliations");
  } finally {
    DuckStore.prototype.writeDerived = write;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the derived tables' writes are all queued at once (DuckDB writes them while the pages are built), and a failure waits for the rest", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-derived-queued-"));
  const write = DuckStore.prototype.writeDerived;
  let inFlight = 0, most = 0;
  const names = new Set<string>();
  try {
    const { storeDir, tracked } = await syntheticStore(dir);
    DuckStore.prototype.writeDerived = async function (this: DuckStore, name, columns, rows) {
      names.add(name);
      most = Math.max(most, ++inFlight);
      try { await write.call(this, name, columns, rows); } finally { inFlight--; }
    };
    await runAnalysis({ storeDir, writeDerived: true, lists: tracked.map((l) => l.name), window: {},
      affiliationInputs: { maintainers: { text: SYNTHETIC_MAINTAINERS, spec: join(dir, "MAINTAINERS") }, tracked, writeDerived: true } });
    // One at a time, each next table waited for a turn of the main thread between two page builders.
    assert.equal(most, names.size, `${most} of ${names.size} writes in flight at once`);
    assert.ok(names.size >= 15, `${names.size} tables`);
  } finally {
    DuckStore.prototype.writeDerived = write;
    rmSync(dir, { recursive: true, force: true });
  }
  // allWritten: the first failure is thrown only once every write has settled (none left running on a closing store).
  let slowDone = false;
  const slow = new Promise<void>((r) => setTimeout(() => { slowDone = true; r(); }, 50));
  await assert.rejects(allWritten([Promise.reject(new Error("first")), slow, Promise.reject(new Error("second"))]), /first/);
  assert.equal(slowDone, true);
});

/** The synthetic corpus ingested into DIR/store, and the tracked lists. */
async function syntheticStore(dir: string): Promise<{ storeDir: string; tracked: { name: string; address: string }[] }> {
  const storeDir = join(dir, "store");
  const sources = writeSyntheticCorpus(join(dir, "mail"));
  const cfg = await loadConfig();
  const store = await openStore(storeDir);
  await ingest(store, sources.map((s) => openSource(s)), { lists: cfg.lists });
  await store.close();
  return { storeDir, tracked: cfg.lists.map((l) => ({ name: l.name, address: l.address.toLowerCase() })) };
}

let n = 0;
function mail(o: { id: string; from: string; subject: string; replyTo?: string; body: string[] }): string {
  const date = new Date(Date.UTC(2024, 6, 1) + ++n * 3_600_000).toUTCString().replace("GMT", "+0000");
  return ["From mboxrd@z Thu Jan  1 00:00:00 1970", `From: ${o.from}`, "To: zoo@lists.example.org", `Subject: ${o.subject}`, `Date: ${date}`,
    `Message-ID: <${o.id}>`, ...(o.replyTo ? [`In-Reply-To: <${o.replyTo}>`, `References: <${o.replyTo}>`] : []), "", ...o.body, "", ""].join("\n");
}

test("with MAINTAINERS the thread details show the series outcome series.json and the tables show (a maintainer's pw-bot line)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-derived-once-"));
  try {
    const storeDir = join(dir, "store"), mbox = join(dir, "zoo.mbox");
    // Mae holds M: of the list's section and never applied anything: only MAINTAINERS makes her pw-bot line count.
    writeFileSync(mbox, [
      mail({ id: "p1@x", from: "Dev One <dev1@example.org>", subject: "[PATCH zoo-next] zoo: one", body: ["Fix it.", "",
        "Signed-off-by: Dev One <dev1@example.org>", "---", "diff --git a/drivers/zoo/a.c b/drivers/zoo/a.c", "--- a/drivers/zoo/a.c",
        "+++ b/drivers/zoo/a.c", "@@ -1 +1 @@", "-a", "+b"] }),
      mail({ id: "r1@x", from: "Mae Tainer <mae@example.org>", subject: "Re: [PATCH zoo-next] zoo: one", replyTo: "p1@x", body: ["Not like this.", "", "pw-bot: cr"] }),
    ].join(""));
    const tracked = [{ name: "zoo", address: "zoo@lists.example.org" }];
    const store = await openStore(storeDir);
    await ingest(store, [openSource(`zoo=${mbox}`)], { lists: tracked });
    await store.close();
    const text = maintainersText(["ZOO DRIVER", "M:\tMae Tainer <mae@example.org>", "L:\tzoo@lists.example.org", "F:\tdrivers/zoo/"]);
    const r = await runAnalysis({ storeDir, writeDerived: true, lists: ["zoo"], window: {},
      affiliationInputs: { maintainers: { text, spec: "MAINTAINERS" }, tracked, writeDerived: true } });
    assert.equal(r.affiliations?.status, "ok");
    const s = await openStore(storeDir);
    try {
      const rows = await s.query("SELECT outcome FROM series");
      assert.deepEqual(rows.map((x) => x.outcome), ["changes_requested"], "the tables apply the maintainer's line");
    } finally { await s.close(); }
    const details = [...r.files].filter(([k]) => /^thread\/s-/.test(k)).map(([, v]) => JSON.parse(v)["p1@x"]).filter(Boolean);
    assert.equal(details.length, 1);
    assert.equal(details[0].outcome, "changes_requested", "the thread detail too, not the outcome before MAINTAINERS was known");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
