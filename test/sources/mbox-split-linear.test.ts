// splitMbox stays linear when one huge message, or one huge separator-like line, arrives in many
// small chunks (an HTTP body or a slow pipe): the unconsumed tail is not re-copied or re-scanned
// whole for every chunk. The time limits are hang guards (the quadratic code took minutes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitMbox } from "../../loaders/sources/mbox-split.ts";

async function* chunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, Math.min(data.length, i + size));
}

async function split(data: Buffer, size: number): Promise<number[]> {
  const out: number[] = [];
  for await (const m of splitMbox(chunks(data, size))) out.push(m.bytes.length);
  return out;
}

const SEP = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";

test("a 48 MiB message in 16 KiB chunks splits in linear time", { timeout: 30_000 }, async () => {
  const head = "From: a@example.com\nMessage-ID: <big@example.com>\nSubject: big\n\n";
  const body = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n".repeat(48 * 1024 * 1024 / 64);
  const second = "From: b@example.com\nMessage-ID: <small@example.com>\n\nhi\n";
  const data = Buffer.from(SEP + head + body + "\n" + SEP + second);
  const t0 = Date.now();
  const sizes = await split(data, 16 * 1024);
  assert.deepEqual(sizes, [head.length + body.length, second.length]);
  assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
});

test("a 16 MiB line after a blank line that starts like a separator, in 4 KiB chunks", { timeout: 30_000 }, async () => {
  const msg = "From: a@example.com\nMessage-ID: <x@example.com>\n\nbody\n\n";
  const line = "From " + "x".repeat(16 * 1024 * 1024) + "\n";
  const data = Buffer.from(SEP + msg + line + "tail\n");
  const sizes = await split(data, 4 * 1024);
  // not a separator (no time, no year): the line stays in the one message's body
  assert.deepEqual(sizes, [msg.length + line.length + "tail\n".length]);
});
