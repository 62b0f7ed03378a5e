// A polite HTTP client for lore (node http/https only): a clear User-Agent, at most
// `perHost` requests in flight to one host, exponential backoff with jitter on 429/5xx and
// network errors (honouring Retry-After), and separate connect and read (idle) timeouts.
// Whatever the server sends, a request ends and its memory is bounded: a total deadline per
// request (a drip never trips the idle timeout), a byte limit per body (an endless body, or one
// whose Content-Length is too big, is cut), no redirect followed (reported with its Location),
// and a host that never answered (DNS failure, refused) fails after one quick retry; an untrusted
// TLS certificate fails at once.
// Bodies are read whole: a slice's mbox.gz is bounded, and reading it fully keeps the read
// timeout honest (a slow consumer never looks like a stalled server) and lets a retry start clean.
import http from "node:http";
import https from "node:https";
import { readFileSync } from "node:fs";
import { DeadlineExceeded, HttpError, isUnreachable, isUntrustedTls, Redirected, ResponseTooLarge, Unreachable } from "./http-errors.ts";
import type { SyncTuning } from "../../config.ts";

export { HttpError } from "./http-errors.ts";

const VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "0";
  }
})();
export const USER_AGENT = `threadgraph/${VERSION} (+https://github.com/threadgraph/threadgraph)`;

/** Default byte limit per response body, received and decompressed (docs/sync.md). */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 << 20;
export const DEFAULT_DEADLINE_MS = 300_000;

export interface RetryInfo {
  url: string;
  /** The attempt about to be made (2 = first retry) and the most there will be. */
  attempt: number;
  maxAttempts: number;
  waitMs: number;
  reason: string;
}

/** The client options from threadgraph.config.ts `sync:` (checked: a typo must not make every request fail oddly). */
export function httpOptionsFrom(t: SyncTuning = {}): HttpOptions {
  const num = (v: unknown, name: string, min: number) => {
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min) throw new Error(`sync.${name} in threadgraph.config.ts: expected a number >= ${min}, got ${JSON.stringify(v)}`);
    return v;
  };
  return {
    perHost: Math.min(2, num(t.perHost, "perHost", 1) ?? 2), connectTimeoutMs: num(t.connectTimeoutMs, "connectTimeoutMs", 1),
    readTimeoutMs: num(t.readTimeoutMs, "readTimeoutMs", 1), deadlineMs: num(t.requestDeadlineMs, "requestDeadlineMs", 1),
    maxResponseBytes: num(t.maxResponseBytes, "maxResponseBytes", 1024), retries: num(t.retries, "retries", 0),
  };
}

/** One line for a retry, for progress on stderr: which request, attempt n of m, waiting s. */
export function describeRetry(r: RetryInfo): string {
  return `${r.url}: ${r.reason}; attempt ${r.attempt}/${r.maxAttempts} in ${(r.waitMs / 1000).toFixed(1)} s`;
}

export interface HttpOptions {
  perHost?: number;
  connectTimeoutMs?: number;
  /** No byte received for this long: the request fails (and is retried). */
  readTimeoutMs?: number;
  /** The whole request (connect to last byte) takes longer: it fails, not retried. */
  deadlineMs?: number;
  /** Most bytes of one body, as received and (see gzip-body.ts) once decompressed. */
  maxResponseBytes?: number;
  retries?: number;
  /** First backoff; doubles per attempt, with +-50% jitter; capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  userAgent?: string;
  /** Observe retries (for progress and tests). */
  onRetry?: (info: RetryInfo) => void;
  /** Observe every completed response (for verbose logs and the benchmark). */
  onResponse?: (info: { url: string; method: string; status: number; bytes: number; ms: number }) => void;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Counting semaphore per host. */
class Limiter {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async acquire(): Promise<() => void> {
    if (this.active >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}


/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(v: string | string[] | undefined, now = Date.now()): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return undefined;
  if (/^\d+$/.test(s.trim())) return Number(s.trim()) * 1000;
  const t = Date.parse(s);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}

export class HttpClient {
  readonly opts: Required<Omit<HttpOptions, "onRetry" | "onResponse">> & Pick<HttpOptions, "onRetry" | "onResponse">;
  private limiters = new Map<string, Limiter>();
  private agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 8 }),
  };
  /** Hosts that sent at least one response: a refused connection to them is a blip, not "offline". */
  private answered = new Set<string>();
  /** Hosts found unreachable in this run, with why: later requests to them fail at once. */
  private unreachable = new Map<string, Error>();
  /** Totals for progress and the summary. */
  stats = { requests: 0, retries: 0, bytes: 0 };
  private closed = false;
  /** Pending backoff sleeps, cut short by close() so abandoned prefetches do not keep the process alive. */
  private wakers = new Set<() => void>();

  /** `shareWith`: use its per-host limits and connections but keep separate stats (one client per list). */
  constructor(o: HttpOptions = {}, shareWith?: HttpClient) {
    if (shareWith) {
      this.limiters = shareWith.limiters;
      this.agents = shareWith.agents;
      this.answered = shareWith.answered;
      this.unreachable = shareWith.unreachable;
    }
    this.opts = {
      perHost: o.perHost ?? 2, connectTimeoutMs: o.connectTimeoutMs ?? 15_000, readTimeoutMs: o.readTimeoutMs ?? 60_000,
      deadlineMs: o.deadlineMs ?? DEFAULT_DEADLINE_MS, maxResponseBytes: o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      retries: o.retries ?? 5, backoffMs: o.backoffMs ?? 1000, maxBackoffMs: o.maxBackoffMs ?? 60_000,
      userAgent: o.userAgent ?? USER_AGENT, onRetry: o.onRetry, onResponse: o.onResponse,
    };
  }

  close(): void {
    this.closed = true;
    for (const w of this.wakers) w();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => { clearTimeout(t); this.wakers.delete(done); resolve(); };
      const t = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private limiter(host: string): Limiter {
    let l = this.limiters.get(host);
    if (!l) this.limiters.set(host, (l = new Limiter(this.opts.perHost)));
    return l;
  }

  /**
   * GET or POST with retries. Returns any final 2xx/4xx status (the caller decides what 404
   * means); 429/5xx and network failures are retried, then thrown as HttpError naming the URL.
   * Thrown at once, never retried: a redirect, a body over the limit, a blown deadline, and a
   * host that never answered (after one quick retry).
   */
  async request(url: string, method: "GET" | "POST" = "GET", onBytes?: (n: number) => void): Promise<HttpResponse> {
    const u = new URL(url);
    // node's http would refuse it on every attempt ("Protocol not supported"): said once, not retried
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new HttpError(url, `not an http(s) URL (${u.protocol}): use the inbox's http(s) address`);
    const host = u.host;
    let quickRetried = false;
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new HttpError(url, "cancelled (client closed)");
      const known = this.unreachable.get(host);
      if (known) throw new Unreachable(url, host, known);
      let reason: string;
      let hinted: number | undefined;
      let quick = false;
      const release = await this.limiter(host).acquire();
      try {
        this.stats.requests++;
        const t0 = Date.now();
        const res = await this.once(url, method, onBytes);
        this.answered.add(host);
        this.opts.onResponse?.({ url, method, status: res.status, bytes: res.body.length, ms: Date.now() - t0 });
        if (res.status >= 300 && res.status < 400) {
          const location = headerOf(res.headers.location);
          // 304 (or another 3xx without a Location) is no redirect: this client never sends a conditional request.
          if (location === undefined && ![301, 302, 303, 307, 308].includes(res.status)) {
            throw new HttpError(url, `unexpected HTTP ${res.status}${res.status === 304 ? " Not Modified" : ""} without a Location, for a request ` +
              "that was not conditional: a cache or proxy is in the way", res.status);
          }
          throw new Redirected(url, res.status, location);
        }
        if (res.status !== 429 && res.status < 500) return res;
        reason = `HTTP ${res.status}`;
        hinted = retryAfterMs(res.headers["retry-after"]);
        if (attempt >= this.opts.retries) throw new HttpError(url, `${reason} after ${attempt + 1} attempts`, res.status);
      } catch (e) {
        if (e instanceof HttpError) throw e;
        reason = (e as Error).message;
        if ((e as NodeJS.ErrnoException).code === "HPE_HEADER_OVERFLOW") {
          // a header bomb comes back the same every time, like a body bomb
          throw new HttpError(url, "response headers over Node's 16 KiB limit (no public-inbox server sends such): not retried, nothing from it was stored");
        }
        if (isUntrustedTls(e)) {
          // the same certificate comes back on every retry: said at once, later requests too
          this.unreachable.set(host, e as Error);
          throw new Unreachable(url, host, e as Error);
        }
        if (isUnreachable(e) && !this.answered.has(host)) {
          // Offline, a typo in the host, nothing listening: retrying for a minute helps nobody.
          if (quickRetried || this.closed) {
            this.unreachable.set(host, e as Error);
            throw new Unreachable(url, host, e as Error);
          }
          quickRetried = quick = true;
        } else if (attempt >= this.opts.retries) throw new HttpError(url, `${reason} (after ${attempt + 1} attempts)`);
      } finally {
        release();
      }
      const base = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** attempt);
      const jittered = base * (0.5 + Math.random());
      const waitMs = quick ? Math.min(1000, this.opts.backoffMs) : Math.min(this.opts.maxBackoffMs, Math.max(hinted ?? 0, jittered));
      this.stats.retries++;
      const maxAttempts = quick ? attempt + 2 : this.opts.retries + 1;
      this.opts.onRetry?.({ url, attempt: attempt + 2, maxAttempts, waitMs, reason });
      await this.sleep(waitMs);
    }
  }

  private once(url: string, method: string, onBytes?: (n: number) => void): Promise<HttpResponse> {
    const u = new URL(url);
    const mod = u.protocol === "https:" ? https : http;
    const agent = u.protocol === "https:" ? this.agents.https : this.agents.http;
    const { connectTimeoutMs, readTimeoutMs, deadlineMs, maxResponseBytes: max } = this.opts;
    return new Promise((resolve, reject) => {
      let connectTimer: NodeJS.Timeout | undefined;
      let received = 0;
      let settled = false;
      const settle = (err: Error | null, res?: HttpResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(deadline);
        if (err) reject(err);
        else resolve(res!);
      };
      // Settle first, then drop the connection: the socket's own errors come too late to matter.
      const abort = (err: Error) => { settle(err); req.destroy(); };
      const req = mod.request(u, {
        method, agent,
        headers: { "User-Agent": this.opts.userAgent, Accept: "*/*", ...(method === "POST" ? { "Content-Length": "0" } : {}) },
      });
      const deadline = setTimeout(() => abort(new DeadlineExceeded(url, deadlineMs, received)), deadlineMs);
      req.on("socket", (sock) => {
        // Reused keep-alive sockets are already connected.
        if ((sock as { connecting?: boolean }).connecting) {
          connectTimer = setTimeout(() => abort(Object.assign(new Error(`connect timeout after ${connectTimeoutMs} ms`), { code: "CONNECT_TIMEOUT" })), connectTimeoutMs);
          sock.once("connect", () => clearTimeout(connectTimer));
        }
      });
      req.setTimeout(readTimeoutMs, () => abort(new Error(`read timeout: no data for ${readTimeoutMs} ms`)));
      req.on("error", (e) => settle(e));
      req.on("response", (res) => {
        const status = res.statusCode ?? 0;
        // A redirect's body is of no use; a declared size over the limit is not worth downloading.
        if (status >= 300 && status < 400) {
          settle(null, { url, status, headers: res.headers, body: Buffer.alloc(0) });
          return req.destroy();
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > max) return abort(new ResponseTooLarge(url, max, { declared }));
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => {
          received += c.length;
          this.stats.bytes += c.length;
          onBytes?.(c.length);
          if (received > max) {
            const gzip = (chunks[0] ?? c)[0] === 0x1f;
            chunks.length = 0; // let the partial body go now, not when the socket is collected
            return abort(new ResponseTooLarge(url, max, { received, gzip }));
          }
          chunks.push(c);
        });
        res.on("aborted", () => settle(new Error("connection closed mid-response")));
        res.on("error", (e) => settle(e));
        res.on("end", () => {
          if (!res.complete) return settle(new Error("connection closed mid-response"));
          const body = Buffer.concat(chunks);
          chunks.length = 0;
          settle(null, { url, status, headers: res.headers, body });
        });
      });
      req.end();
    });
  }
}

const headerOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
