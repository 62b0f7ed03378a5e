import { test } from "node:test";
import assert from "node:assert/strict";
import { isBot, BOT_LIST_VERSION } from "../../loaders/parse/bots.ts";

test("bots: known bots by address and name", () => {
  assert.match(BOT_LIST_VERSION, /^\d{4}-\d{2}-\d{2}/);
  assert.ok(isBot({ name: "kernel test robot", email: "lkp@intel.com" }));
  assert.ok(isBot({ name: "syzbot", email: "syzbot+0123abcd@syzkaller.appspotmail.com" }));
  assert.ok(isBot({ name: "", email: "patchwork-bot+netdevbpf@kernel.org" }));
  assert.ok(isBot({ name: "KernelCI bot", email: "bot@kernelci.org" }));
});

test("bots: heuristics on addresses, names and headers", () => {
  assert.ok(isBot({ name: "", email: "noreply@github.com" }));
  assert.ok(isBot({ name: "", email: "ci-bot@example.com" }));
  assert.ok(isBot({ name: "Build Bot", email: "builds@example.com" }));
  assert.ok(isBot({ name: "Abaci Robot", email: "abaci@example.com" }), "any 'robot' in the name");
  assert.ok(isBot({ name: "Jane", email: "jane@example.com" }, { "x-patchwork-bot": "notify" }));
  assert.ok(isBot({ name: "Jane", email: "jane@example.com" }, { "auto-submitted": "auto-generated" }));
});

test("bots: people are not bots", () => {
  for (const a of [
    { name: "Abbot Person", email: "abbot@example.com" },
    { name: "Robert", email: "robert@example.com" },
    { name: "Robotham Smith", email: "rsmith@example.com" },
    { name: "Luci", email: "luci@example.com" },
    { name: "Ann", email: "ann.ci-team@example.com".replace("ci-team", "cipher") },
  ]) assert.equal(isBot(a, { "auto-submitted": "no" }), false, a.email);
});
