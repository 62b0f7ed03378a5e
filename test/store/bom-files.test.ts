// settings.json and manifest.json saved by an editor that adds a UTF-8 byte-order mark are read
// as they are: the saved report window still applies, the store still opens.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readStoreSettings } from "../../loaders/store/settings.ts";
import { readManifest } from "../../loaders/store/manifest.ts";
import { cli } from "../helpers/cli-in-process.ts";
import { oneMessageArchive } from "./helpers.ts";

test("settings.json and manifest.json with a byte-order mark are read", { timeout: 30_000 }, async (t) => {
  const { store, box } = oneMessageArchive(t, "tg-bom-");
  assert.equal((await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`])).status, 0);
  writeFileSync(join(store, "settings.json"), "\uFEFF" + JSON.stringify({ reportWindow: { since: "2024-06-01" } }));
  assert.deepEqual(readStoreSettings(store), { reportWindow: { since: "2024-06-01" } });
  const m = join(store, "manifest.json");
  writeFileSync(m, "\uFEFF" + readFileSync(m, "utf8"));
  assert.equal(readManifest(store).parts.messages.length, 1);
  const q = await cli(["query", "--store", store, "select count(*)::INT AS n from messages"]);
  assert.equal(q.status, 0, q.stderr);
  assert.match(q.stdout, /"n":1/);
});
