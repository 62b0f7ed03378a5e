// Reads a gzip file member by member (gzip header parsed here, deflate data inflated on libuv's
// pool). Unlike zlib's Gunzip stream, it yields EVERY byte decoded before damage: Gunzip drops
// its last output pass (up to a whole small file) when junk follows a complete member, and a
// stream consumer loses the read-ahead buffer on any error. Damage is thrown after that output
// as a GzipDamage that says whether the decoded data ended cleanly (junk after complete members)
// or mid-member (a cut or corrupt stream).
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { createInflateRaw, crc32, inflateRawSync, constants as zc, type ZlibOptions } from "node:zlib";

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

/**
 * Bytes of the file read ahead in one window, so a file of thousands of tiny members (`cat a.gz
 * b.gz ...`, or a hostile one) reads each byte about once: re-reading 64 KiB for every member's
 * header (and a 1 MiB stream read for its data) made such a file quadratic (2.8 s CPU at 1 MiB,
 * 8.2 s at 2 MiB).
 */
class FileWindow {
  private buf: Buffer = Buffer.alloc(0);
  private at = 0;
  constructor(private readonly path: string, private readonly size: number) {}
  /** Up to `len` bytes at `pos` (fewer at the end of the file). */
  bytes(pos: number, len: number): Buffer {
    const end = this.at + this.buf.length;
    // read again unless the window holds [pos, pos + len), or holds pos and reaches the end of the file
    if (pos < this.at || pos > end || (pos + len > end && end < this.size)) {
      const fd = openSync(this.path, "r");
      try {
        this.buf = readAt(fd, pos, Math.max(len, WINDOW));
      } finally {
        closeSync(fd);
      }
      this.at = pos;
    }
    return this.buf.subarray(pos - this.at, pos - this.at + len);
  }
}

const WINDOW = 1 << 20;
/** A member whose deflate data fits in this many bytes (and whose output in SMALL_OUT) is inflated at once. */
const SMALL_IN = 64 * 1024;
const SMALL_OUT = 1 << 20;

/** A small member inflated at once, or null: larger, cut short or damaged (the stream path reads those). */
function inflateSmall(data: Buffer): { out: Buffer; consumed: number } | null {
  try {
    const r = inflateRawSync(data, { info: true, maxOutputLength: SMALL_OUT }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { out: r.buffer, consumed: r.engine.bytesWritten };
  } catch {
    return null;
  }
}

/** Decoded bytes of the gzip file at `path` (all members, in order). */
export async function* gunzipFile(path: string): AsyncGenerator<Buffer> {
  const size = statSync(path).size;
  const file = new FileWindow(path, size);
  let pos = 0;
  while (pos < size) {
    const head = file.bytes(pos, 64 * 1024);
    if (pos > 0 && head.every((b) => b === 0) && pos + head.length >= size) return; // NUL padding, as gzip(1) allows
    let hlen: number | null;
    try {
      hlen = gzipHeaderLength(head);
    } catch (e) {
      if (pos === 0) throw new GzipDamage("corrupt", 0, (e as Error).message);
      throw new GzipDamage("junk", pos, `${size - pos} bytes of junk after the gzip data`);
    }
    if (hlen === null) throw new GzipDamage("truncated", pos, "gzip member header cut short", true);
    let crc = 0;
    let out = 0;
    let consumed: number;
    const small = inflateSmall(file.bytes(pos + hlen, SMALL_IN));
    if (small) {
      consumed = small.consumed;
      crc = crc32(small.out);
      out = small.out.length;
      if (out) yield small.out;
    } else {
      const member = inflateMember(path, pos + hlen);
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
      if (!r.value.complete) throw new GzipDamage("truncated", size, "gzip data cut short (unexpected end of file)", out === 0);
      consumed = r.value.consumed;
    }
    const trailerAt = pos + hlen + consumed;
    if (trailerAt + 8 > size) throw new GzipDamage("truncated", size, "gzip data cut short (unexpected end of file)", out === 0);
    const trailer = file.bytes(trailerAt, 8);
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
