// A .gz of many small members (`cat a.gz b.gz ...`, or a hostile file of thousands of tiny ones):
// read in linear time, every byte decoded, and damage in a small member still reported as before.
// All fixtures are synthetic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { gunzipFile, GzipDamage } from "../../loaders/sources/gzip-reader.ts";
import { mboxSource } from "../../loaders/sources/mbox.ts";
import { tempDir, msg, mboxrd, drain, ids } from "./helpers.ts";

async function readAll(path: string): Promise<{ out: Buffer; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const b of gunzipFile(path)) parts.push(b);
  } catch (error) {
    return { out: Buffer.concat(parts), error };
  }
  return { out: Buffer.concat(parts) };
}

test("gzip members: 4 MiB of tiny members decode whole, well under a hang guard (each member re-read 64 KiB and 1 MiB: 30 s CPU)", async (t) => {
  const d = tempDir(t);
  const distinct = Array.from({ length: 100 }, (_, i) => gzipSync(`m${i}\n`));
  const members = Array.from({ length: 90_000 }, (_, i) => distinct[i % 100]);
  const texts = members.map((_, i) => `m${i % 100}\n`);
  const p = join(d, "tiny.gz");
  writeFileSync(p, Buffer.concat(members));
  assert.ok(members.reduce((n, m) => n + m.length, 0) > 2 << 20);
  const cpu = process.cpuUsage();
  const { out, error } = await readAll(p);
  const used = process.cpuUsage(cpu);
  assert.equal(error, undefined);
  assert.equal(out.toString(), texts.join(""));
  // CPU, not wall time: load on the machine does not move it; linear is well under a second
  assert.ok((used.user + used.system) / 1e6 < 10, `hang guard: ${(used.user + used.system) / 1e6} s CPU`);
});

test("gzip members: a corrupt or cut small member is reported after every byte before it", async (t) => {
  const d = tempDir(t);
  const members = Array.from({ length: 50 }, (_, i) => gzipSync(`m${i}\n`));
  const bad = Buffer.from(members[30]);
  bad.writeUInt32LE((bad.readUInt32LE(bad.length - 8) ^ 1) >>> 0, bad.length - 8); // CRC off by one bit
  const p = join(d, "crc.gz");
  writeFileSync(p, Buffer.concat([...members.slice(0, 30), bad, ...members.slice(31)]));
  const crc = await readAll(p);
  assert.ok(crc.error instanceof GzipDamage && crc.error.kind === "corrupt", String(crc.error));
  assert.ok(crc.out.toString().startsWith(Array.from({ length: 30 }, (_, i) => `m${i}\n`).join("")));
  // cut inside the last member's trailer: everything decoded, then "truncated"
  const whole = Buffer.concat(members);
  writeFileSync(p, whole.subarray(0, whole.length - 3));
  const cut = await readAll(p);
  assert.ok(cut.error instanceof GzipDamage && cut.error.kind === "truncated", String(cut.error));
  assert.equal(cut.out.toString(), Array.from({ length: 50 }, (_, i) => `m${i}\n`).join(""));
  // junk after the members
  writeFileSync(p, Buffer.concat([whole, Buffer.from("this is not gzip, just junk\n")]));
  const junk = await readAll(p);
  assert.ok(junk.error instanceof GzipDamage && junk.error.kind === "junk", String(junk.error));
});

test("gzip members: an mbox of one member per message, and small members between large ones", async (t) => {
  const d = tempDir(t);
  const n = 300;
  const big = (i: number) => msg(`b${i}`, `body ${i} `.repeat(40_000) + "\n"); // over 1 MiB decoded: the stream path
  const per = Array.from({ length: n }, (_, i) => gzipSync(mboxrd([i % 100 === 50 ? big(i) : msg(`m${i}`, `body ${i}\n`)])));
  const p = join(d, "per-message.mbox.gz");
  writeFileSync(p, Buffer.concat(per));
  const r = await drain(mboxSource(p));
  assert.equal(r.error, undefined);
  assert.deepEqual(ids(r.items), Array.from({ length: n }, (_, i) => (i % 100 === 50 ? `b${i}@example.com` : `m${i}@example.com`)));
});
