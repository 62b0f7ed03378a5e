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
import { writeSyntheticCorpus, SYNTHETIC_MAINTAINERS } from "../site/synthetic-corpus.ts";

test("with MAINTAINERS each derived table is written once, the series tables with their sections", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-derived-once-"));
  const write = DuckStore.prototype.writeDerived;
  const written: string[] = [];
  try {
    const storeDir = join(dir, "store");
    const sources = writeSyntheticCorpus(join(dir, "mail"));
    const cfg = await loadConfig();
    const tracked = cfg.lists.map((l) => ({ name: l.name, address: l.address.toLowerCase() }));
    const store = await openStore(storeDir);
    await ingest(store, sources.map((s) => openSource(s)), { lists: cfg.lists });
    await store.close();
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
