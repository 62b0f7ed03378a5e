// git-mode sync reads an epoch through a date window: commits outside it are not stored, but the
// cursor moves past them. An epoch whose last commits fall outside the window is read to its end:
// a re-read (the window widened) clears, and later runs read nothing again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Window } from "../../loaders/model/window.ts";
import { epochSource } from "../../loaders/sync/git-mode.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { msg, tempDir } from "./helpers.ts";
import { buildEpoch } from "./git-epoch.ts";

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const SEPTEMBER = msg("late").replace("Mon, 1 Jul 2024", "Sun, 1 Sep 2024");

async function run(storeDir: string, epoch: string, w: Window) {
  const store = await openStore(storeDir);
  try {
    const s = (await ingest(store, [epochSource(epoch, "ksummit", w)])).sources[0];
    const cursor = Object.values(store.manifest().sources)[0]?.cursor as Record<string, unknown>;
    return { sum: s, cursor };
  } finally {
    await store.close();
  }
}

test("git-mode window: an epoch whose last commits are outside the window still ends its re-read", async (t) => {
  const d = tempDir(t);
  const epoch = buildEpoch(join(d, "inbox"), 0, [["m", msg("a"), 1720000000], ["m", SEPTEMBER, 1725000000]]);
  const storeDir = join(d, "store");
  const july = { since: day("2024-07-01"), until: day("2024-08-01") };
  const first = await run(storeDir, epoch, july);
  assert.deepEqual([first.sum.seen, first.sum.new], [1, 1], "the September message is outside");
  const wider = { since: day("2024-06-01"), until: day("2024-08-01") }; // reaches outside: read again
  const reread = await run(storeDir, epoch, wider);
  assert.deepEqual([reread.sum.seen, reread.sum.new, reread.sum.duplicate], [1, 0, 1]);
  assert.equal(reread.cursor.rereading, undefined, "the re-read ended with the epoch");
  const later = await run(storeDir, epoch, wider);
  assert.deepEqual([later.sum.seen, later.sum.duplicate], [0, 0], "nothing is read again");
});
