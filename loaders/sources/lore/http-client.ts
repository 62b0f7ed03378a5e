// A polite HTTP client for lore (node http/https only): a clear User-Agent, at most
// `perHost` requests in flight to one host, exponential backoff with jitter on 429/5xx and
// network errors (honouring Retry-After), and separate connect and read (idle) timeouts.
// Bodies are read whole: a slice's mbox.gz is bounded, and reading it fully keeps the read
// timeout honest (a slow consumer never looks like a stalled server) and lets a retry start clean.
import http from "node:http";
import https from "node:https";
import { readFileSync } from "node:fs";

const VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "0";
  }
})();
export const USER_AGENT = `threadgraph/${VERSION} (+https://github.com/threadgraph/threadgraph)`;

export interface HttpOptions {
  perHost?: number;
  connectTimeoutMs?: number;
  /** No byte received for this long: the request fails (and is retried). */
  readTimeoutMs?: number;
  retries?: number;
  /** First backoff; doubles per attempt, with +-50% jitter; capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  userAgent?: string;
  /** Observe retries (for progress and tests). */
  onRetry?: (info: { url: string; attempt: number; waitMs: number; reason: string }) => void;
  /** Observe every completed response (for verbose logs and the benchmark). */
  onResponse?: (info: { url: string; method: string; status: number; bytes: number; ms: number }) => void;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class HttpError extends Error {
  constructor(readonly url: string, message: string, readonly status?: number) {
    super(`${url}: ${message}`);
  }
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
    }
    this.opts = {
      perHost: o.perHost ?? 2, connectTimeoutMs: o.connectTimeoutMs ?? 15_000, readTimeoutMs: o.readTimeoutMs ?? 60_000,
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
   * GET or POST with retries. Returns any final status (the caller decides what 404 means);
   * 429/5xx and network failures are retried, then thrown as HttpError naming the URL.
   */
  async request(url: string, method: "GET" | "POST" = "GET", onBytes?: (n: number) => void): Promise<HttpResponse> {
    const host = new URL(url).host;
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new HttpError(url, "cancelled (client closed)");
      let reason: string;
      let hinted: number | undefined;
      const release = await this.limiter(host).acquire();
      try {
        this.stats.requests++;
        const t0 = Date.now();
        const res = await this.once(url, method, onBytes);
        this.opts.onResponse?.({ url, method, status: res.status, bytes: res.body.length, ms: Date.now() - t0 });
        if (res.status !== 429 && res.status < 500) return res;
        reason = `HTTP ${res.status}`;
        hinted = retryAfterMs(res.headers["retry-after"]);
        if (attempt >= this.opts.retries) throw new HttpError(url, `${reason} after ${attempt + 1} attempts`, res.status);
      } catch (e) {
        if (e instanceof HttpError && e.status !== undefined) throw e;
        reason = (e as Error).message;
        if (attempt >= this.opts.retries) throw new HttpError(url, `${reason} (after ${attempt + 1} attempts)`);
      } finally {
        release();
      }
      const base = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** attempt);
      const jittered = base * (0.5 + Math.random());
      const waitMs = Math.min(this.opts.maxBackoffMs, Math.max(hinted ?? 0, jittered));
      this.stats.retries++;
      this.opts.onRetry?.({ url, attempt: attempt + 1, waitMs, reason });
      await this.sleep(waitMs);
    }
  }

  private once(url: string, method: string, onBytes?: (n: number) => void): Promise<HttpResponse> {
    const u = new URL(url);
    const mod = u.protocol === "https:" ? https : http;
    const agent = u.protocol === "https:" ? this.agents.https : this.agents.http;
    return new Promise((resolve, reject) => {
      let connectTimer: NodeJS.Timeout | undefined;
      const req = mod.request(u, {
        method, agent,
        headers: { "User-Agent": this.opts.userAgent, Accept: "*/*", ...(method === "POST" ? { "Content-Length": "0" } : {}) },
      });
      const fail = (msg: string) => req.destroy(new Error(msg));
      req.on("socket", (sock) => {
        // Reused keep-alive sockets are already connected.
        if ((sock as { connecting?: boolean }).connecting) {
          connectTimer = setTimeout(() => fail(`connect timeout after ${this.opts.connectTimeoutMs} ms`), this.opts.connectTimeoutMs);
          sock.once("connect", () => clearTimeout(connectTimer));
        }
      });
      req.setTimeout(this.opts.readTimeoutMs, () => fail(`read timeout: no data for ${this.opts.readTimeoutMs} ms`));
      req.on("error", (e) => { clearTimeout(connectTimer); reject(e); });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => {
          chunks.push(c);
          this.stats.bytes += c.length;
          onBytes?.(c.length);
        });
        res.on("aborted", () => reject(new Error("connection closed mid-response")));
        res.on("error", reject);
        res.on("end", () => {
          clearTimeout(connectTimer);
          if (!res.complete) return reject(new Error("connection closed mid-response"));
          resolve({ url, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      req.end();
    });
  }
}
