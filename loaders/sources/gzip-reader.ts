// Reads a gzip file member by member (gzip header parsed here, deflate data inflated on libuv's
// pool). Unlike zlib's Gunzip stream, it yields EVERY byte decoded before damage: Gunzip drops
// its last output pass (up to a whole small file) when junk follows a complete member, and a
// stream consumer loses the read-ahead buffer on any error. Damage is thrown after that output
// as a GzipDamage that says whether the decoded data ended cleanly (junk after complete members)
// or mid-member (a cut or corrupt stream).
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { createInflateRaw, crc32, constants as zc, type ZlibOptions } from "node:zlib";

export type GzipDamageKind = "truncated" | "junk" | "corrupt";

export class GzipDamage extends Error {
  /**
   * `cleanEnd`: everything yielded came from complete members (junk, or a damaged member that
   * decoded nothing, after them), so the last decoded message is whole. Otherwise the output
   * stopped inside a member.
   */
  constructor(readonly kind: GzipDamageKind, readonly offset: number, readonly detail: string, readonly cleanEnd = kind === "junk") {
    super(`${detail} (at compressed byte ${offset})`);
    this.name = "GzipDamage";
  }
}

/** How much decoded output may wait for the consumer (read-ahead while the parser works). */
const AHEAD = 16 << 20;

/** Length of the gzip member header at `buf[0]`, null when `buf` does not hold all of it. Throws if not gzip. */
export function gzipHeaderLength(buf: Buffer): number | null {
  if (buf.length < 10) return null;
  if (buf[0] !== 0x1f || buf[1] !== 0x8b) throw new Error("not a gzip member (bad magic)");
  if (buf[2] !== 8) throw new Error(`unknown gzip compression method ${buf[2]}`);
  const flg = buf[3];
  let p = 10;
  if (flg & 4) {
    if (buf.length < p + 2) return null;
    p += 2 + buf.readUInt16LE(p);
  }
  for (const bit of [8, 16]) {
    if (!(flg & bit)) continue;
    const z = buf.indexOf(0, p);
    if (z < 0) return null;
    p = z + 1;
  }
  if (flg & 2) p += 2;
  return p <= buf.length ? p : null;
}

/** Up to `len` bytes of the file at `pos` (fewer at its end). */
export function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = readSync(fd, b, got, len - got, pos + got);
    if (n <= 0) break;
    got += n;
  }
  return b.subarray(0, got);
}

/** Decoded bytes of the gzip file at `path` (all members, in order). */
export async function* gunzipFile(path: string): AsyncGenerator<Buffer> {
  const size = statSync(path).size;
  let pos = 0;
  while (pos < size) {
    const fd = openSync(path, "r");
    let head: Buffer;
    try {
      head = readAt(fd, pos, 64 * 1024);
    } finally {
      closeSync(fd);
    }
    if (pos > 0 && head.every((b) => b === 0) && pos + head.length >= size) return; // NUL padding, as gzip(1) allows
    let hlen: number | null;
    try {
      hlen = gzipHeaderLength(head);
    } catch (e) {
      if (pos === 0) throw new GzipDamage("corrupt", 0, (e as Error).message);
      throw new GzipDamage("junk", pos, `${size - pos} bytes of junk after the gzip data`);
    }
    if (hlen === null) throw new GzipDamage("truncated", pos, "gzip member header cut short", true);
    const member = inflateMember(path, pos + hlen);
    let crc = 0;
    let out = 0;
    let r: IteratorResult<Buffer, { consumed: number; complete: boolean }>;
    try {
      while (!(r = await member.next()).done) {
        crc = crc32(r.value, crc);
        out += r.value.length;
        yield r.value;
      }
    } catch (e) {
      if (e instanceof GzipDamage) throw new GzipDamage(e.kind, e.offset, e.detail, out === 0);
      throw e;
    }
    const trailerAt = pos + hlen + r.value.consumed;
    if (!r.value.complete || trailerAt + 8 > size) {
      throw new GzipDamage("truncated", size, "gzip data cut short (unexpected end of file)", out === 0);
    }
    const fd2 = openSync(path, "r");
    let trailer: Buffer;
    try {
      trailer = readAt(fd2, trailerAt, 8);
    } finally {
      closeSync(fd2);
    }
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== out % 2 ** 32) {
      throw new GzipDamage("corrupt", trailerAt, "gzip checksum or length mismatch: the data is corrupt");
    }
    pos = trailerAt + 8;
  }
}

/**
 * Inflate the raw deflate data starting at `start`. Returns how many compressed bytes it used
 * and whether the deflate stream reached its end (false: the file ended first).
 */
async function* inflateMember(path: string, start: number): AsyncGenerator<Buffer, { consumed: number; complete: boolean }> {
  // finishFlush SYNC: a cut stream ends quietly with everything decodable (checked by the caller).
  const inf = createInflateRaw({ chunkSize: 1 << 18, finishFlush: zc.Z_SYNC_FLUSH } as ZlibOptions);
  const raw = createReadStream(path, { start, highWaterMark: 1 << 20 });
  const queue: Buffer[] = [];
  let queued = 0;
  let written = 0;
  let ended = false;
  let error: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const maybeResume = () => {
    if (!ended && !error && raw.isPaused() && queued < AHEAD && !inf.writableNeedDrain) raw.resume();
  };
  raw.on("data", (c: Buffer | string) => {
    if (ended) return;
    written += c.length;
    if (!inf.write(c) || queued >= AHEAD) raw.pause();
  });
  raw.on("end", () => inf.end());
  raw.on("error", (e) => {
    error = e;
    notify();
  });
  inf.on("drain", maybeResume);
  // flowing mode: decoded output moves into `queue` at once, so an error cannot strand it
  inf.on("data", (d: Buffer) => {
    queue.push(d);
    queued += d.length;
    if (queued >= AHEAD) raw.pause();
    notify();
  });
  inf.on("end", () => {
    ended = true;
    raw.destroy();
    notify();
  });
  inf.on("error", (e) => {
    error = new GzipDamage("corrupt", start + inf.bytesWritten, `corrupt gzip data: ${e.message}`);
    raw.destroy();
    notify();
  });
  try {
    for (;;) {
      if (queue.length) {
        const d = queue.shift()!;
        queued -= d.length;
        if (queued < AHEAD / 2) maybeResume();
        yield d;
      } else if (error) throw error;
      else if (ended) break;
      else await new Promise<void>((r) => (wake = r));
    }
  } finally {
    raw.destroy();
    inf.destroy();
  }
  // The inflater ends early, leaving input unused, only when the deflate stream ended.
  const consumed = inf.bytesWritten;
  return { consumed, complete: consumed < written };
}
