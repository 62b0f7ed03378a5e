// Turns an HTTP response that should be an mbox.gz into messages, or a clear error naming the
// URL. Anything that is not an mbox (an HTML page, a proof-of-work/bot challenge, a JSON error),
// whether sent plain or inside a gzip, is never parsed as mail, and neither is an empty gzip:
// public-inbox 1.9 answers a search without results with a 404 "No results found" (text/plain),
// never with an empty mbox.gz, so only that 404 means "no mail". A gzip that ends early is a
// TruncatedResponse (the caller may retry); one that expands past the limit is a ResponseTooLarge.
import { splitMbox } from "../mbox.ts";
import { headerClosed, isSeparatorLine } from "../mbox-split.ts";
import type { HttpResponse } from "./http-client.ts";
import { gunzipBounded, gunzipToBuffer, GzipDamaged } from "./gzip-body.ts";

export class NotMboxError extends Error {
  constructor(readonly url: string, what: string, readonly suggestGit: boolean) {
    super(`${url}: expected an mbox.gz but got ${what}; nothing from it was stored` +
      (suggestGit ? ". lore may be asking for a browser challenge: use git mode for this list (--mode git, or mode: \"git\" in threadgraph.config.ts)" : ""));
  }
}

export class TruncatedResponse extends Error {
  constructor(readonly url: string, detail: string) {
    super(`${url}: mbox.gz ends early (${detail}); nothing from this response was stored`);
  }
}

const CHALLENGE = /anubis|proof[- ]of[- ]work|challenge|captcha|making sure you(&#39;|')re not a bot|cloudflare/i;
const HEAD = 4096;

/** What a body that is not mail looks like, for the error message. */
function describe(head: string, type: string): { what: string; challenge: boolean; html: boolean } {
  const html = /html/i.test(type) || /^\s*<(!doctype|html|head|body|title)/i.test(head);
  const challenge = CHALLENGE.test(head);
  const what = challenge ? "a proof-of-work/bot challenge page" : html ? "an HTML page" : type ? `'${type}'` : "a non-gzip body";
  return { what, challenge, html };
}

/** public-inbox's own answer to a search with no match (`body`: with any Content-Encoding undone). */
function isNoResults(res: HttpResponse, body: Buffer): boolean {
  return res.status === 404 && !/html/i.test(String(res.headers["content-type"] ?? "")) &&
    /^\s*No results found/i.test(body.subarray(0, 200).toString("latin1"));
}

/**
 * Messages (mboxrd unquoted) of a complete mbox.gz response; [] for public-inbox's "No results
 * found" 404. Only the first `maxMessages` are split out (the caller splits a slice that reaches it).
 */
export async function mboxMessages(res: HttpResponse, maxDecodedBytes: number, maxMessages = Infinity): Promise<Buffer[]> {
  const { url, status } = res;
  const type = String(res.headers["content-type"] ?? "");
  // This client asks for no Content-Encoding, but a proxy may add one (gzip over the mbox.gz, over
  // a plain mbox, or over the "No results found" 404): undo it first, bounded like the body itself.
  // An error status keeps its raw body if that fails: the status is the error to report.
  const encoded = status === 200 ? await undoContentEncoding(res, maxDecodedBytes)
    : await undoContentEncoding(res, maxDecodedBytes).catch(() => null);
  const body = encoded ?? res.body;
  if (isNoResults(res, body)) return [];
  const isGzip = body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
  if (encoded && !isGzip && status === 200) return splitRaw(url, body, false, maxMessages); // a plain mbox under the encoding
  if (status !== 200 || !isGzip) {
    const d = describe(body.subarray(0, HEAD).toString("latin1"), type);
    throw new NotMboxError(url, `${status !== 200 ? `HTTP ${status} ` : ""}${d.what} (${body.length} bytes)`,
      d.challenge || (d.html && status === 200) || status === 403);
  }
  // Decode whole (bounded) before splitting: no message is built from a response that turns out
  // too large or damaged, and one huge message is not grown chunk by chunk.
  const chunks: Buffer[] = [];
  let size = 0;
  let checked = false;
  try {
    for await (const c of gunzipBounded(url, body, maxDecodedBytes)) {
      chunks.push(c);
      size += c.length;
      // Refuse a page or junk on its first bytes, before decoding the rest.
      if (!checked && size >= HEAD) {
        checkHead(url, Buffer.concat(chunks).subarray(0, HEAD), true);
        checked = true;
      }
    }
  } catch (e) {
    if (e instanceof GzipDamaged) throw new TruncatedResponse(url, e.detail);
    throw e;
  }
  const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
  chunks.length = 0;
  return splitRaw(url, raw, checked, maxMessages);
}

/** The messages of a decoded mbox (see mboxMessages). */
async function splitRaw(url: string, raw: Buffer, checked: boolean, maxMessages: number): Promise<Buffer[]> {
  if (!checked) checkHead(url, raw, false);
  const out: Buffer[] = [];
  for await (const m of splitMbox(once(raw))) {
    out.push(m.bytes);
    if (out.length >= maxMessages) return out;
  }
  // A complete gzip can still hold a cut mbox (a server that stopped writing mid-message): its
  // last message would be stored truncated, often under a synthetic Message-ID. Same rule as a
  // local mbox that may still be written: it must end with a newline and close its header.
  const last = out[out.length - 1];
  if (last && (raw[raw.length - 1] !== 0x0a || !headerClosed(last))) {
    throw new TruncatedResponse(url, "its last message is cut short (no final newline, or a header without its end)");
  }
  return out;
}

/** The body with its Content-Encoding (gzip layers) undone, or null when it has none. */
async function undoContentEncoding(res: HttpResponse, max: number): Promise<Buffer | null> {
  const v = res.headers["content-encoding"];
  const codings = String(Array.isArray(v) ? v.join(",") : v ?? "").toLowerCase().split(",").map((c) => c.trim()).filter((c) => c && c !== "identity");
  if (!codings.length) return null;
  const other = codings.find((c) => c !== "gzip" && c !== "x-gzip");
  if (other) throw new NotMboxError(res.url, `a body in Content-Encoding '${other.slice(0, 40)}', which this client never asks for`, false);
  let body = res.body;
  try {
    for (let i = 0; i < codings.length && body[0] === 0x1f && body[1] === 0x8b; i++) body = await gunzipToBuffer(res.url, body, max);
  } catch (e) {
    if (e instanceof GzipDamaged) throw new TruncatedResponse(res.url, e.detail);
    throw e;
  }
  return body;
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  if (b.length) yield b;
}

function skipBlank(b: Buffer): number {
  let i = 0;
  while (i < b.length && (b[i] === 0x0a || b[i] === 0x0d)) i++;
  return i;
}

function checkHead(url: string, head: Buffer, more: boolean): void {
  const i = skipBlank(head);
  if (i === head.length && !more) {
    throw new NotMboxError(url, `an empty mbox.gz (${head.length} bytes decoded; a search without results is a 404 "No results found")`, false);
  }
  const nl = head.indexOf(0x0a, i);
  const lineEnd = nl < 0 ? head.length : nl;
  if (head.subarray(i, i + 5).toString("latin1") === "From " && isSeparatorLine(head, i, lineEnd)) return;
  const d = describe(head.subarray(i, i + HEAD).toString("latin1"), "");
  throw new NotMboxError(url, `${d.what === "a non-gzip body" ? "a gzip that holds no mbox" : `a gzip that holds ${d.what}`}`, d.challenge || d.html);
}
