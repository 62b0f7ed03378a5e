// The wrong-list rule (sources/lore/slice-list.ts) against the real 2024-h2 per-list exports in
// ../shared: every real day-slice and week-slice of each list is accepted, and another list's
// slices served for this one are refused almost always (exact counts are printed, not asserted:
// they depend on the corpus; the refusals must be a large majority).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, existsSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { join } from "node:path";
import { SHARED } from "../helpers/shared.ts";
import { splitMbox } from "../../loaders/sources/mbox.ts";
import { messageLists } from "../../loaders/sync/message-lists.ts";
import { messageDate } from "../../loaders/sync/git-mode.ts";
import { checkSliceList, ownKeys } from "../../loaders/sources/lore/slice-list.ts";

const DAY = 86_400_000;
const LISTS = ["linux-cxl", "linux-rdma", "netdev"];
const file = (l: string) => join(SHARED, "corpus/2024-h2", `${l}.mbox.gz`);
const missing = LISTS.filter((l) => !existsSync(file(l)));

type Msg = { lists: string[]; t: number };

async function read(list: string): Promise<Msg[]> {
  const out: Msg[] = [];
  for await (const c of splitMbox(createReadStream(file(list)).pipe(createGunzip()))) out.push({ lists: messageLists(c.bytes), t: messageDate(c.bytes) ?? -1 });
  return out;
}

function slices(msgs: Msg[], days: number): Msg[][] {
  const by = new Map<number, Msg[]>();
  for (const m of msgs) {
    const k = Math.floor(m.t / (days * DAY));
    const s = by.get(k);
    if (s) s.push(m);
    else by.set(k, [m]);
  }
  return [...by.values()];
}

function accepted(slice: Msg[], list: string): boolean {
  const owns = ownKeys({ name: list, address: `${list}@vger.kernel.org`, inbox: `https://lore.kernel.org/${list}/` });
  const bytes = slice.map((_, i) => Buffer.from(String(i)));
  try {
    checkSliceList(bytes, (b) => slice[Number(b.toString())].lists, owns, list, "slice");
    return true;
  } catch {
    return false;
  }
}

test("every real day- and week-slice of each list passes the wrong-list rule; other lists' slices are refused", {
  skip: missing.length ? `needs ${missing.map(file).join(", ")} (../shared, or set THREADGRAPH_SHARED)` : false, timeout: 60_000,
}, async () => {
  for (const list of LISTS) {
    const msgs = await read(list);
    for (const days of [1, 7]) {
      const ss = slices(msgs, days);
      const refused = ss.filter((s) => !accepted(s, list)).length;
      assert.equal(refused, 0, `${list}: ${refused} of its own ${days}-day slices refused`);
      const cross = LISTS.filter((o) => o !== list).map((o) => `as ${o}: ${ss.filter((s) => !accepted(s, o)).length} refused`);
      console.log(`${list}: ${ss.length} real ${days}-day slices, all accepted; served as another list: ${cross.join(", ")}`);
      // Most of another list's slices are refused (not all: a day whose every message was cross-posted here is this list's mail too).
      for (const o of LISTS) if (o !== list) assert.ok(ss.filter((s) => !accepted(s, o)).length * 2 > ss.length, `${list} served as ${o}`);
    }
  }
});
