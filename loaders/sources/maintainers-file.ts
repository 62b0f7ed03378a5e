// The MAINTAINERS text behind a user's choice: a local file, or an http(s) URL fetched through the
// one HTTP client (its size cap, deadline and retries) and cached under the cache directory, so
// later runs, offline ones and the page loaders included, read the same copy.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HttpClient } from "./lore/http-client.ts";

/** A cached copy younger than this is used without asking the server again. */
export const MAINTAINERS_CACHE_MS = 24 * 3600_000;
/** The real file is ~800 KB; a response past this is not a MAINTAINERS file. */
const MAX_BYTES = 16 << 20;

export const isUrl = (spec: string) => /^https?:\/\//i.test(spec);

export interface MaintainersText {
  text: string;
  /** The file read: the local path, or the cached copy of the URL. */
  path: string;
  /** "file", "url" (fetched now), "cache" (a cached copy of the URL). */
  via: "file" | "url" | "cache";
}

function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text) || /<\/(?:html|body|pre|code|td|div)>/i.test(text);
}

export function cachePath(cacheDir: string, url: string): string {
  return join(cacheDir, `MAINTAINERS-${createHash("sha1").update(url).digest("hex").slice(0, 16)}`);
}

/**
 * Read the chosen MAINTAINERS. `fetch: false` (page loaders) never goes to the network: a URL
 * not cached yet is an error saying which command fetches it. A failed fetch falls back to an
 * older cached copy, saying so through `warn`.
 */
/** Why `text` is no MAINTAINERS file (a local one or a response alike), or null. */
function notMaintainers(text: string): string | null {
  // A cgit or GitHub view shows the file's lines inside HTML (addresses as &lt;..&gt;): it has
  // tagged entries, yet is no MAINTAINERS file. A real one starts with text and has no end tags.
  if (looksLikeHtml(text)) return "an HTML page, not a MAINTAINERS file (use the raw file, e.g. a /plain/ or raw link)";
  if (!/^[A-Z].*\r?\n[MRLSFXNK]:\s/m.test(text)) return "not a MAINTAINERS file (no section with tagged entries)";
  return null;
}

export async function loadMaintainersText(spec: string, o: { cacheDir: string; fetch?: boolean; warn?: (m: string) => void; client?: HttpClient }): Promise<MaintainersText> {
  if (!isUrl(spec)) {
    if (!existsSync(spec)) throw new Error(`MAINTAINERS file ${spec} does not exist`);
    // the checks a fetched copy gets: saved in the store, a wrong file would fail or empty every later analysis
    const size = statSync(spec).size;
    if (size > MAX_BYTES) throw new Error(`MAINTAINERS file ${spec}: ${size} bytes, more than ${MAX_BYTES >> 20} MiB: not a MAINTAINERS file (the kernel's is about 800 KB)`);
    const text = readFileSync(spec, "utf8");
    const why = notMaintainers(text);
    if (why) throw new Error(`MAINTAINERS file ${spec}: it is ${why}`);
    return { text, path: spec, via: "file" };
  }
  const cached = cachePath(o.cacheDir, spec);
  const fresh = existsSync(cached) && Date.now() - statSync(cached).mtimeMs < MAINTAINERS_CACHE_MS;
  if (fresh || (existsSync(cached) && o.fetch === false)) return { text: readFileSync(cached, "utf8"), path: cached, via: "cache" };
  if (o.fetch === false) throw new Error(`MAINTAINERS ${spec} is not cached yet: run 'threadgraph analyze' once to fetch it`);
  const client = o.client ?? new HttpClient({ maxResponseBytes: MAX_BYTES, retries: 2 });
  try {
    const r = await client.request(spec);
    if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
    const text = r.body.toString("utf8");
    const why = notMaintainers(text);
    if (why) throw new Error(`the response is ${why}`);
    mkdirSync(o.cacheDir, { recursive: true });
    writeFileSync(`${cached}.tmp`, text);
    renameSync(`${cached}.tmp`, cached);
    return { text, path: cached, via: "url" };
  } catch (e) {
    const why = `MAINTAINERS ${spec}: ${(e as Error).message}`;
    if (!existsSync(cached)) throw new Error(why);
    o.warn?.(`${why}; using the copy cached ${new Date(statSync(cached).mtimeMs).toISOString()}`);
    return { text: readFileSync(cached, "utf8"), path: cached, via: "cache" };
  } finally {
    if (!o.client) client.close();
  }
}
