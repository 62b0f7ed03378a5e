// A loopback proxy in front of the REAL public-inbox-httpd that injects faults into chosen
// responses: stall, 503 (with Retry-After), an HTML page with status 200 (plain, or inside a
// gzip), an empty gzip, a gzip cut short, or a result cap (keeps the first N messages, as a
// capped deployment would).
import http from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";

export type Fault =
  | { kind: "stall"; ms: number }
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "html" }
  | { kind: "gzip-html" }
  | { kind: "gzip-empty" }
  | { kind: "cut" }
  | { kind: "cap"; max: number };

export interface ProxyRequest { n: number; method: string; url: string }

export interface FaultProxy {
  base: string;
  /** Every request seen, in order, with the fault injected (if any) and when it was answered (ms after it came; unset: never). */
  log: (ProxyRequest & { fault?: Fault["kind"]; userAgent?: string; answeredMs?: number })[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string, pick: (r: ProxyRequest) => Fault | undefined): Promise<FaultProxy> {
  const log: FaultProxy["log"] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const r: ProxyRequest = { n: log.length, method: req.method ?? "GET", url: req.url ?? "/" };
    const fault = pick(r);
    const entry: FaultProxy["log"][number] = { ...r, fault: fault?.kind, userAgent: req.headers["user-agent"] };
    log.push(entry);
    const came = Date.now();
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => http.ServerResponse;
    res.writeHead = ((...a: unknown[]) => { entry.answeredMs ??= Date.now() - came; return writeHead(...a); }) as typeof res.writeHead;
    const forward = () => {
      const up = http.request(`${upstream}${r.url}`, { method: r.method, headers: { ...req.headers, host: new URL(upstream).host } }, (ur) => {
        const chunks: Buffer[] = [];
        ur.on("data", (c) => chunks.push(c));
        ur.on("end", () => deliver(ur.statusCode ?? 502, ur.headers, Buffer.concat(chunks)));
      });
      up.on("error", (e) => { res.writeHead(502); res.end(String(e)); });
      req.pipe(up);
    };
    const deliver = (status: number, headers: http.IncomingHttpHeaders, body: Buffer) => {
      const h: http.OutgoingHttpHeaders = { "content-type": headers["content-type"] ?? "application/octet-stream" };
      if (fault?.kind === "cut" && body[0] === 0x1f) body = body.subarray(0, Math.max(20, Math.floor(body.length / 2)));
      if (fault?.kind === "cap" && body[0] === 0x1f) {
        const text = gunzipSync(body).toString("latin1");
        const starts = [...text.matchAll(/^From mboxrd@z /gm)].map((m) => m.index!);
        if (starts.length > fault.max) body = gzipSync(Buffer.from(text.slice(0, starts[fault.max]), "latin1"));
      }
      h["content-length"] = body.length;
      res.writeHead(status, h);
      res.end(body);
    };
    if (!fault || fault.kind === "cut" || fault.kind === "cap") return forward();
    if (fault.kind === "stall") {
      const t = setTimeout(() => { timers.delete(t); forward(); }, fault.ms);
      timers.add(t);
      return;
    }
    if (fault.kind === "gzip-html" || fault.kind === "gzip-empty") {
      const body = gzipSync(fault.kind === "gzip-empty" ? "" : "<!DOCTYPE html>\n<html><head><title>Error</title></head><body>upstream timed out</body></html>\n");
      res.writeHead(200, { "content-type": "application/gzip", "content-length": body.length });
      return res.end(body);
    }
    if (fault.kind === "status") {
      res.writeHead(fault.status, { "content-type": "text/plain", ...(fault.retryAfter ? { "retry-after": fault.retryAfter } : {}) });
      return res.end("Service Unavailable\n");
    }
    // A bot-challenge page, served with 200 like the real thing.
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><html><head><title>Making sure you're not a bot!</title></head><body>proof-of-work challenge</body></html>");
  });
  // Node closes a connection idle for 5 s; a client reusing it just then gets ECONNRESET and retries,
  // an extra retry the tests did not inject (seen while a stalled slice held the sync up, at load 30).
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    get maxInFlight() { return state.maxInFlight; },
    close: () => new Promise<void>((r) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
