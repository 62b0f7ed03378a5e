// One of several processes racing for the same fresh cache entries (cache-entry.test.ts): for each
// round it waits for the go file, asks for entry `r<round>`, and logs its builds there.
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cachedEntry } from "./cache-entry.ts";

const [root, worker, rounds] = [process.argv[2], process.argv[3], Number(process.argv[4])];
for (let k = 0; k < rounds; k++) {
  writeFileSync(join(root, `ready-${k}-${worker}`), "");
  while (!existsSync(join(root, `go-${k}`))) await new Promise((r) => setTimeout(r, 1));
  await cachedEntry(root, `r${k}`, async (dir) => {
    appendFileSync(join(root, `builds-${k}.log`), `${worker}\n`);
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, "content"), worker);
  }, { label: "t", say: () => {} });
  writeFileSync(join(root, `done-${k}-${worker}`), "");
}
