// A subject's version or patch counter is a number read from mail: "[PATCH v99999999999999999999 1/2]"
// must be stored and analysed like any patch, never fail the analysis (derived tables, series, site).
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../store/helpers.ts";
import { ingestAndAnalyze, sqlRows } from "../site/pipeline.ts";

const big = "9".repeat(23);

function mail(i: number, subject: string, replyTo?: string, body = "diff --git a/zoo.c b/zoo.c\n--- a/zoo.c\n+++ b/zoo.c\n@@ -1 +1 @@\n-a\n+b\n"): string {
  return [`From mboxrd@z Thu Jan  1 00:00:00 1970`, "From: Ann Developer <ann@example.org>", "To: netdev@vger.kernel.org",
    `Subject: ${subject}`, `Date: Mon, 1 Jul 2024 0${i}:00:00 +0000`, `Message-ID: <h${i}@example.org>`,
    ...(replyTo ? [`In-Reply-To: <${replyTo}>`] : []), "", body, ""].join("\n");
}

test("huge version numbers and counters in subjects: ingest and analysis succeed, the series is listed", () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, [
      mail(1, `[PATCH v${big} 1/2] zoo: one`), mail(2, `[PATCH v${big} 2/2] zoo: two`),
      mail(3, `[PATCH ${big}/${big}] zoo: counter`), mail(4, "[PATCH v2147483648 0/1] zoo: int32 edge"),
      mail(5, `Re: [PATCH v${big} 1/2] zoo: one`, "h1@example.org", "Applied, thanks!\n"),
    ].join("\n"));
    const store = join(t.dir, "store");
    ingestAndAnalyze(store, [`netdev=${mbox}`]);
    const rows = sqlRows(store, "SELECT version FROM series ORDER BY posted_at");
    assert.ok(rows.length >= 3, `series rows: ${JSON.stringify(rows)}`);
    for (const r of rows) assert.ok(r.version >= 1 && r.version < 2 ** 31, `a version that fits: ${r.version}`);
  } finally { t.cleanup(); }
});
