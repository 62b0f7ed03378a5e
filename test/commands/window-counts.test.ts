// Counts agree for any filter: `stats --json --since/--until/--lists/--no-bots` (DuckDB over the
// store) and the site's browser code (src/components/facts.js over facts.json) give the same
// headline figures, and both give the fixture's known truth. The fixture has what makes window
// definitions drift: a thread crossing the window edge, a cross-post, a bot, a NAK, a review, a
// reviewer who is a bot, a message on an untracked list only, and an undated message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../store/helpers.ts";
// @ts-expect-error plain browser JS module without types
import { decodeFacts, windowCounts } from "../../src/components/facts.js";
import { cli as inProcess } from "../helpers/cli-in-process.ts";

// In-process (test/helpers/cli-in-process.ts): what the commands do, not the process boundary (test/cli.test.ts).
const tg = (...args: string[]) => inProcess(args, { env: { THREADGRAPH_STORE: "" } });

const LIST = { netdev: "netdev@vger.kernel.org", rdma: "linux-rdma@vger.kernel.org", other: "other@lists.example" };
function message(id: string, from: string, to: string[], subject: string, date: Date | null, body: string, parent?: string): string {
  return [`From mboxrd@z Thu Jan  1 00:00:00 1970`, `From: ${from}`, `To: ${to.join(", ")}`, `Subject: ${subject}`,
    ...(date ? [`Date: ${date.toUTCString()}`] : []), `Message-ID: <${id}@synthetic.example>`,
    ...(parent ? [`In-Reply-To: <${parent}@synthetic.example>`] : []), "", body, "", ""].join("\n");
}
const jul = (d: number, h = 12) => new Date(Date.UTC(2024, 6, d, h));
const ANN = "Ann Author <ann@synthetic.example>", BOB = "Bob Reviewer <bob@synthetic.example>";
const CAT = "Cat Rdma <cat@synthetic.example>", ROBOT = "kernel test robot <lkp@intel.com>";

const MBOX = [
  message("p1", ANN, [LIST.netdev, LIST.rdma], "[PATCH] net: one", jul(1), "change\n\nSigned-off-by: Ann Author <ann@synthetic.example>"),
  message("r1", BOB, [LIST.netdev, LIST.rdma], "Re: [PATCH] net: one", jul(2), "> change\n\nReviewed-by: Bob Reviewer <bob@synthetic.example>", "p1"),
  message("b1", ROBOT, [LIST.netdev], "Re: [PATCH] net: one", jul(9, 23), "build failed", "p1"),
  // Crosses the window edge: the reply on the 10th, its root on the 1st.
  message("n1", CAT, [LIST.netdev, LIST.rdma], "Re: [PATCH] net: one", jul(10, 0), "> change\n\nNacked-by: Cat Rdma <cat@synthetic.example>", "p1"),
  message("p2", CAT, [LIST.rdma], "[PATCH] rdma: two", jul(12), "change\n\nSigned-off-by: Cat Rdma <cat@synthetic.example>"),
  message("r2", ROBOT, [LIST.rdma], "Re: [PATCH] rdma: two", jul(13), "> change\n\nTested-by: kernel test robot <lkp@intel.com>", "p2"),
  message("o1", "Dee Other <dee@synthetic.example>", [LIST.other], "unrelated", jul(14), "hello"),
  message("u1", ANN, [LIST.netdev], "undated note", null, "no date here"),
].join("");

test("stats --since/--until/--lists/--no-bots and the site's facts give the same figures", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-window-counts-");
  try {
    const store = join(t.dir, "store"), mbox = join(t.dir, "a.mbox");
    writeFileSync(mbox, MBOX);
    // One archive, one tag (giving it twice is a usage error; the second tag used to win anyway):
    // netdev mail is netdev by its To:, o1 (addressed to no tracked list) counts for linux-rdma.
    const ing = await tg("ingest", "--store", store, `linux-rdma=${mbox}`);
    assert.equal(ing.status, 0, ing.stderr);
    const facts = decodeFacts(JSON.parse(readFileSync(join(store, "site/facts.json"), "utf8")));
    const stats = async (args: string[]) => {
      const r = await tg("stats", "--store", store, "--json", ...args);
      assert.equal(r.status, 0, r.stderr);
      const w = JSON.parse(r.stdout).window;
      assert.equal(w.scope, "filter");
      return { messages: w.messages, threads: w.threads, people: w.people, reviews: w.reviews, naks: w.naks };
    };
    const filters: { args: string[]; f: { from: string | null; to: string | null; lists: string[] | null; bots: boolean }; truth?: object }[] = [
      { args: ["--since", "2024-07-01"], f: { from: "2024-07-01", to: null, lists: null, bots: true },
        // Dated messages only (u1 is left out); people: Ann, Bob, Cat, Dee (the robot is a bot);
        // reviews: Bob's and, bots in, the robot's Tested-by.
        truth: { messages: 7, threads: 3, people: 4, reviews: 2, naks: 1 } },
      { args: ["--since", "2024-07-10", "--until", "2024-07-13"], f: { from: "2024-07-10", to: "2024-07-13", lists: null, bots: true },
        // n1 (00:00 on the 10th, in) and p2; b1 (23:00 on the 9th) out; r2 on the 13th out (until is exclusive).
        truth: { messages: 2, threads: 2, people: 1, reviews: 0, naks: 1 } },
      { args: ["--lists", "linux-rdma"], f: { from: null, to: null, lists: ["linux-rdma"], bots: true } },
      { args: ["--lists", "netdev", "--no-bots"], f: { from: null, to: null, lists: ["netdev"], bots: false },
        // p1 r1 n1 u1 (b1 is the robot's); NAK on a netdev thread; the robot's Tested-by is rdma only.
        truth: { messages: 4, threads: 2, people: 3, reviews: 1, naks: 1 } },
      { args: ["--no-bots"], f: { from: null, to: null, lists: null, bots: false } },
      { args: ["--since", "2024-07-13", "--no-bots"], f: { from: "2024-07-13", to: null, lists: null, bots: false } },
    ];
    for (const { args, f, truth } of filters) {
      const fromStats = await stats(args), fromSite = windowCounts(facts, f);
      assert.deepEqual(fromSite, fromStats, `site vs stats for ${args.join(" ")}`);
      if (truth) assert.deepEqual(fromStats, truth, `truth for ${args.join(" ")}`);
    }
    // Bots on vs off differ where the robot acted: its Tested-by is a review only with bots in.
    assert.equal(windowCounts(facts, { from: "2024-07-13", to: null, lists: null, bots: true }).reviews, 1);
    // A window that is not whole days is refused (the site filters days).
    const bad = await tg("stats", "--store", store, "--json", "--since", "2024-07-01T12:00:00Z");
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /use a day/);
    // A day that does not exist (Date.parse would roll it over to March) is refused too.
    const nonDay = await tg("stats", "--store", store, "--json", "--since", "2024-02-30");
    assert.equal(nonDay.status, 2);
    assert.match(nonDay.stderr, /no such day/);
  } finally {
    t.cleanup();
  }
});
