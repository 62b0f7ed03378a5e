import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { extendedRegex, requiredLiteral } from "../../loaders/maintainers/regex.ts";

test("Perl /x: whitespace outside classes and comments are dropped, escaped and in-class spaces kept", () => {
  assert.equal(extendedRegex("foo _ bar  # a comment").source, "foo_bar");
  assert.equal(extendedRegex("a\\ b[ x]").source, "a\\ b[ x]");
});

test("the literal every match must contain, or none when it is not certain", () => {
  const cases: [string, string][] = [
    ["[^a-z]tegra", "tegra"], ["bcm113*", "bcm11"], ["bcm[9]?47622", "47622"], ["\\bmxc[^\\d]", "mxc"],
    ["include\\/linux\\/page[-_][a-zA-Z]*", "include/linux/page"], ["^.*/vdso/[^/]*getrandom[^/]+$", "getrandom"],
    ["ab{2}cd", "cd"], ["x+yz", "yz"], ["foo|barbaz", ""], ["(abc)?def", ""], ["[abc", ""],
  ];
  for (const [re, lit] of cases) assert.equal(requiredLiteral(re), lit, re);
  // the literal really is in every match
  for (const [re, lit] of cases) {
    for (const s of ["a/tegra/b", "bcm1133", "bcm11", "bcm947622", "mxc_x", "include/linux/page-a", "a/vdso/getrandom.c", "abbcd", "xxyz"]) {
      if (new RegExp(re.startsWith("[abc") ? "$^" : re).test(s)) assert.ok(s.includes(lit), `${re} matched ${s} without ${lit}`);
    }
  }
});

test("Perl forms: (?i) and (?i:...) fold case; backreferences, lookaround and other modifiers are rejected with a reason", () => {
  assert.ok(extendedRegex("\\b(?i:rust)\\b").test("in Rust code"));
  assert.ok(!extendedRegex("\\b(?i:rust)\\b").test("trusty"));
  assert.ok(extendedRegex("(?i)pid[a-f]d").test("PIDFD"));
  assert.ok(extendedRegex("(?:\\b|_)bpf(?:\\b|_)").test("x_bpf_y"));
  assert.ok(!extendedRegex("[gG]oogle.?[tT]ensor").test("google sensor"));
  for (const bad of ["(a)\\1", "a(?=b)", "(?<!x)y", "(?s)a.b", "\\Qa.b\\E"]) assert.throws(() => extendedRegex(bad), /not supported|linear/, bad);
});

// Hostile N: entries run in a child process: a regex that backtracks for hours would block this
// one, and no in-process timeout could fire. The child must finish well within the guard.
test("a hostile N: regex ((a+)+$, nested stars) against long paths finishes at once instead of backtracking for hours", () => {
  const code = `
    import { parseMaintainers } from ${JSON.stringify(new URL("../../loaders/maintainers/parse.ts", import.meta.url).pathname)};
    import { SectionMatcher } from ${JSON.stringify(new URL("../../loaders/maintainers/match.ts", import.meta.url).pathname)};
    const text = ["Maintainers List", "----------------", "", "EVIL", "M:\\tE <e@example.org>", "N:\\t(a+)+$", "N:\\t(x+x+)+y", "N:\\t(\\\\w|\\\\d)*:", "",
      "BAD", "M:\\tB <b@example.org>", "N:\\t(a)\\\\1", ""].join("\\n");
    const m = new SectionMatcher(parseMaintainers(text));
    const hits = [m.match("drivers/" + "a".repeat(5000) + "/b.c"), m.match("x".repeat(20000)), m.match("a1".repeat(10000) + "!"), m.match("drivers/aaa")]
      .map((r) => r.map((x) => x.section.name).join(","));
    console.log(JSON.stringify({ hits, problems: m.problems.length }));`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { timeout: 20_000, encoding: "utf8" });
  assert.equal(r.signal, null, "the match did not finish within 20 s (catastrophic backtracking)");
  assert.equal(r.status, 0, r.stderr);
  // the regexes still match what they should; the backreference is a counted problem
  assert.deepEqual(JSON.parse(r.stdout), { hits: ["", "", "", "EVIL"], problems: 1 });
});
