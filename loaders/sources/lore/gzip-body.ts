// Decompresses a response body with a limit on the decoded bytes, streaming, so a gzip bomb
// (10 MB that expand to 10 GiB) costs at most the limit in memory and stops as soon as it is
// reached. The input is fed in small pieces, so the compression ratio at that point tells a bomb
// (hundreds to one) from a slice that merely holds a lot of mail (a few to one).
import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { ResponseTooLarge } from "./http-errors.ts";

const PIECE = 16 * 1024;

/** A gzip that does not decode (cut short, corrupt): the caller may fetch it again. */
export class GzipDamaged extends Error {
  constructor(readonly url: string, readonly detail: string) {
    super(`${url}: gzip ends early or is damaged (${detail})`);
  }
}

/** The decoded chunks of `body`; throws ResponseTooLarge past `limit` decoded bytes, GzipDamaged on bad gzip. */
export async function* gunzipBounded(url: string, body: Buffer, limit: number): AsyncGenerator<Buffer> {
  let fed = 0;
  const input = Readable.from((function* () {
    for (let i = 0; i < body.length; i += PIECE) {
      fed = Math.min(body.length, i + PIECE);
      yield body.subarray(i, fed);
    }
  })(), { objectMode: false, highWaterMark: PIECE });
  const gz = createGunzip();
  input.on("error", (e) => gz.destroy(e));
  input.pipe(gz);
  let decoded = 0;
  try {
    for await (const c of gz as AsyncIterable<Buffer>) {
      decoded += c.length;
      if (decoded > limit) throw new ResponseTooLarge(url, limit, { decoded, compressed: fed, gzip: true });
      yield c;
    }
  } catch (e) {
    if (e instanceof ResponseTooLarge) throw e;
    throw new GzipDamaged(url, (e as Error).message);
  } finally {
    input.unpipe(gz);
    input.destroy();
    gz.destroy();
  }
}

/** The whole decoded body as one Buffer (for small documents such as manifest.js.gz). */
export async function gunzipToBuffer(url: string, body: Buffer, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of gunzipBounded(url, body, limit)) parts.push(c);
  return Buffer.concat(parts);
}
