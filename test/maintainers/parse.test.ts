import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { HEADER, maintainersText, THE_REST } from "./snippet.ts";

const WIDGET = [
  "WIDGET SUBSYSTEM [CORE] (WDG)",
  "M:\t\"Doe, Jane Q.\" <Jane.Doe@Example.COM>",
  "M:\tbare-maint@example.net",
  "R:\tRex Reviewer <rex@example.org>",
  "L:\tWidget-Devel@Lists.Example.org (moderated for non-subscribers)",
  "L:\tother@example.org",
  "S:\tSupported",
  "W:\thttps://widget.example.org/",
  "Q:\thttps://patchwork.example.org/project/widget/list/",
  "B:\tmailto:bugs@example.org",
  "C:\tirc://irc.example.org/widget",
  "P:\tDocumentation/process/widget.rst",
  "T:\tgit git://git.example.org/widget.git",
  "F:\tdrivers/widget/",
  "F:\tinclude/linux/widget*.h",
  "X:\tdrivers/widget/legacy/",
  "N:\t[^a-z]wdg",
  "K:\t\\bwidget_[a-z]+\\b",
];

test("sections: titles verbatim, every tag, the header and the rST note skipped", () => {
  const m = parseMaintainers(maintainersText(WIDGET, THE_REST));
  assert.deepEqual(m.problems, []);
  assert.deepEqual(m.sections.map((s) => s.name), ["WIDGET SUBSYSTEM [CORE] (WDG)", "THE REST"]);
  const w = m.sections[0];
  assert.equal(w.index, 0);
  assert.equal(m.sections[1].index, 1);
  assert.deepEqual(w.maintainers, [{ name: "Doe, Jane Q.", email: "jane.doe@example.com" }, { name: "", email: "bare-maint@example.net" }]);
  assert.deepEqual(w.reviewers, [{ name: "Rex Reviewer", email: "rex@example.org" }]);
  assert.deepEqual(w.lists, ["widget-devel@lists.example.org", "other@example.org"]);
  assert.equal(w.status, "Supported");
  assert.deepEqual(w.files, ["drivers/widget/", "include/linux/widget*.h"]);
  assert.deepEqual(w.excludes, ["drivers/widget/legacy/"]);
  assert.deepEqual(w.regexes, ["[^a-z]wdg"]);
  assert.deepEqual(w.keywords, ["\\bwidget_[a-z]+\\b"]);
  assert.deepEqual(w.other.map((e) => e.tag), ["W", "Q", "B", "C", "P", "T"]);
  assert.equal(w.other[5].value, "git git://git.example.org/widget.git");
  assert.equal(w.line, HEADER.split("\n").length);
});

test("a title line is recognised after any number of blank lines, and CRLF files parse alike", () => {
  const text = maintainersText(["A DRIVER", "F:\ta/"], ["", "", "B DRIVER", "F:\tb/"]).replace(/\n/g, "\r\n");
  assert.deepEqual(parseMaintainers(text).sections.map((s) => [s.name, s.files]), [["A DRIVER", ["a/"]], ["B DRIVER", ["b/"]]]);
});

test("entries without a title and stray text are counted as problems, not sections", () => {
  const m = parseMaintainers(maintainersText(["F:\torphan/"], ["GOOD DRIVER", "F:\tgood/", "this line is no entry", "L:\tgood@example.org"]));
  assert.deepEqual(m.sections.map((s) => s.name), ["GOOD DRIVER"]);
  assert.deepEqual(m.sections[0].lists, ["good@example.org"]);
  assert.equal(m.problems.length, 2);
  assert.match(m.problems[0].reason, /before any section title/);
  assert.match(m.problems[1].reason, /not a tagged entry in section GOOD DRIVER/);
});

test("a file without the header parses from its first line; duplicate L: addresses count once", () => {
  const m = parseMaintainers("ONLY SECTION\nL:\tx@example.org\nL:\tX@example.org (again)\n");
  assert.deepEqual(m.sections.map((s) => [s.name, s.lists]), [["ONLY SECTION", ["x@example.org"]]]);
});

test("hostile entries parse in linear time: a 1 MiB run of spaces inside a value (hang guard), values trimmed, a U+2028 inside a value kept", () => {
  const text = `WIDGET\nF:\tdrivers/a${" ".repeat(1 << 20)}b  \nK:  \\bwidget\u2028x \nM:\tAnn <ann@example.org>\n`;
  const t0 = performance.now();
  const { sections } = parseMaintainers(text);
  assert.ok(performance.now() - t0 < 10_000, "finishes within 10 s instead of hours");
  assert.equal(sections[0].files[0], `drivers/a${" ".repeat(1 << 20)}b`);
  assert.deepEqual(sections[0].keywords, ["\\bwidget\u2028x"]);
  assert.equal(sections[0].maintainers[0].email, "ann@example.org");
});

test("a repeated section title merges into its first section, counted as a problem (no second section of that name)", () => {
  const text = "ZOO\nM:\tAnn <ann@example.org>\nF:\tzoo/\n\nOTHER\nF:\tother/\n\nZOO\nR:\tBob <bob@example.org>\nF:\tzoo2/\n";
  const { sections, problems } = parseMaintainers(text);
  assert.deepEqual(sections.map((s) => s.name), ["ZOO", "OTHER"]);
  assert.deepEqual(sections[0].files, ["zoo/", "zoo2/"]);
  assert.deepEqual(sections[0].reviewers.map((r) => r.email), ["bob@example.org"]);
  assert.equal(problems.length, 1);
  assert.match(problems[0].reason, /ZOO: title repeated \(first at line 1\)/);
});
