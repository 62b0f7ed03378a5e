// Differential test: the fast path vs mailparser's simpleParser on the real corpora, for the
// fields both produce. All of linux-cxl and linux-rdma; every NETDEV_STEP-th netdev message
// (simpleParser is ~600 msg/s, so all 14k would take too long for a unit-test run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { openSource } from "../../loaders/sources/index.ts";
import { DEFAULT_LISTS } from "../../loaders/config.ts";
import { compareWithMailparser } from "./differential-compare.ts";

const CORPUS = "../shared/corpus/2024-h2";
const NETDEV_STEP = 10;
const plan: [string, number][] = [["linux-cxl", 1], ["linux-rdma", 1], ["netdev", NETDEV_STEP]];
const absent = !existsSync(CORPUS);

test("differential: fast path agrees with mailparser on >= 99.9% of corpus messages", { skip: absent && `SKIP: ${CORPUS} absent` }, async () => {
  let total = 0;
  let disagree = 0;
  for (const [list, step] of plan) {
    let i = 0;
    let n = 0;
    let bad = 0;
    for await (const it of openSource(`${list}=${CORPUS}/${list}.mbox.gz`).read()) {
      if (it.kind !== "message" || i++ % step !== 0) continue;
      n++;
      const diffs = await compareWithMailparser(it.bytes, { trackedLists: DEFAULT_LISTS, archiveList: list });
      if (diffs.length) {
        bad++;
        console.log(`  disagreement ${list} @${it.provenance.position}:\n    ${diffs.join("\n    ").slice(0, 600)}`);
      }
    }
    console.log(`differential ${list}: sample ${n} of ${i} (every ${step}), disagreements ${bad}`);
    total += n;
    disagree += bad;
  }
  const agreement = 1 - disagree / total;
  console.log(`differential total: ${total} messages, ${disagree} disagreements, agreement ${(agreement * 100).toFixed(3)}%`);
  assert.ok(total > 6000, "sample covers the corpora");
  assert.ok(agreement >= 0.999, `agreement ${(agreement * 100).toFixed(3)}% < 99.9%`);
});
