// Real archive (skipped when ../shared is absent): on linux-cxl 2024-h2 with the kernel mailmap,
// one maintainer's addresses (corporate, and a typo'd corporate domain in a trailer) resolve to
// one person, and every cross-organisation merge has its evidence.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir } from "../store/helpers.ts";

import { SHARED } from "../helpers/shared.ts";
const CXL = join(SHARED, "corpus/2024-h2/linux-cxl.mbox.gz");
const MAILMAP = join(SHARED, "identity/linux.mailmap");

test("linux-cxl 2024-h2: name merges across neutral, vanity and typo'd domains; cross-org merges share a local part", { timeout: 120_000 }, async (t) => {
  if (!existsSync(CXL) || !existsSync(MAILMAP)) { t.skip(`../shared corpus or mailmap absent (${CXL}): real-corpus identity test skipped`); return; }
  const dir = tempDir("tg-ident-");
  const store = await openStore(dir.dir);
  try {
    await ingest(store, [openSource(`linux-cxl=${CXL}`)], { mailmap: MAILMAP });
    // The observed addresses under this name, found without the resolver.
    const seen = await store.query<{ e: string }>(`SELECT DISTINCT e FROM (
      SELECT from_email AS e, from_name AS n FROM raw_messages UNION ALL SELECT email, name FROM raw_trailers)
      WHERE n = 'Jonathan Cameron' ORDER BY e`);
    const emails = seen.map((r) => r.e);
    // at least two organisation domains (huawei.com and a trailer's typo of it)
    assert.ok(new Set(emails.map((e) => e.split("@")[1])).size >= 2, emails.join(" "));
    const people = await store.query<{ person_id: string }>(`SELECT DISTINCT person_id FROM person_emails
      WHERE email IN (${emails.map((e) => `'${e}'`).join(", ")})`);
    assert.deepEqual(people.map((p) => p.person_id), ["jonathan.cameron@huawei.com"]);
    // every display-name-local-part merge joined addresses of which two share a local part
    const ev = await store.query<{ evidence: string }>("SELECT evidence FROM people WHERE evidence LIKE '%display-name-local-part%'");
    for (const { evidence } of ev) {
      for (const e of JSON.parse(evidence).filter((x: { rule: string }) => x.rule === "display-name-local-part")) {
        const locals = e.addresses.map((a: string) => a.slice(0, a.lastIndexOf("@")));
        assert.ok(new Set(locals).size < locals.length, JSON.stringify(e));
      }
    }
    const [{ n }] = await store.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM people_suspects WHERE person_a = person_b");
    assert.equal(n, 0);
  } finally {
    await store.close();
    dir.cleanup();
  }
});
