// `series <id>` and `thread <id>` take any id the store can hold: without '@' (real archives
// have them), with or without angle brackets, even one that itself starts with '<'. An unknown id
// is "not in the store" (series) or "no such message" from the server (thread).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { readCorpus, writeDerivedTables } from "../../loaders/analysis/store-io.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { parseThreadRef } from "../../loaders/sources/lore/thread-source.ts";
import { run as seriesCommand } from "../../loaders/commands/series.ts";
import { run as threadCommand } from "../../loaders/commands/thread.ts";
import { tempDir } from "../store/helpers.ts";

function mail(id: string, subject: string, replyTo?: string): string {
  return [
    "From mboxrd@z Thu Jan  1 00:00:00 1970", "From: Dev One <dev1@example.org>", "To: zoo@lists.example.org", `Subject: ${subject}`,
    "Date: Mon, 1 Jul 2024 12:00:00 +0000", `Message-ID: <${id}>`, ...(replyTo ? [`In-Reply-To: <${replyTo}>`] : []), "", "diff", "", "",
  ].join("\n");
}

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const log = console.log, error = console.error;
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    return { code: await fn(), out: out.join("\n"), err: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test("parseThreadRef: ids without '@', bare or in a lore URL", () => {
  assert.equal(parseThreadRef("20240701120000.GA1234", "http://h/").messageId, "20240701120000.GA1234");
  assert.equal(parseThreadRef("<20240701120000.GA1234>", "http://h/").messageId, "20240701120000.GA1234");
  assert.equal(parseThreadRef("<<odd>x>", "http://h/").messageId, "<odd>x");
  for (const url of ["https://lore.kernel.org/netdev/20240701120000.GA1234/", "https://lore.kernel.org/netdev/20240701120000.GA1234/T/#u",
    "https://lore.kernel.org/netdev/20240701120000.GA1234/t.mbox.gz", "https://lore.kernel.org/netdev/20240701120000.GA1234/raw"]) {
    assert.deepEqual(parseThreadRef(url, "http://h/"), { inbox: "https://lore.kernel.org/netdev/", messageId: "20240701120000.GA1234" }, url);
  }
  assert.throws(() => parseThreadRef("https://lore.kernel.org/netdev/T/", "http://h/"), /not a lore message URL/);
  // the site's links, lore.kernel.org/r/<id>, only redirect: the thread is fetched from /all/
  assert.deepEqual(parseThreadRef("https://lore.kernel.org/r/x@y.org", "http://h/"), { inbox: "https://lore.kernel.org/all/", messageId: "x@y.org" });
  assert.deepEqual(parseThreadRef("https://lore.kernel.org/r/20240701120000.GA1234", "http://h/"), { inbox: "https://lore.kernel.org/all/", messageId: "20240701120000.GA1234" });
});

test("series <id>: stored ids without '@' or starting with '<' are found; an unknown id is 'not in the store'", async () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, [
      mail("20240701120000.GA1234", "[PATCH 0/1] zoo: things"),
      mail("patch-one", "[PATCH 1/1] zoo: one", "20240701120000.GA1234"),
      mail("<odd>x", "[PATCH] zoo: odd"),
    ].join(""));
    const storeDir = join(t.dir, "store");
    const store = await openStore(storeDir);
    try {
      await ingest(store, [openSource(`zoo=${mbox}`)], { lists: [{ name: "zoo", address: "zoo@lists.example.org" }] });
      await writeDerivedTables(store, analyzeCorpus(await readCorpus(store, ["zoo"]), { deferLayout: () => {} }));
      assert.deepEqual((await store.query("SELECT series_id FROM series ORDER BY 1")).map((r: any) => r.series_id), ["20240701120000.GA1234", "<odd>x"]);
    } finally {
      await store.close();
    }
    for (const arg of ["20240701120000.GA1234", "<20240701120000.GA1234>", "patch-one", "<patch-one>",
      "https://lore.kernel.org/zoo/20240701120000.GA1234/T/#u"]) {
      const r = await capture(() => seriesCommand(["--store", storeDir, "--json", arg]));
      assert.equal(r.code, 0, `${arg}: ${r.err}`);
      assert.equal(JSON.parse(r.out).revisions[0].series_id, "20240701120000.GA1234", arg);
    }
    for (const arg of ["<odd>x", "<<odd>x>"]) {
      const r = await capture(() => seriesCommand(["--store", storeDir, "--json", arg]));
      assert.equal(r.code, 0, `${arg}: ${r.err}`);
      assert.equal(JSON.parse(r.out).revisions[0].series_id, "<odd>x", arg);
    }
    const unknown = await capture(() => seriesCommand(["--store", storeDir, "--json", "nosuch-id"]));
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /nosuch-id: not in the store/);
  } finally {
    t.cleanup();
  }
});

test("thread <id>: an id without '@' is fetched from <inbox>/<id>/t.mbox.gz and stored", async () => {
  const t = tempDir();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url === "/ibx/asked%40example.org/t.mbox.gz") { // a stale cache: another thread
      res.writeHead(200, { "content-type": "application/gzip" });
      res.end(gzipSync(mail("other@example.org", "[PATCH] other") + mail("other-reply@example.org", "Re: [PATCH] other", "other@example.org")));
    } else if (req.url === "/ibx/20240701120000.GA1234/t.mbox.gz") {
      res.writeHead(200, { "content-type": "application/gzip" });
      res.end(gzipSync(mail("20240701120000.GA1234", "[PATCH] zoo: no at") + mail("reply-no-at", "Re: [PATCH] zoo: no at", "20240701120000.GA1234")));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const inbox = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ibx/`;
  try {
    const storeDir = join(t.dir, "store");
    const r = await capture(() => threadCommand(["--store", storeDir, "--no-analyze", "--inbox", inbox, "<20240701120000.GA1234>"]));
    assert.equal(r.code, 0, r.err);
    const store = await openStore(storeDir);
    try {
      assert.deepEqual((await store.query("SELECT message_id FROM messages ORDER BY 1")).map((x: any) => x.message_id), ["20240701120000.GA1234", "reply-no-at"]);
    } finally {
      await store.close();
    }
    const missing = await capture(() => threadCommand(["--store", storeDir, "--no-analyze", "--inbox", inbox, "nosuch-id"]));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no such message/);
    // an answer without the asked message is another thread: refused, nothing stored (no store made)
    const fresh = join(t.dir, "fresh");
    const wrong = await capture(() => threadCommand(["--store", fresh, "--no-analyze", "--inbox", inbox, "asked@example.org"]));
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /answered with 2 messages, none of them asked@example\.org: another thread/);
    assert.ok(!existsSync(fresh), "the failed fetch left no store");
  } finally {
    server.close();
    t.cleanup();
  }
});
