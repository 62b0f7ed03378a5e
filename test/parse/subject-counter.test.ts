// A patch posting whose subject prefix has an n/m counter but not the word PATCH
// (git format-patch --subject-prefix="net-next v6") is a patch: patchwork tracks it and the
// patchwork-bot notices answer it (found on the 2024-h2 corpus by test/series/corpus-applied.full.test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePatchSubject } from "../../loaders/parse/subject-patch.ts";

test("an n/m counter without PATCH marks a patch: cover, numbered patch, after a list tag", () => {
  const cover = parsePatchSubject("[net-next v6 0/9] Add widgets via netlink");
  assert.deepEqual([cover.isPatch, cover.isCover, cover.version, cover.index, cover.total], [true, true, 6, 0, 9]);
  const one = parsePatchSubject("[Zoo-list] [net-next, v4, 1/1] zoo: batch things");
  assert.deepEqual([one.isPatch, one.version, one.index, one.total], [true, 4, 1, 1]);
  assert.deepEqual([parsePatchSubject("Re: [net-next v2 2/3] x").isPatch, parsePatchSubject("Re: [net-next v2 2/3] x").index], [true, 2]);
});

test("not a patch: no counter, a counter past its total, a pull request's counter, a counter later in the subject", () => {
  assert.equal(parsePatchSubject("[net-next] question").isPatch, false);
  assert.equal(parsePatchSubject("[net-next 5/3] odd").isPatch, false);
  assert.equal(parsePatchSubject("[GIT PULL 0/2] zoo fixes").isPatch, false);
  assert.equal(parsePatchSubject("results 1/2 of the survey").isPatch, false);
  assert.equal(parsePatchSubject("[ANNOUNCE] zoo 1/2").isPatch, false);
});
