// Real data (skipped when ../shared is absent): patches of the 2024-h2 corpus whose diff
// touches drivers/cxl/ (drivers/infiniband/) map to COMPUTE EXPRESS LINK (CXL) (INFINIBAND
// SUBSYSTEM). "Touches" is counted independently, by a plain line test on the raw message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { mboxSource } from "../../loaders/sources/mbox.ts";
import { diffFiles } from "../../loaders/parse/diff-files.ts";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { SectionMatcher } from "../../loaders/maintainers/match.ts";
import { SHARED } from "../helpers/shared.ts";

const FILE = join(SHARED, "maintainers/MAINTAINERS");
const CASES = [
  { list: "linux-cxl", dir: "drivers/cxl/", section: "COMPUTE EXPRESS LINK (CXL)" },
  { list: "linux-rdma", dir: "drivers/infiniband/", section: "INFINIBAND SUBSYSTEM" },
];

for (const c of CASES) {
  test(`2024-h2 ${c.list}: patches touching ${c.dir} map to ${c.section} (>= 99%)`, { timeout: 120_000 }, async (t) => {
    const mbox = join(SHARED, `corpus/2024-h2/${c.list}.mbox.gz`);
    if (!existsSync(FILE) || !existsSync(mbox)) { t.skip(`${FILE} or ${mbox} absent: real-corpus subsystem test skipped`); return; }
    const sm = new SectionMatcher(parseMaintainers(readFileSync(FILE, "utf8")));
    const heads = ["diff --git a/", "--- a/", "+++ b/"].map((h) => h + c.dir);
    let touched = 0, mapped = 0;
    const misses: string[] = [];
    for await (const item of mboxSource(mbox).read()) {
      if (item.kind !== "message") continue;
      const text = item.bytes.toString("utf8");
      if (!text.split("\n").some((l) => heads.some((h) => l.startsWith(h)))) continue;
      touched++;
      if (sm.matchAll(diffFiles(text)).some((m) => m.section.name === c.section)) mapped++;
      else misses.push(text.slice(0, 200));
    }
    assert.ok(touched >= 100, `only ${touched} patches touch ${c.dir}`);
    t.diagnostic(`${mapped} / ${touched} map to ${c.section}`);
    assert.ok(mapped / touched >= 0.99, `${mapped}/${touched}; first misses: ${misses.slice(0, 3).join("\n---\n")}`);
  });
}
