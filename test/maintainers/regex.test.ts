import { test } from "node:test";
import assert from "node:assert/strict";
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
