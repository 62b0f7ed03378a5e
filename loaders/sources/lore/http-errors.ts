// The errors of the lore HTTP client. Every HttpError is final: the client never retries it
// (a bomb, a redirect or a blown deadline would only repeat); retryable failures (429/5xx, resets,
// read timeouts) are plain Errors inside the client until its retries run out.

export class HttpError extends Error {
  constructor(readonly url: string, message: string, readonly status?: number) {
    super(`${url}: ${message}`);
  }
}

const MiB = 1 << 20;
export const mib = (n: number) => `${(n / MiB).toFixed(n % MiB ? 1 : 0)} MiB`;

/** Decoded/compressed ratio above which a gzip is a bomb, not mail (mbox text compresses 3-10:1). */
export const BOMB_RATIO = 100;

/**
 * A body over the limit, received or decoded. `splittable`: the server may simply have had a lot
 * to say (a date slice can be split); a bomb (absurd compression ratio) or a page that is not
 * gzip at all is not worth asking again.
 */
export class ResponseTooLarge extends HttpError {
  readonly bomb: boolean;
  readonly splittable: boolean;
  constructor(url: string, readonly limit: number, detail: { received?: number; declared?: number; decoded?: number; compressed?: number; gzip?: boolean }) {
    const { declared, decoded, compressed } = detail;
    const ratio = decoded !== undefined && compressed ? decoded / compressed : 0;
    const bomb = ratio > BOMB_RATIO;
    super(url, bomb
      ? `a gzip bomb: ${mib(compressed!)} compressed already expand past the ${mib(limit)} limit (about ${Math.round(ratio)}:1); ` +
        "not retried, nothing from it was stored"
      : `response larger than the ${mib(limit)} limit (${declared !== undefined ? `Content-Length ${declared} bytes` :
        decoded !== undefined ? `more than ${mib(limit)} once decompressed` : `more than ${mib(limit)} received`}; ` +
        "sync.maxResponseBytes in threadgraph.config.ts); nothing from it was stored");
    this.bomb = bomb;
    this.splittable = !bomb && detail.gzip !== false;
  }
}

/** The whole request took longer than the deadline (a drip-feeding server never trips the idle timeout). */
export class DeadlineExceeded extends HttpError {
  constructor(url: string, deadlineMs: number, received: number) {
    super(url, `no complete response within the ${Math.round(deadlineMs / 1000)} s deadline per request ` +
      `(${received} bytes received; sync.requestDeadlineMs); not retried, nothing from it was stored`);
  }
}

/** threadgraph does not follow redirects: the configured inbox URL is what the user should fix. */
export class Redirected extends HttpError {
  constructor(url: string, status: number, readonly location: string | undefined) {
    super(url, `redirected (HTTP ${status}) to ${location ?? "(no Location header)"}; redirects are not followed: ` +
      "use that URL as the inbox (--list NAME=URL, or inbox: in threadgraph.config.ts)", status);
  }
}

/** Network failures that mean "this host cannot be reached from here", as opposed to a blip. */
const UNREACHABLE = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH",
  "ENETDOWN", "EHOSTDOWN", "EADDRNOTAVAIL", "CONNECT_TIMEOUT"]);

export function isUnreachable(e: unknown): boolean {
  return UNREACHABLE.has((e as { code?: string })?.code ?? "") || isUntrustedTls(e);
}

/**
 * OpenSSL's certificate verification failures (Node passes their names as the code): the same
 * certificate comes back on every retry. Behind a proxy that intercepts HTTPS with its own CA,
 * retrying them cost 38 s per request, one slice after another.
 */
const UNTRUSTED_TLS = /^(ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED)$/;

export function isUntrustedTls(e: unknown): boolean {
  return UNTRUSTED_TLS.test((e as { code?: string })?.code ?? "");
}

/** The host never answered (DNS failure, refused, unroutable): said at once, with the offline way. */
export class Unreachable extends HttpError {
  constructor(url: string, readonly host: string, cause: Error) {
    const code = (cause as { code?: string }).code ?? "network error";
    super(url, (isUntrustedTls(cause)
      ? `the TLS certificate of ${host} is not trusted (${code}: ${cause.message}), so nothing was fetched and it is not retried: ` +
        "a proxy or firewall intercepting HTTPS, or a wrong inbox URL. If your network's proxy uses its own CA, give it to Node: " +
        "NODE_EXTRA_CA_CERTS=/path/to/ca.pem. "
      : `cannot reach ${host} (${code}: ${cause.message}). Check the network connection and the inbox URL. `) +
      "To work offline, ingest local archives instead: " +
      "threadgraph ingest LIST=PATH (an mbox or mbox.gz file, a Maildir, or a public-inbox git mirror)");
  }
}
