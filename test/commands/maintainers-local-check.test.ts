// A local --maintainers file gets the checks a fetched one gets: an HTML page (a cgit or GitHub view
// saved from the browser), a text with no tagged section, or a file far bigger than MAINTAINERS is
// refused before anything is stored or saved, naming the file. Before, it was saved in the store:
// an HTML page silently gave no subsystems at all, and a 1 GiB file failed every later analysis with
// V8's "Cannot create a string longer than 0x1fffffe8 characters".
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { oneMessageArchive } from "../store/helpers.ts";
import { maintainersText } from "../maintainers/snippet.ts";

const NOT_MAINTAINERS: Record<string, (file: string) => void> = {
  "an HTML view of MAINTAINERS": (f) => writeFileSync(f, "<!DOCTYPE html>\n<html><body><pre>WIDGET\nM:\tWendy &lt;w@x.example&gt;\nF:\tdrivers/widget/\n</pre></body></html>\n"),
  "a text without tagged sections": (f) => writeFileSync(f, "These are the maintainers.\nAsk on the list.\n"),
  "a 1 GiB file": (f) => { writeFileSync(f, ""); truncateSync(f, 1 << 30); },
};

for (const [what, make] of Object.entries(NOT_MAINTAINERS)) {
  test(`--maintainers naming ${what}: refused before anything is stored or saved`, { timeout: 60_000 }, async (t) => {
    const { dir, store, box } = oneMessageArchive(t, "tg-maintainers-local-");
    const file = join(dir, "MAINTAINERS");
    make(file);
    const r = await cli(["ingest", "--store", store, "--no-analyze", "--maintainers", file, `netdev=${box}`]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, new RegExp(`MAINTAINERS file ${file}: .*(HTML page|not a MAINTAINERS file|bytes)`));
    assert.equal(existsSync(join(store, "manifest.json")), false, "nothing stored");
    assert.equal(existsSync(join(store, "settings.json")), false, "nothing saved");
  });
}

test("--maintainers naming a real-looking local file is used", { timeout: 60_000 }, async (t) => {
  const { dir, store, box } = oneMessageArchive(t, "tg-maintainers-local-ok-");
  const file = join(dir, "MAINTAINERS");
  writeFileSync(file, maintainersText(["WIDGET", "M:\tWendy <w@x.example>", "L:\tnetdev@vger.kernel.org", "F:\tdrivers/widget/"]));
  const r = await cli(["ingest", "--store", store, "--no-analyze", "--maintainers", file, `netdev=${box}`]);
  assert.equal(r.status, 0, r.stderr);
});

test("--maintainers naming a local file with CRLF line ends (a Windows editor, core.autocrlf) is used", { timeout: 60_000 }, async (t) => {
  const { dir, store, box } = oneMessageArchive(t, "tg-maintainers-local-crlf-");
  const file = join(dir, "MAINTAINERS");
  writeFileSync(file, maintainersText(["WIDGET", "M:\tWendy <w@x.example>", "L:\tnetdev@vger.kernel.org", "F:\tdrivers/widget/"]).replace(/\n/g, "\r\n"));
  const r = await cli(["ingest", "--store", store, "--no-analyze", "--maintainers", file, `netdev=${box}`]);
  assert.equal(r.status, 0, r.stderr);
});
