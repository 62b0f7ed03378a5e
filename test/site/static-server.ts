// A tiny static file server for a built dist/, on loopback only, as strict as the plainest static
// host (python -m http.server, a file share): exact files, and index.html for a directory. No
// clean-URL rewriting, so a link that only works on a rewriting host fails the tests. Like them it
// sends Last-Modified and Content-Length and answers If-Modified-Since with 304, so Chromium caches
// the modules a suite's hundreds of page loads share (the site benchmark turns its cache off).
// Used by the browser tests and the site benchmark.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".csv": "text/csv", ".svg": "image/svg+xml", ".png": "image/png", ".parquet": "application/octet-stream",
  ".zip": "application/zip", ".txt": "text/plain",
};

export interface StaticServer { url: string; close(): Promise<void>; bytesServed: Map<string, number> }

export async function serveDir(dir: string): Promise<StaticServer> {
  const bytesServed = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const rel = normalize(path).replace(/^(\.\.[/\\])+/, "");
    for (const candidate of [rel, join(rel, "index.html")]) {
      const file = join(dir, candidate);
      if (!file.startsWith(dir)) break;
      try {
        const st = await stat(file);
        if (!st.isFile()) continue;
        const modified = new Date(Math.floor(st.mtimeMs / 1000) * 1000);
        const since = Date.parse(String(req.headers["if-modified-since"] ?? ""));
        if (since >= modified.getTime()) {
          res.writeHead(304, { "last-modified": modified.toUTCString() });
          res.end();
          return;
        }
        const body = await readFile(file);
        bytesServed.set(path, body.length);
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": body.length, "last-modified": modified.toUTCString() });
        res.end(body);
        return;
      } catch { /* try the next candidate */ }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesServed,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** The file a page path is built to: "/" stays, "/people/3?q=x" -> "/people/3.html?q=x". */
export function pageUrl(path: string): string {
  const [p, q] = path.split(/(?=[?#])/);
  return (p === "/" || p.endsWith(".html") ? p : `${p}.html`) + (q ?? "");
}
