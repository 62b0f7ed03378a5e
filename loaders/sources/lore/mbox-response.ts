// Turns an HTTP response that should be an mbox.gz into messages, or a clear error naming the
// URL. Anything that is not gzip (an HTML page, a proof-of-work/bot challenge, a JSON error) is
// never parsed as mail. A gzip that ends early is a TruncatedResponse (the caller may retry).
import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { splitMbox } from "../mbox.ts";
import type { HttpResponse } from "./http-client.ts";

const gunzipAsync = promisify(gunzip);

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

/** Messages (mboxrd unquoted) of a complete mbox.gz response; [] for public-inbox's "No results found" 404. */
export async function mboxMessages(res: HttpResponse): Promise<Buffer[]> {
  const { url, status, body } = res;
  const type = String(res.headers["content-type"] ?? "");
  if (status === 404 && /No results found/i.test(body.subarray(0, 200).toString("latin1"))) return [];
  const isGzip = body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
  if (status !== 200 || !isGzip) {
    const head = body.subarray(0, 4096).toString("latin1");
    const html = /html/i.test(type) || /^\s*<(!doctype|html)/i.test(head);
    const challenge = CHALLENGE.test(head);
    const what = `${status !== 200 ? `HTTP ${status} ` : ""}${challenge ? "a proof-of-work/bot challenge page" : html ? "an HTML page" : type ? `'${type}'` : "a non-gzip body"}` +
      ` (${body.length} bytes)`;
    throw new NotMboxError(url, what, challenge || (html && status === 200) || status === 403);
  }
  let raw: Buffer;
  try {
    raw = await gunzipAsync(body);
  } catch (e) {
    throw new TruncatedResponse(url, (e as Error).message);
  }
  const out: Buffer[] = [];
  for await (const m of splitMbox(once(raw))) out.push(m.bytes);
  return out;
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  if (b.length) yield b;
}
