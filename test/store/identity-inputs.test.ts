// Precedence of the identity inputs, per file: flags > saved in the store > config > none; a
// chosen file that is missing is an error naming where the choice came from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolveIdentityInputs, describeIdentity } from "../../loaders/store/identity-inputs.ts";
import { readStoreSettings, saveIdentityChoice, saveReportWindow } from "../../loaders/store/settings.ts";
import { tempDir } from "./helpers.ts";

test("identity inputs: flags > store > config > none, per file; a cleared choice beats the config", () => {
  const t = tempDir("tg-idin-");
  try {
    const store = join(t.dir, "store");
    mkdirSync(store);
    for (const f of ["cfg.mailmap", "cfg.overrides", "saved.mailmap", "flag.overrides"]) writeFileSync(join(t.dir, f), "");
    const cfg = { mailmap: "cfg.mailmap", overrides: "cfg.overrides" };
    let r = resolveIdentityInputs(store, cfg, {}, t.dir);
    assert.deepEqual([r.mailmap, r.overrides, r.origin], [join(t.dir, "cfg.mailmap"), join(t.dir, "cfg.overrides"), { mailmap: "config", overrides: "config" }]);
    assert.deepEqual(r.remember, {}, "config choices are not saved");
    r = resolveIdentityInputs(store, {}, {}, t.dir);
    assert.deepEqual([r.mailmap, r.overrides, r.origin], [undefined, undefined, { mailmap: "none", overrides: "none" }]);
    assert.equal(describeIdentity(r), "identity: mailmap none, overrides none");

    saveReportWindow(store, { since: "30d" });
    saveIdentityChoice(store, { mailmap: join(t.dir, "saved.mailmap"), overrides: null });
    assert.deepEqual(readStoreSettings(store).reportWindow, { since: "30d" }, "other settings kept");
    r = resolveIdentityInputs(store, cfg, {}, t.dir);
    assert.deepEqual([r.mailmap, r.overrides, r.origin], [join(t.dir, "saved.mailmap"), undefined, { mailmap: "store", overrides: "store" }]);
    assert.match(describeIdentity(r), /overrides none \(cleared in the store by --no-overrides\)/);

    r = resolveIdentityInputs(store, cfg, { mailmap: null, overrides: join(t.dir, "flag.overrides") }, t.dir);
    assert.deepEqual([r.mailmap, r.overrides, r.origin], [undefined, join(t.dir, "flag.overrides"), { mailmap: "flags", overrides: "flags" }]);
    assert.deepEqual(r.remember, { mailmap: null, overrides: join(t.dir, "flag.overrides") });
    // Saving only the keys a flag set keeps the others.
    saveIdentityChoice(store, { overrides: join(t.dir, "flag.overrides") });
    assert.deepEqual(readStoreSettings(store).identity, { mailmap: join(t.dir, "saved.mailmap"), overrides: join(t.dir, "flag.overrides") });
  } finally {
    t.cleanup();
  }
});

test("identity inputs: a missing chosen file is an error that says where the choice came from", () => {
  const t = tempDir("tg-idin-");
  try {
    const store = join(t.dir, "store");
    mkdirSync(store);
    assert.throws(() => resolveIdentityInputs(store, { overrides: "gone.overrides" }, {}, t.dir),
      /overrides file \S+gone\.overrides \(set in threadgraph\.config\.ts\) does not exist/);
    assert.throws(() => resolveIdentityInputs(store, {}, { mailmap: join(t.dir, "nope") }, t.dir), /mailmap file \S+nope \(--mailmap\) does not exist/);
    saveIdentityChoice(store, { mailmap: join(t.dir, "vanished") });
    assert.throws(() => resolveIdentityInputs(store, {}, {}, t.dir), /saved in the store by an earlier --mailmap.*--no-mailmap/);
    // --no-mailmap gets out of it
    assert.equal(resolveIdentityInputs(store, {}, { mailmap: null }, t.dir).mailmap, undefined);
  } finally {
    t.cleanup();
  }
});
