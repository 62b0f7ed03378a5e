// Real data (skipped when ../shared is absent): the net-next MAINTAINERS copy in
// ../shared/maintainers, whose README gives the counts checked here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMaintainers, type Maintainers } from "../../loaders/maintainers/parse.ts";
import { SectionMatcher } from "../../loaders/maintainers/match.ts";
import { maintainersLists } from "../../loaders/maintainers/lists.ts";
import { naiveMatcher } from "./naive-match.ts";
import { SHARED } from "../helpers/shared.ts";
import { pathsFromPatterns } from "./pattern-paths.ts";

const FILE = join(SHARED, "maintainers/MAINTAINERS");
let cached: Maintainers | null = null;
function load(t: { skip(msg: string): void }): Maintainers | null {
  if (!existsSync(FILE)) { t.skip(`${FILE} absent: real MAINTAINERS tests skipped`); return null; }
  return (cached ??= parseMaintainers(readFileSync(FILE, "utf8")));
}

test("real MAINTAINERS: 3,291 sections from 3C509 NETWORK DRIVER to THE REST, no problems", (t) => {
  const m = load(t); if (!m) return;
  assert.equal(m.sections.length, 3291);
  assert.equal(m.sections[0].name, "3C509 NETWORK DRIVER");
  assert.equal(m.sections.at(-1)!.name, "THE REST");
  assert.deepEqual(m.problems, []);
  assert.deepEqual(new SectionMatcher(m).problems, []);
});

test("real MAINTAINERS: 5 / 248 / 28 sections list linux-cxl / netdev / linux-rdma", (t) => {
  const m = load(t); if (!m) return;
  const counts = maintainersLists(m.sections);
  assert.equal(counts.get("linux-cxl@vger.kernel.org"), 5);
  assert.equal(counts.get("netdev@vger.kernel.org"), 248);
  assert.equal(counts.get("linux-rdma@vger.kernel.org"), 28);
});

test("real MAINTAINERS: the CXL, InfiniBand and networking files rank their subsystem first", (t) => {
  const m = load(t); if (!m) return;
  const sm = new SectionMatcher(m);
  const top = (p: string, n: number) => sm.match(p).slice(0, n).map((x) => x.section.name);
  assert.equal(top("drivers/cxl/core/region.c", 1)[0], "COMPUTE EXPRESS LINK (CXL)");
  assert.ok(top("drivers/infiniband/core/verbs.c", 2).includes("INFINIBAND SUBSYSTEM"));
  assert.ok(top("drivers/infiniband/hw/mlx5/main.c", 2).includes("INFINIBAND SUBSYSTEM"));
  assert.equal(top("net/core/dev.c", 1)[0], "NETWORKING [GENERAL]");
  const cxl = m.sections.find((s) => s.name === "COMPUTE EXPRESS LINK (CXL)")!;
  assert.ok(cxl.maintainers.length >= 3 && cxl.maintainers.every((p) => p.email.includes("@")));
  assert.deepEqual(cxl.lists, ["linux-cxl@vger.kernel.org"]);
});

test("real MAINTAINERS: the trie matcher agrees with the naive every-pattern scan on a path per pattern", (t) => {
  const m = load(t); if (!m) return;
  const sm = new SectionMatcher(m);
  const naive = naiveMatcher(m);
  const paths = pathsFromPatterns(m).filter((_, i) => i % 50 === 0); // a sample: the naive scan is slow
  assert.ok(paths.length > 200);
  for (const p of paths) assert.deepEqual(sm.match(p).map((x) => ({ name: x.section.name, depth: x.depth })), naive(p), p);
});
