// K: keywords (loaders/maintainers/keywords.ts) on a synthetic MAINTAINERS and synthetic patches:
// matched line by line against the whole patch text as get_maintainer.pl --keywords does, Perl
// forms translated, unsafe patterns rejected and counted, hostile input bounded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { KeywordMatcher, MAX_LINE } from "../../loaders/maintainers/keywords.ts";
import { maintainersText } from "./snippet.ts";

const M = parseMaintainers(maintainersText(
  ["PHY LINK", "M:\tP <p@example.org>", "F:\tdrivers/net/phy/phylink.c", "K:\tphylink\\.h|struct\\s+phylink|phylink_(connect|create)"],
  ["RUSTY", "M:\tR <r@example.org>", "F:\trust/", "K:\t\\b(?i:rust)\\b"],
  ["ECHOES", "M:\tE <e@example.org>", "F:\techo/", "K:\t(a)\\1", "K:\t(?<=x)y"],
  ["XDP", "M:\tX <x@example.org>", "F:\tnet/xdp/", "K:\t(?:\\b|_)xdp(?:\\b|_)"],
));
const patch = (body: string) => `Subject: [PATCH] something\n\n${body}\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1 @@\n-old\n+new\n`;

test("K: patterns match any line of the patch text, commit message included; Perl (?i:) works; sections in MAINTAINERS order", () => {
  const k = new KeywordMatcher(M.sections);
  assert.deepEqual(k.match(patch("Convert the driver to phylink_create().")).sections, ["PHY LINK"]);
  assert.deepEqual(k.match(patch("Add a RUST binding, and an xdp_ hook (XDP alone is no match: case counts).")).sections, ["RUSTY", "XDP"]);
  assert.deepEqual(k.match(patch("Nothing relevant: trusty, rustic, phy link.")).sections, []);
  // a match needs one line: "struct" and "phylink" on two lines are no "struct\s+phylink"
  assert.deepEqual(k.match("struct\nphylink_x").sections, []);
  assert.deepEqual(k.match("+\tstruct  phylink *pl;").sections, ["PHY LINK"]);
});

test("K: patterns V8's linear engine cannot run (backreference, lookbehind) are rejected and counted, the rest still work", () => {
  const k = new KeywordMatcher(M.sections);
  assert.equal(k.problems.length, 2);
  assert.ok(k.problems.every((p) => p.reason.startsWith("ECHOES: K: ")));
  assert.equal(k.size, 3);
});

test("long lines are cut at MAX_LINE and flagged; a keyword beyond the cut is not seen", () => {
  const k = new KeywordMatcher(M.sections);
  const r = k.match(`${"x".repeat(MAX_LINE + 10)} rust\nshort line`);
  assert.deepEqual(r, { sections: [], truncated: true });
  assert.equal(k.match("a rust line").truncated, false);
});

// In a child process: a catastrophic regex would block this one, and no in-process timeout could fire.
test("a hostile K: against a hostile 1 MiB patch finishes instead of backtracking for hours", () => {
  const code = `
    import { parseMaintainers } from ${JSON.stringify(new URL("../../loaders/maintainers/parse.ts", import.meta.url).pathname)};
    import { KeywordMatcher } from ${JSON.stringify(new URL("../../loaders/maintainers/keywords.ts", import.meta.url).pathname)};
    const m = parseMaintainers(["Maintainers List", "----------------", "", "EVIL", "M:\\tE <e@example.org>", "K:\\t(a+)+$", "K:\\t(\\\\s*\\\\s*)*x$", ""].join("\\n"));
    const k = new KeywordMatcher(m.sections);
    const line = "a".repeat(999) + "!";
    console.log(JSON.stringify(k.match(Array(1100).fill(line).join("\\n"))));`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { timeout: 60_000, encoding: "utf8" });
  assert.equal(r.signal, null, "the keyword match did not finish within 60 s (catastrophic backtracking)");
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { sections: [], truncated: true });
});
