import { test } from "node:test";
import assert from "node:assert/strict";
import { diffFiles } from "../../loaders/parse/diff-files.ts";

const lines = (...l: string[]) => l.join("\n") + "\n";

const TWO_FILES = lines(
  "Fix the frobnicator.", "", "Signed-off-by: A Developer <dev@example.org>", "---",
  " drivers/widget/core.c                | 2 +-",
  " .../widget/very/long/path/name.h      | 1 +",
  " 2 files changed, 2 insertions(+), 1 deletion(-)", "",
  "diff --git a/drivers/widget/core.c b/drivers/widget/core.c", "index 1111111..2222222 100644",
  "--- a/drivers/widget/core.c", "+++ b/drivers/widget/core.c", "@@ -10,3 +10,3 @@ static int f(void)",
  " \tint a;", "-\treturn 0;", "+\treturn 1;", " }",
  "diff --git a/include/widget/very/long/path/name.h b/include/widget/very/long/path/name.h",
  "--- a/include/widget/very/long/path/name.h", "+++ b/include/widget/very/long/path/name.h", "@@ -1 +1,2 @@",
  " #define X 1", "+#define Y 2", "-- ", "2.43.0",
);

test("a git patch: the paths of the diff headers, never the diffstat", () => {
  assert.deepEqual(diffFiles(TWO_FILES), ["drivers/widget/core.c", "include/widget/very/long/path/name.h"]);
});

test("new and deleted files: /dev/null is no path", () => {
  const body = lines(
    "diff --git a/new.c b/new.c", "new file mode 100644", "--- /dev/null", "+++ b/new.c", "@@ -0,0 +1 @@", "+x",
    "diff --git a/gone.c b/gone.c", "deleted file mode 100644", "--- a/gone.c", "+++ /dev/null", "@@ -1 +0,0 @@", "-x",
  );
  assert.deepEqual(diffFiles(body), ["new.c", "gone.c"]);
});

test("renames and copies: both the old and the new path count, with or without content changes", () => {
  const pure = lines("diff --git a/drivers/old/x.c b/drivers/new/x.c", "similarity index 100%", "rename from drivers/old/x.c", "rename to drivers/new/x.c");
  assert.deepEqual(diffFiles(pure), ["drivers/old/x.c", "drivers/new/x.c"]);
  // the header alone, when ambiguous, is skipped: the rename lines name the files
  const spaced = lines("diff --git a/p b/q.c b/r.c", "similarity index 100%", "rename from p b/q.c", "rename to r.c");
  assert.deepEqual(diffFiles(spaced), ["p b/q.c", "r.c"]);
  const unambiguous = lines("diff --git a/old dir/x.c b/new dir/x.c", "similarity index 100%", "rename from old dir/x.c", "rename to new dir/x.c");
  assert.deepEqual(diffFiles(unambiguous), ["old dir/x.c", "new dir/x.c"]);
  const changed = lines("diff --git a/a.c b/b.c", "similarity index 90%", "rename from a.c", "rename to b.c", "index 1..2 100644",
    "--- a/a.c", "+++ b/b.c", "@@ -1 +1 @@", "-x", "+y");
  assert.deepEqual(diffFiles(changed), ["a.c", "b.c"]);
  const copy = lines("diff --git a/src.c b/dst.c", "similarity index 95%", "copy from src.c", "copy to dst.c");
  assert.deepEqual(diffFiles(copy), ["src.c", "dst.c"]);
});

test("quoted paths: spaces, escapes and octal UTF-8 bytes are decoded", () => {
  const body = lines('diff --git "a/dir/foo bar.c" "b/dir/foo bar.c"', '--- "a/dir/foo bar.c"', '+++ "b/dir/foo bar.c"', "@@ -1 +1 @@", "-x", "+y",
    'diff --git "a/caf\\303\\251\\t\\"q\\".c" "b/caf\\303\\251\\t\\"q\\".c"', "new file mode 100644", "--- /dev/null",
    '+++ "b/caf\\303\\251\\t\\"q\\".c"', "@@ -0,0 +1 @@", "+x",
    'diff --git a/plain.c "b/odd\\\\name.c"', "similarity index 100%", "rename from plain.c", 'rename to "odd\\\\name.c"');
  assert.deepEqual(diffFiles(body), ["dir/foo bar.c", 'café\t"q".c', "plain.c", "odd\\name.c"]);
});

test("unquoted paths with spaces (git does not quote them): the header's two equal halves, ---/+++ up to the tab", () => {
  const body = lines("diff --git a/my dir/a b.c b/my dir/a b.c", "--- a/my dir/a b.c\t", "+++ b/my dir/a b.c\t", "@@ -1 +1 @@", "-x", "+y");
  assert.deepEqual(diffFiles(body), ["my dir/a b.c"]);
});

test("diff -ru and quilt patches: the first path component is the tree's name, timestamps are dropped", () => {
  const body = lines("--- linux.orig/net/core/dev.c\t2024-07-01 10:00:00.000000000 +0200",
    "+++ linux/net/core/dev.c\t2024-07-02 10:00:00.000000000 +0200", "@@ -1,2 +1,2 @@", " a", "-b", "+c");
  assert.deepEqual(diffFiles(body), ["net/core/dev.c"]);
});

test("quoted text never counts", () => {
  const body = lines("On Mon, someone wrote:", "> diff --git a/quoted.c b/quoted.c", "> --- a/quoted.c", "> +++ b/quoted.c",
    ">> rename from q1.c", "> @@ -1 +1 @@", "I agree.");
  assert.deepEqual(diffFiles(body), []);
});

test("lines inside a hunk are content, even when they look like headers", () => {
  // a patch to a file that itself holds a diff: removed "-- a/x" shows as "--- a/x", added "++ b/x" as "+++ b/x"
  const body = lines("diff --git a/doc/p.txt b/doc/p.txt", "--- a/doc/p.txt", "+++ b/doc/p.txt", "@@ -1,3 +1,3 @@",
    "--- a/evil.c", "+++ b/evil.c", " diff --git a/evil2.c b/evil2.c", "", "-rename from evil3.c", "+x",
    "diff --git a/after.c b/after.c", "--- a/after.c", "+++ b/after.c", "@@ -1 +1 @@", "-a", "+b");
  assert.deepEqual(diffFiles(body), ["doc/p.txt", "after.c"]);
  // a "---" line not followed by "+++" is no header (a signature dash, a quoted separator)
  assert.deepEqual(diffFiles(lines("--- a/not-a-header.c", "some text")), []);
});

test("several patches in one body, CRLF line ends, duplicates listed once", () => {
  const body = (TWO_FILES + TWO_FILES.replace(/core\.c/g, "main.c")).replace(/\n/g, "\r\n");
  assert.deepEqual(diffFiles(body), ["drivers/widget/core.c", "include/widget/very/long/path/name.h", "drivers/widget/main.c"]);
});

test("hostile input: 1 MiB lines finish fast (hang guard) and absurd paths are dropped", () => {
  const MiB = 1 << 20;
  const bodies = [
    "diff --git " + "a/x b/".repeat(MiB / 6),
    "diff --git " + "a/" + "x ".repeat(MiB / 2) + "b/y",
    'diff --git "' + "\\".repeat(MiB),
    'diff --git "' + "\\303".repeat(MiB / 4) + '" b/x',
    "--- " + "a/".repeat(MiB / 2) + "\n+++ " + "b".repeat(MiB),
    "@@ -" + "1".repeat(MiB) + " +1 @@\n",
    "@@ -1,100000000 +1,100000000 @@\n" + "-x\n".repeat(MiB / 3),
    ("rename from " + "r".repeat(100) + "\n").repeat(MiB / 100),
    "> ".repeat(MiB),
  ];
  const t = performance.now();
  for (const b of bodies) for (const p of diffFiles(b)) assert.ok(p.length <= 4096);
  assert.ok(performance.now() - t < 10_000, "hostile bodies took more than 10 s");
});

test("rename/copy lines name files only in a git header, not in the commit message or after a hunk", () => {
  const body = lines(
    "zoo: speed up the copy path", "", "copy from user space is slow, so batch it.", "rename to something better later.", "",
    "Signed-off-by: A Developer <dev@example.org>", "---",
    "diff --git a/zoo/copy.c b/zoo/copy.c", "index 1111111..2222222 100644", "--- a/zoo/copy.c", "+++ b/zoo/copy.c",
    "@@ -1 +1 @@", "-a", "+b",
    "copy to nowhere, a stray line after the hunk",
    "diff --git a/zoo/old.h b/zoo/new.h", "similarity index 100%", "rename from zoo/old.h", "rename to zoo/new.h",
  );
  assert.deepEqual(diffFiles(body), ["zoo/copy.c", "zoo/old.h", "zoo/new.h"]);
});
