// The matching rules, each case written from get_maintainer.pl's documented behaviour (the
// MAINTAINERS header and its --help): see docs/maintainers.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { SectionMatcher } from "../../loaders/maintainers/match.ts";
import { maintainersText, THE_REST } from "./snippet.ts";
import { naiveMatcher } from "./naive-match.ts";

function matcher(...sections: string[][]): SectionMatcher {
  return new SectionMatcher(parseMaintainers(maintainersText(...sections, THE_REST)));
}
/** Section names for a path, best first, without THE REST. */
function names(m: SectionMatcher, path: string): string[] {
  return m.match(path).map((x) => x.section.name).filter((n) => n !== "THE REST");
}

test("F: with a trailing slash matches the whole tree below, and nothing beside it", () => {
  const m = matcher(["NET", "F:\tdrivers/net/"]);
  assert.deepEqual(names(m, "drivers/net/a.c"), ["NET"]);
  assert.deepEqual(names(m, "drivers/net/x/y/z.c"), ["NET"]);
  assert.deepEqual(names(m, "drivers/netfoo.c"), []);
  assert.deepEqual(names(m, "drivers/network/a.c"), []);
  assert.deepEqual(names(m, "xdrivers/net/a.c"), []);
});

test("* and ? stay inside one path component", () => {
  const m = matcher(["STAR", "F:\tdrivers/net/*"], ["QMARK", "F:\tdrivers/a?c"], ["MID", "F:\tarch/*/boot/"],
    ["TYPHOON", "F:\tdrivers/3com/typhoon*"]);
  assert.deepEqual(names(m, "drivers/net/a.c"), ["STAR"]);
  assert.deepEqual(names(m, "drivers/net/x/a.c"), []);
  assert.deepEqual(names(m, "drivers/abc"), ["QMARK"]);
  assert.deepEqual(names(m, "drivers/a/c"), []);
  assert.deepEqual(names(m, "arch/arm/boot/dts/x.dts"), ["MID"]);
  assert.deepEqual(names(m, "arch/arm/mach/boot/x.dts"), []);
  assert.deepEqual(names(m, "drivers/3com/typhoon.c"), ["TYPHOON"]);
  assert.deepEqual(names(m, "drivers/3com/typhoon/x.c"), []);
});

test("character classes and ** (any number of directories, as the header's fs/**/*foo*.c)", () => {
  const m = matcher(["CH", "F:\tdrivers/irq-gic*.[ch]"], ["NEG", "F:\tdrivers/x[!0-9].c"], ["FOO", "F:\tfs/**/*foo*.c"]);
  assert.deepEqual(names(m, "drivers/irq-gic-v3.c"), ["CH"]);
  assert.deepEqual(names(m, "drivers/irq-gic.h"), ["CH"]);
  assert.deepEqual(names(m, "drivers/irq-gic.s"), []);
  assert.deepEqual(names(m, "drivers/xa.c"), ["NEG"]);
  assert.deepEqual(names(m, "drivers/x1.c"), []);
  assert.deepEqual(names(m, "fs/afoo.c"), ["FOO"]);
  assert.deepEqual(names(m, "fs/a/b/foobar.c"), ["FOO"]);
  assert.deepEqual(names(m, "fs/a/b/bar.c"), []);
  assert.deepEqual(names(m, "fs/a/foo.h"), []);
});

test("a glob-free pattern names a file or a directory: it matches itself and everything below", () => {
  const m = matcher(["CXL", "F:\tdrivers/cxl"], ["HDR", "F:\tinclude/linux/cxl.h"]);
  assert.deepEqual(names(m, "drivers/cxl"), ["CXL"]);
  assert.deepEqual(names(m, "drivers/cxl/core/region.c"), ["CXL"]);
  assert.deepEqual(names(m, "drivers/cxlfoo.c"), []);
  assert.deepEqual(names(m, "include/linux/cxl.h"), ["HDR"]);
  // get_maintainer's prefix match would also take cxl.hx; a file pattern here names that file only
  assert.deepEqual(names(m, "include/linux/cxl.hx"), []);
});

test("X: excludes first, for F: and N: alike, and only in its own section", () => {
  const m = matcher(["NET", "F:\tnet/", "X:\tnet/ipv6/", "N:\tmagic"], ["IPV6", "F:\tnet/ipv6/"]);
  assert.deepEqual(names(m, "net/ipv4/route.c"), ["NET"]);
  assert.deepEqual(names(m, "net/ipv6/route.c"), ["IPV6"]);
  assert.deepEqual(names(m, "net/ipv6/magic.c"), ["IPV6"]);
  assert.deepEqual(names(m, "drivers/magic.c"), ["NET"]);
});

test("N: is a regex searched anywhere in the path, with Perl /x whitespace ignored", () => {
  const m = matcher(["TEGRA", "N:\t[^a-z]tegra"], ["SPACED", "N:\tfoo _ bar"], ["ANCHORED", "N:\t^.*/vdso/[^/]*rand[^/]+$"]);
  assert.deepEqual(names(m, "drivers/gpu/tegra/x.c"), ["TEGRA"]);
  assert.deepEqual(names(m, "arch/arm/mach-integrator/x.c"), []);
  assert.deepEqual(names(m, "lib/foo_bar.c"), ["SPACED"]);
  assert.deepEqual(names(m, "arch/x86/vdso/getrandom.c"), ["ANCHORED"]);
  assert.deepEqual(names(m, "arch/x86/vdso/sub/getrandom.c"), []);
});

test("ranking: deepest matching pattern first, N: at depth 0, THE REST last; ties keep file order", () => {
  const m = matcher(
    ["B DRIVERS", "F:\tdrivers/"],
    ["A NETDRV", "F:\tdrivers/net/"],
    ["MLX", "F:\tdrivers/net/mlx/", "F:\tdrivers/"],
    ["MLX CORE", "F:\tdrivers/net/mlx/core/main.c"],
    ["REGEX", "N:\tmlx"],
    ["ALSO NET", "F:\tdrivers/net/"],
  );
  const got = m.match("drivers/net/mlx/core/main.c").map((x) => [x.section.name, x.depth]);
  assert.deepEqual(got, [["MLX CORE", 5], ["MLX", 3], ["A NETDRV", 2], ["ALSO NET", 2], ["B DRIVERS", 1], ["REGEX", 0], ["THE REST", -1]]);
  assert.deepEqual(m.match("README").map((x) => [x.section.name, x.depth]), [["THE REST", -1]]);
});

test("a patch's files: every section of any file, each at its best depth", () => {
  const m = matcher(["NET", "F:\tnet/"], ["CXL", "F:\tdrivers/cxl/"], ["CXL CORE", "F:\tdrivers/cxl/core/"]);
  const got = m.matchAll(["net/core/dev.c", "drivers/cxl/core/region.c", "drivers/cxl/pci.c"]).map((x) => [x.section.name, x.depth]);
  assert.deepEqual(got, [["CXL CORE", 3], ["CXL", 2], ["NET", 1], ["THE REST", -1]]);
});

test("a bad N: regex is counted and skipped; the rest of the file still matches", () => {
  const m = matcher(["BAD", "N:\t(unclosed", "F:\tbad/"]);
  assert.equal(m.problems.length, 1);
  assert.match(m.problems[0].reason, /BAD: N: \(unclosed/);
  assert.deepEqual(names(m, "bad/x.c"), ["BAD"]);
});

test("the trie agrees with the naive every-pattern scan on synthetic sections", () => {
  const sections = [
    ["S1", "F:\ta/", "X:\ta/b/"], ["S2", "F:\ta/*/c.h"], ["S3", "F:\ta/b"], ["S4", "F:\t*/b/*"], ["S5", "N:\tb/c"],
    ["S6", "F:\ta/**/c*"], ["S7", "F:\ta/[bc]/"],
  ];
  const text = maintainersText(...sections, THE_REST);
  const trie = new SectionMatcher(parseMaintainers(text));
  const naive = naiveMatcher(parseMaintainers(text));
  const comps = ["a", "b", "c", "c.h", "x"];
  const paths: string[] = [];
  for (const x of comps) for (const y of comps) { paths.push(`${x}/${y}`); for (const z of comps) paths.push(`${x}/${y}/${z}`); }
  for (const p of paths) assert.deepEqual(trie.match(p).map((x) => ({ name: x.section.name, depth: x.depth })), naive(p), p);
});
