// The single page loader (src/data/site.zip.ts) and the cache that must follow the store.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { zipFiles } from "../../loaders/analysis/run.ts";
import { archivePart } from "../../loaders/analysis/archive.ts";
import { ARTIFACT_SCHEMA } from "../../loaders/analysis/artifacts.ts";
import { cli as inProcess } from "../helpers/cli-in-process.ts";

/** Read one entry from a zip (central directory walk), as Framework's extractor would. */
function unzipEntry(zip: Buffer, name: string): string | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(p + 10), size = zip.readUInt32LE(p + 20), nlen = zip.readUInt16LE(p + 28);
    const elen = zip.readUInt16LE(p + 30), clen = zip.readUInt16LE(p + 32), off = zip.readUInt32LE(p + 42);
    const n = zip.subarray(p + 46, p + 46 + nlen).toString("utf8");
    if (n === name) {
      const lnlen = zip.readUInt16LE(off + 26), lelen = zip.readUInt16LE(off + 28);
      const body = zip.subarray(off + 30 + lnlen + lelen, off + 30 + lnlen + lelen + size);
      return (method === 8 ? inflateRawSync(body) : body).toString("utf8");
    }
    p += 46 + nlen + elen + clen;
  }
  return null;
}

test("zip writer round-trips (stored and deflated entries)", () => {
  const z = zipFiles(new Map([["a.json", '{"x":1}'], ["person/k.json", "y".repeat(5000)]]));
  assert.equal(unzipEntry(z, "a.json"), '{"x":1}');
  assert.equal(unzipEntry(z, "person/k.json"), "y".repeat(5000));
  assert.equal(unzipEntry(z, "nope"), null);
});

test("archives split top-level files from person and thread details, paths relative to each archive", () => {
  const files = new Map([["meta.json", "{}"], ["graph.json", "[]"], ["person/p1.json", "P"], ["thread/t1.json", "T"]]);
  assert.equal(unzipEntry(archivePart(files, "site"), "meta.json"), "{}");
  assert.equal(unzipEntry(archivePart(files, "site"), "person/p1.json"), null);
  assert.equal(unzipEntry(archivePart(files, "person"), "p1.json"), "P");
  assert.equal(unzipEntry(archivePart(files, "person"), "t1.json"), null);
  assert.equal(unzipEntry(archivePart(files, "thread"), "t1.json"), "T");
});

test("a missing store gives valid empty artifacts with meta.empty", () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-loader-"));
  try {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/data/site.zip.ts"], { env: { ...process.env, THREADGRAPH_STORE: join(tmp, "none") }, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr?.toString());
    const meta = JSON.parse(unzipEntry(r.stdout, "meta.json")!);
    assert.equal(meta.empty, true);
    assert.match(meta.hint, /ingest/);
    for (const f of ["graph.json", "people.json", "threads.json", "reviews.json", "facts.json", "facts-obs.json", "graph-buckets.json"]) {
      assert.ok(unzipEntry(r.stdout, f), f);
    }
    assert.equal(existsSync(join(tmp, "none")), false, "the loader must not create a store");
  } finally { rmSync(tmp, { recursive: true, force: true }); }
});

const mail = (id: string, from: string, date: string, extra = "") =>
  `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: ${from} <${from}@example.org>\nTo: alpha@example.org\nSubject: ${extra ? "Re: " : ""}synthetic topic\n` +
  `Date: ${date}\nMessage-ID: <${id}@example.org>\n${extra}\nbody\n\n`;

/** Run the CLI in-process (test/helpers/cli-in-process.ts); it must succeed. The loaders stay processes. */
async function cli(...args: string[]): Promise<void> {
  const r = await inProcess(args);
  assert.equal(r.status, 0, r.stderr);
}

test("after a refresh the loader serves the new store state, not stale artifacts", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-refresh-"));
  try {
    const store = join(tmp, "store");
    const loader = () => {
      const r = spawnSync(process.execPath, ["--import", "tsx", "src/data/site.zip.ts"], { env: { ...process.env, THREADGRAPH_STORE: store }, maxBuffer: 1 << 26 });
      assert.equal(r.status, 0, r.stderr?.toString());
      return JSON.parse(unzipEntry(r.stdout, "meta.json")!);
    };
    writeFileSync(join(tmp, "a.mbox"), mail("a1", "ann", "Mon, 1 Jul 2024 10:00:00 +0000"));
    await cli("ingest", "--store", store, "--list", "alpha=alpha@example.org", `alpha=${join(tmp, "a.mbox")}`);
    await cli("analyze", "--store", store);
    const before = loader();
    assert.equal(before.counts.messages, 1);
    // Refresh the store without re-running analyze: the loader must notice the new version.
    writeFileSync(join(tmp, "b.mbox"), mail("b1", "bob", "Mon, 1 Jul 2024 12:00:00 +0000", "In-Reply-To: <a1@example.org>\n"));
    await cli("ingest", "--store", store, "--list", "alpha=alpha@example.org", `alpha=${join(tmp, "b.mbox")}`);
    const after = loader();
    assert.equal(after.counts.messages, 2);
    assert.equal(after.counts.reply_messages, 1);
    assert.notEqual(after.store_version, before.store_version);
  } finally { rmSync(tmp, { recursive: true, force: true }); }
});

test("a stale site dir is recomputed with the report window saved in the store", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-window-"));
  try {
    const store = join(tmp, "store");
    writeFileSync(join(tmp, "a.mbox"), mail("a1", "ann", "Mon, 1 Jul 2024 10:00:00 +0000") + mail("a2", "ann", "Mon, 2 Sep 2024 10:00:00 +0000"));
    await cli("ingest", "--store", store, "--no-analyze", "--list", "alpha=alpha@example.org", `alpha=${join(tmp, "a.mbox")}`);
    await cli("analyze", "--store", store, "--since", "2024-08-01", "--until", "2025-01-01");
    // New mail without a refresh: the site dir is stale, so the loader computes in memory.
    writeFileSync(join(tmp, "b.mbox"), mail("b1", "bob", "Tue, 3 Sep 2024 12:00:00 +0000", "In-Reply-To: <a2@example.org>\n"));
    await cli("ingest", "--store", store, "--no-analyze", "--list", "alpha=alpha@example.org", `alpha=${join(tmp, "b.mbox")}`);
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/data/site.zip.ts"], { env: { ...process.env, THREADGRAPH_STORE: store }, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr?.toString());
    const meta = JSON.parse(unzipEntry(r.stdout, "meta.json")!);
    assert.equal(meta.counts.messages, 2, "a1 (July) is outside the saved window; a2 and b1 are inside");
    assert.equal(meta.window.start, Date.parse("2024-08-01"));
  } finally { rmSync(tmp, { recursive: true, force: true }); }
});

test("a site dir written before a newer artifact existed is recomputed, not served without it", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-missing-"));
  try {
    const store = join(tmp, "store");
    writeFileSync(join(tmp, "a.mbox"), mail("a1", "ann", "Mon, 1 Jul 2024 10:00:00 +0000"));
    await cli("ingest", "--store", store, "--list", "alpha=alpha@example.org", `alpha=${join(tmp, "a.mbox")}`);
    // as if an older analyze had written this dir for the same store version
    rmSync(join(store, "site", "facts-affiliations.json"));
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/data/site.zip.ts"], { env: { ...process.env, THREADGRAPH_STORE: store }, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr?.toString());
    const aff = unzipEntry(r.stdout, "facts-affiliations.json");
    assert.ok(aff, "the loader serves facts-affiliations.json");
    assert.equal(JSON.parse(aff!).subsystem.length, 1, "one person (ann)");
  } finally { rmSync(tmp, { recursive: true, force: true }); }
});

test("a site dir written with another artifact schema (an older shard format) is recomputed, not served", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-schema-"));
  try {
    const store = join(tmp, "store");
    writeFileSync(join(tmp, "a.mbox"), mail("a1", "ann", "Mon, 1 Jul 2024 10:00:00 +0000") + mail("a2", "bob", "Mon, 1 Jul 2024 11:00:00 +0000", "In-Reply-To: <a1@example.org>\n"));
    await cli("ingest", "--store", store, "--list", "alpha=alpha@example.org", `alpha=${join(tmp, "a.mbox")}`);
    // as if an older analyze had written this dir, same store version, files in the old format
    const metaPath = join(store, "site", "meta.json");
    writeFileSync(metaPath, JSON.stringify({ ...JSON.parse(readFileSync(metaPath, "utf8")), schema: ARTIFACT_SCHEMA - 1, counts: { messages: 999 } }));
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/data/site.zip.ts"], { env: { ...process.env, THREADGRAPH_STORE: store }, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr?.toString());
    const meta = JSON.parse(unzipEntry(r.stdout, "meta.json")!);
    assert.equal(meta.schema, ARTIFACT_SCHEMA);
    assert.equal(meta.counts.messages, 2, "computed from the store, not the old dir");
  } finally { rmSync(tmp, { recursive: true, force: true }); }
});
