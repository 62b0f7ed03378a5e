// message_files: ingest stores the files each message's diff touches (renames: both names), the
// messages view counts them (file_count), and parts written before the table existed read as
// "not parsed" (NULL), not as "no files". Synthetic mail only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

const PATCH = [
  "From: Ann Author <ann@example.org>",
  "To: linux-cxl@vger.kernel.org",
  "Subject: [PATCH 1/1] cxl: move the region code",
  "Date: Mon, 1 Jul 2024 12:00:00 +0000",
  "Message-ID: <p1@example.org>",
  "",
  "Moves a file.",
  "",
  "diff --git a/drivers/cxl/region.c b/drivers/cxl/core/region.c",
  "similarity index 100%",
  "rename from drivers/cxl/region.c",
  "rename to drivers/cxl/core/region.c",
  "diff --git a/include/linux/cxl.h b/include/linux/cxl.h",
  "--- a/include/linux/cxl.h",
  "+++ b/include/linux/cxl.h",
  "@@ -1,2 +1,2 @@",
  " x",
  "--- a/not/a/file.c",
  "+y",
  "",
].join("\n");

const REPLY = [
  "From: Rev Iewer <rev@example.org>",
  "To: linux-cxl@vger.kernel.org",
  "Subject: Re: [PATCH 1/1] cxl: move the region code",
  "Date: Mon, 1 Jul 2024 13:00:00 +0000",
  "Message-ID: <r1@example.org>",
  "In-Reply-To: <p1@example.org>",
  "",
  "> diff --git a/drivers/cxl/region.c b/drivers/cxl/core/region.c",
  "Looks fine.",
  "",
].join("\n");

test("ingest stores the files a diff touches; quoted diffs and hunk lines do not count", async () => {
  const t = tempDir();
  const mbox = join(t.dir, "a.mbox");
  writeFileSync(mbox, [PATCH, REPLY].map((m) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${m}\n`).join(""));
  const store = await openStore(join(t.dir, "store"));
  try {
    await ingest(store, [openSource(mbox)]);
    const files = await store.query<{ message_id: string; path: string }>("SELECT message_id, path FROM message_files ORDER BY path");
    assert.deepEqual(files, [
      { message_id: "p1@example.org", path: "drivers/cxl/core/region.c" },
      { message_id: "p1@example.org", path: "drivers/cxl/region.c" },
      { message_id: "p1@example.org", path: "include/linux/cxl.h" },
    ]);
    const counts = await store.query<{ message_id: string; file_count: number }>("SELECT message_id, file_count FROM messages ORDER BY 1");
    assert.deepEqual(counts, [{ message_id: "p1@example.org", file_count: 3 }, { message_id: "r1@example.org", file_count: 0 }]);
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("a store written before message_files: file_count reads NULL (not parsed), message_files is empty", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    await ingest(store, [fakeSource("s", msgs(pm("a@h", { files: ["x/y.c"] })))], {}, { parseStream: fakeParse });
    await store.close();
    // Simulate the older store: drop the table from the manifest and the column from the part.
    const mf = join(t.dir, "store", "manifest.json");
    const m = JSON.parse(readFileSync(mf, "utf8"));
    assert.equal(m.parts.message_files.length, 1);
    const s2 = await openStore(join(t.dir, "store"));
    const con = await (s2 as unknown as { con(): Promise<{ run(sql: string): Promise<unknown> }> }).con();
    const part = join(t.dir, "store", m.parts.messages[0]);
    await con.run(`COPY (SELECT * EXCLUDE (file_count) FROM read_parquet('${part}')) TO '${part}.tmp' (FORMAT parquet)`);
    await s2.close();
    const { renameSync, rmSync } = await import("node:fs");
    renameSync(`${part}.tmp`, part);
    rmSync(join(t.dir, "store", "message_files"), { recursive: true });
    delete m.parts.message_files;
    m.retired = (m.retired ?? []).filter((r: { file: string }) => !r.file.startsWith("message_files/"));
    writeFileSync(mf, JSON.stringify(m));
    const s3 = await openStore(join(t.dir, "store"));
    try {
      assert.deepEqual(await s3.query("SELECT message_id, file_count FROM messages"), [{ message_id: "a@h", file_count: null }]);
      assert.deepEqual(await s3.query("SELECT * FROM message_files"), []);
    } finally { await s3.close(); }
  } finally {
    t.cleanup();
  }
});
