// A loopback HTTP server that answers like a hostile or broken lore: gzip bombs, endless bodies,
// a drip that never ends, HTML inside a gzip, an empty gzip, redirects. Everything is generated
// here (synthetic), nothing comes from ../shared.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";

export type Behaviour =
  /**
   * 200 application/gzip: `members` gzip members of `memberMiB` each: 100 x 100 MiB = 10 MB that
   * expand to 10 GiB. `fill`: zeros, or an mbox head followed by one repeated letter.
   */
  | { kind: "bomb"; members?: number; memberMiB?: number; fill?: "zeros" | "mbox" }
  /** 200 application/gzip whose members are mbox text, repeated without end. */
  | { kind: "endless-gzip" }
  /** 200 with an endless body of random bytes (not gzip), as fast as the socket takes it. */
  | { kind: "endless-raw" }
  /** 200 and then one byte every `everyMs`, forever (never idle long enough for a read timeout). */
  | { kind: "drip"; everyMs?: number }
  /** 200 application/gzip holding an HTML error page. */
  | { kind: "gzip-html" }
  /** 200 application/gzip holding nothing. */
  | { kind: "gzip-empty" }
  | { kind: "redirect"; status?: number; location: string }
  /** 200 application/gzip of these bytes. */
  | { kind: "gzip"; body: Buffer }
  | { kind: "status"; status: number; body?: string; type?: string };

export interface HostileServer {
  base: string;
  log: { method: string; url: string }[];
  close(): Promise<void>;
}

const members = new Map<string, Buffer>();
/** One gzip member of `mib` MiB of one repeated byte (~1000:1), optionally starting like an mbox. */
function member(mib: number, fill: "zeros" | "mbox", first: boolean): Buffer {
  const key = `${mib}/${fill}/${first && fill === "mbox"}`;
  let m = members.get(key);
  if (!m) {
    const raw = Buffer.alloc(mib << 20, fill === "zeros" ? 0 : 0x61);
    if (first && fill === "mbox") Buffer.from("From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: x\nMessage-ID: <bomb@example.org>\n\n").copy(raw);
    members.set(key, (m = gzipSync(raw, { level: 9 })));
  }
  return m;
}

/**
 * Make the gzip members a bomb behaviour serves now, before a test starts syncing: made on its first
 * request, 100 MiB compressed at level 9 blocked the server's one event loop for seconds on a loaded
 * machine, and every other list it served (a valid one, beside a short deadline) timed out meanwhile.
 */
export function prepareBombs(...bs: Behaviour[]): void {
  for (const b of bs) if (b.kind === "bomb") for (const f of [true, false]) member(b.memberMiB ?? 100, b.fill ?? "zeros", f);
}

// The same body served again (a flood answers every slice alike) is compressed once.
const gzipped = new WeakMap<Buffer, Buffer>();
const gzipOnce = (body: Buffer) => gzipped.get(body) ?? (gzipped.set(body, gzipSync(body, { level: 1 })), gzipped.get(body)!);

/** Synthetic mbox text: `n` messages with random bodies (so it compresses like mail, not like zeros). */
const DATE_SENT = "Mon, 01 Jul 2024 10:00:00 +0000";

export function syntheticMbox(n: number, seed = "x", bodyBytes = 600): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = randomBytes(bodyBytes).toString("base64").replace(/.{76}/g, "$&\n");
    parts.push(`From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: P${i} <p${i}@example.org>\nSubject: m${i}\n` +
      `Date: ${DATE_SENT}\nMessage-ID: <${seed}-${i}@example.org>\n\n${body}\n\n`);
  }
  return Buffer.from(parts.join(""));
}

/**
 * `body` (syntheticMbox) with every message dated on the first day the search URL asks for (d: or
 * dt:), as public-inbox answers: a slice of another window's mail is refused. Same length, so a
 * pre-made big body is copied, not rebuilt, per request.
 */
export function datedForQuery(body: Buffer, url: string): Buffer {
  const q = decodeURIComponent(/[?&]q=([^&]*)/.exec(url)?.[1] ?? "");
  const m = /dt?:(\d{4})(\d{2})(\d{2})/.exec(q);
  if (!m) return body;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 10));
  const rfc = d.toUTCString().replace(/^(\w{3}), (\d{2}) (\w{3}) (\d{4}) (\S+) GMT$/, "$1, $2 $3 $4 $5 +0000");
  const out = Buffer.from(body), from = Buffer.from(DATE_SENT), to = Buffer.from(rfc);
  if (to.length !== from.length) return body;
  for (let i = out.indexOf(from); i >= 0; i = out.indexOf(from, i + from.length)) to.copy(out, i);
  return out;
}

export async function startHostileServer(pick: (req: { method: string; url: string }) => Behaviour): Promise<HostileServer> {
  const log: HostileServer["log"] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const r = { method: req.method ?? "GET", url: req.url ?? "/" };
    log.push(r);
    req.resume();
    const b = pick(r);
    res.on("error", () => {});
    const gz = (body: Buffer) => {
      res.writeHead(200, { "content-type": "application/gzip", "content-length": body.length });
      res.end(body);
    };
    // Write while the client reads; stop when it hangs up, end when next() says so (null).
    const pump = (next: () => Buffer | null) => {
      const write = () => {
        for (;;) {
          if (res.destroyed) return;
          const c = next();
          if (c === null) return void res.end();
          if (!res.write(c)) return void res.once("drain", write);
        }
      };
      res.on("close", () => res.removeAllListeners("drain"));
      write();
    };
    switch (b.kind) {
      case "bomb": {
        const [first, rest] = [true, false].map((f) => member(b.memberMiB ?? 100, b.fill ?? "zeros", f));
        const n = b.members ?? 100;
        res.writeHead(200, { "content-type": "application/gzip", "content-length": first.length + rest.length * (n - 1) });
        let i = 0;
        pump(() => (i++ < n ? (i === 1 ? first : rest) : null));
        return;
      }
      case "endless-gzip": {
        const m = gzipSync(syntheticMbox(200));
        res.writeHead(200, { "content-type": "application/gzip" });
        return pump(() => m);
      }
      case "endless-raw": {
        const junk = randomBytes(256 * 1024);
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return pump(() => junk);
      }
      case "drip": {
        res.writeHead(200, { "content-type": "application/gzip" });
        res.flushHeaders();
        const t = setInterval(() => res.write("x"), b.everyMs ?? 100);
        timers.add(t);
        res.on("close", () => { clearInterval(t); timers.delete(t); });
        return;
      }
      case "gzip-html":
        return gz(gzipSync("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n"));
      case "gzip-empty":
        return gz(gzipSync(Buffer.alloc(0)));
      case "gzip":
        return gz(gzipOnce(b.body));
      case "redirect":
        res.writeHead(b.status ?? 301, { location: b.location, "content-type": "text/html" });
        return res.end("<html><body>Moved</body></html>");
      case "status":
        res.writeHead(b.status, { "content-type": b.type ?? "text/plain" });
        return res.end(b.body ?? "");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((r) => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
