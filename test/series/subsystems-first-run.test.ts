// The series lifecycle learns each series' MAINTAINERS sections in the same analysis run that
// computes message_subsystems (it used to read the previous run's table, so a first run had none).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../site/pipeline.ts";
import { writeSyntheticCorpus, SYNTHETIC_MAINTAINERS } from "../site/synthetic-corpus.ts";

test("first analysis with --maintainers: revision_groups, series curves and reviewer load name the sections", () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-series-subs-"));
  try {
    const store = join(dir, "store");
    const sources = writeSyntheticCorpus(join(dir, "mail"));
    writeFileSync(join(dir, "MAINTAINERS"), SYNTHETIC_MAINTAINERS);
    cli(["ingest", "--no-analyze", "--store", store, ...sources]);
    cli(["analyze", "--store", store, "--maintainers", join(dir, "MAINTAINERS")]);
    const rows = cli(["query", "--json", "--store", store,
      "SELECT subject, subsystems FROM revision_groups WHERE subject LIKE '%synthetic region support%'"])
      .trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.deepEqual(rows[0].subsystems, ["SYNTHETIC CXL REGIONS"]);
    const series = JSON.parse(readFileSync(join(store, "site/series.json"), "utf8"));
    assert.equal(series.subsystems, true);
    assert.ok(JSON.stringify(series).includes("subsystem:SYNTHETIC CXL REGIONS"), "a per-subsystem curve");
    assert.ok(Array.isArray(series.reviewer_load), "reviewer load computed from the run's roles");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
