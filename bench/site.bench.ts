// Browser benchmark of the built site, in headless Chromium on loopback:
// - transfer size of each page (target <= 1.5 MB gzipped), time to its rendered main chart (target
//   <= 2 s) and to re-render a window change (target <= 0.5 s), on the real 2024-h2 corpus (+ the
//   ksummit epoch, with ../shared's MAINTAINERS) when ../shared is present; the Graph, Subsystems and
//   Organisations pages also with a window in the URL;
// - graph explorer frame rate while panning at 10,000 nodes (synthetic graph; target > 30 fps);
// - site build time (observable build, data loader included) for the real corpus, and for the
//   multi-year corpus bench/scaled-corpus.ts makes (THREADGRAPH_BENCH_COPIES=1,12: half-year copies,
//   12 = ~212k messages; THREADGRAPH_BENCH_DIR=DIR keeps the generated corpora and ingested stores, and reuses them). Targets at every
//   size: each page <= 1.5 MB transferred gzipped, build <= 2 min.
// Baselines from the same run: each page's DOMContentLoaded time, and the frame rate of the same
// drag on a page without the graph. Set THREADGRAPH_BENCH_STORE to reuse an ingested store.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { writeScaledCorpus } from "./scaled-corpus.ts";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { haveChromium, launch, type Browser } from "../test/site/browser.ts";
import { pageUrl, serveDir } from "../test/site/static-server.ts";
import { buildSite, REPO } from "../test/site/site-build.ts";
import { completeArtifacts, syntheticArtifacts } from "../test/site/synthetic-artifacts.ts";
import { cli } from "../test/site/pipeline.ts";
import { FILES } from "../loaders/analysis/artifacts.ts";

const SHARED = resolve(REPO, "../shared");
/** The kernel's MAINTAINERS (../shared/maintainers), so the Subsystems page is measured with its sections. */
const MAINTAINERS = join(SHARED, "maintainers/MAINTAINERS");
const MAIN_CHART: Record<string, string> = {
  "/": "svg[aria-label='weekly activity chart'] g[aria-label=line] path",
  "/across": "[data-testid=upset] rect",
  "/graph": "[data-testid=graph-canvas] canvas",
  "/people": ".tg-table tbody tr",
  "/threads": ".tg-table tbody tr",
  "/responsiveness": "svg[aria-label='survival curves'] g[aria-label=line] path",
  "/reviews": "svg[aria-label='review matrix'] rect",
  "/search": "[data-testid=search-input]",
  "/series": "svg[aria-label='lifecycle funnel'] rect",
  // Subsystems: the matrix with ../shared's MAINTAINERS, else the notice that says how to add one.
  "/subsystems": "svg[aria-label='subsystem review matrix'] rect, [data-testid=no-matrix], [data-testid=no-maintainers]",
  "/organisations": "[data-kpi=people_with_org]",
};
/** Pages measured again with a window in the URL (three months around the median message: windowQuery). */
const WINDOWED = ["/graph", "/people", "/subsystems", "/organisations"];
const ENTITY_CHART: [RegExp, string][] = [
  [/^\/thread\?/, "[data-testid=thread-flow] .tg-flow-row circle"],
  [/^\/person\?/, "svg[aria-label='person activity chart'] rect"],
  [/^\/search\?/, "[data-testid=search-results] .tg-table tbody tr"],
];

/** Pages with the header's filter: a window change is timed on them, until this data-kpi figure changes. */
const FILTER_KPI: Record<string, string> = { "/": "messages", "/across": "messages", "/people": "messages", "/threads": "messages",
  "/responsiveness": "messages", "/reviews": "messages", "/subsystems": "patches", "/organisations": "people_with_org" };
const pathOnly = (path: string) => path.split("?")[0];

interface PageFigure { path: string; bytes: number; gzBytes: number; chartMs: number; dclMs: number; rerenderMs: number | null }

/**
 * Time from a window change in the header (the "from" date moved to `from`) until the headline
 * figure has changed and the browser has painted the next frame.
 */
async function rerenderMs(page: import("playwright-core").Page, from: string, kpi: string): Promise<number> {
  const sel = JSON.stringify(`[data-kpi=${kpi}] .v`);
  // Strings, not functions: tsx's keepNames would inject a __name helper the page does not have.
  return Number(await page.evaluate(`new Promise((done) => {
    const kpi = document.querySelector(${sel});
    if (!kpi) return done(-2);
    const before = kpi.textContent, input = document.querySelector("[data-testid=filter] input[name=from]");
    const t0 = performance.now();
    const check = () => {
      const now = document.querySelector(${sel});
      if (now && now.textContent !== before) requestAnimationFrame(() => done(performance.now() - t0));
      else if (performance.now() - t0 > 30000) done(-1);
      else requestAnimationFrame(check);
    };
    input.value = ${JSON.stringify(from)};
    input.dispatchEvent(new Event("change", { bubbles: true }));
    requestAnimationFrame(check);
  })`));
}


async function measurePages(browser: Browser, url: string, paths: string[], changeFrom?: string): Promise<PageFigure[]> {
  const out: PageFigure[] = [];
  // Warm-up (not measured): the browser process and the static server's first request.
  const warm = await browser.newPage();
  await warm.page.goto(url + pageUrl(paths[0]), { waitUntil: "load" });
  await warm.page.close();
  for (const path of paths) {
    const { page, watch } = await browser.newPage();
    // Every page as a first visit: no HTTP cache shared with the pages measured before it.
    await (await page.context().newCDPSession(page)).send("Network.setCacheDisabled", { cacheDisabled: true });
    // Every body, read before the page closes (a big file read after close would count as 0). The static
    // server sends identity encoding: what a gzipping host would send is each body gzipped.
    let bytes = 0, gzBytes = 0;
    const reads: Promise<void>[] = [];
    // Chromium does not keep bodies past its 10 MB buffer: those are fetched again, from the same server.
    const body = (r: import("playwright-core").Response) => r.body().catch(async () => Buffer.from(await (await fetch(r.url())).arrayBuffer()));
    page.on("response", (r) => { reads.push(body(r).then((b) => { bytes += b.length; gzBytes += gzipSync(b, { level: 6 }).length; }, () => {})); });
    const t0 = Date.now();
    await page.goto(url + pageUrl(path), { waitUntil: "domcontentloaded" });
    const dclMs = Date.now() - t0;
    const sel = MAIN_CHART[pathOnly(path)] ?? ENTITY_CHART.find(([re]) => re.test(path))![1];
    await page.waitForSelector(sel, { state: "attached", timeout: 60_000 });
    const chartMs = Date.now() - t0;
    await page.waitForLoadState("networkidle");
    await Promise.all(reads);
    if (watch.outside.length) throw new Error(`${path}: requests left loopback: ${watch.outside.join(", ")}`);
    const kpi = FILTER_KPI[pathOnly(path)];
    const rerender = changeFrom && kpi && !path.includes("?") && (await page.locator(`[data-kpi=${kpi}]`).count()) ? Math.round(await rerenderMs(page, changeFrom, kpi)) : null;
    out.push({ path, bytes, gzBytes, chartMs, dclMs, rerenderMs: rerender });
    await page.close();
  }
  return out;
}

/** Frames drawn (requestAnimationFrame callbacks) per second while dragging across `selector`. */
async function dragFps(browser: Browser, base: string, path: string, selector: string): Promise<number> {
  const { page } = await browser.newPage();
  await page.goto(base + pageUrl(path), { waitUntil: "networkidle" });
  await page.waitForSelector(selector, { state: "attached", timeout: 60_000 });
  await page.waitForTimeout(500);
  const box = (await page.locator(selector).first().boundingBox())!;
  const cx = box.x + box.width / 2, cy = box.y + Math.min(box.height, 600) / 2;
  // Strings, not functions: tsx's keepNames would inject a __name helper the page does not have.
  await page.evaluate(`window.__frames = 0; window.__count = true;
    (function tick() { if (window.__count) { window.__frames++; requestAnimationFrame(tick); } })();`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 0; Date.now() - t0 < 3000; i++) {
    await page.mouse.move(cx + 150 * Math.sin(i / 10), cy + 100 * Math.cos(i / 13));
  }
  await page.mouse.up();
  const frames = Number(await page.evaluate("window.__count = false, window.__frames"));
  const fps = frames / ((Date.now() - t0) / 1000);
  await page.close();
  return fps;
}

function print(title: string, figures: PageFigure[]) {
  console.log(`\n${title}`);
  console.log("page                                               transfer    gzipped   DOMContentLoaded  main chart  chart/DCL  window change   (targets: <= 1.5 MB gzipped, < 2000 ms, change <= 500 ms)");
  for (const f of figures) {
    const change = f.rerenderMs === null ? "–" : `${f.rerenderMs} ms`;
    console.log(`${f.path.slice(0, 50).padEnd(50)} ${(f.bytes / 1e6).toFixed(2).padStart(6)} MB ${(f.gzBytes / 1e6).toFixed(2).padStart(6)} MB ${String(f.dclMs).padStart(10)} ms ${String(f.chartMs).padStart(9)} ms ${(f.chartMs / Math.max(1, f.dclMs)).toFixed(1).padStart(8)}x ${change.padStart(12)}` +
      `${f.gzBytes > 1.5e6 || f.chartMs > 2000 || (f.rerenderMs ?? 0) > 500 ? "   OVER TARGET" : ""}`);
  }
  const big = figures.reduce((a, b) => (b.gzBytes > a.gzBytes ? b : a));
  console.log(`largest page: ${big.path} ${(big.gzBytes / 1e6).toFixed(2)} MB gzipped (${(big.bytes / 1e6).toFixed(2)} MB as sent)`);
}

/** The day halfway through the data (a window change that keeps half of it). */
function midDay(meta: { window: { start: number; end: number } }): string {
  return new Date((meta.window.start + meta.window.end) / 2).toISOString().slice(0, 10);
}

/**
 * Three months around the median message's day, as the URL's filter: a window that holds mail at
 * any scale (the 2024-h2 corpus + ksummit spans 2021-2026, its first quarter holds ksummit alone).
 */
function windowQuery(store: string): string {
  const f = JSON.parse(readFileSync(join(store, "site", FILES.facts), "utf8"));
  let d = f.day0;
  for (let r = 0; r <= Math.floor(f.messages.dated / 2); r++) d += f.messages.day[r]; // days are deltas (facts.ts)
  const day = (k: number) => new Date(k * 86_400_000).toISOString().slice(0, 10);
  return `from=${day(d - 45)}&to=${day(d + 45)}`;
}

const LISTS = ["linux-cxl", "netdev", "linux-rdma"];
const keepDir = process.env.THREADGRAPH_BENCH_DIR;

/** One entity link of each kind, from the artifacts: the biggest thread (by any reply of it), the most active person, a search. */
function entityPaths(store: string): string[] {
  const threads = JSON.parse(readFileSync(join(store, "site/threads.json"), "utf8")).rows;
  const people = JSON.parse(readFileSync(join(store, "site/people.json"), "utf8")).rows;
  const big = threads.reduce((a: any, b: any) => (b.messages > a.messages ? b : a));
  const word = String(big.subject).split(/\W+/).filter((w) => w.length > 3)[0] ?? "patch";
  return [`/thread?m=${encodeURIComponent(big.id)}`, `/person?e=${encodeURIComponent(people[0].id)}`, `/search?q=${encodeURIComponent(word)}`];
}

/** The real 2024-h2 corpus + ksummit (copies = 1), or `copies` shifted half-year copies of 2024-h2 (bench/scaled-corpus.ts). */
async function corpusSite(browser: Browser, copies: number, base: string): Promise<void> {
  const corpus = join(SHARED, "corpus/2024-h2");
  if (!existsSync(corpus)) { console.log(`SKIP real corpus: ${corpus} is absent`); return; }
  let store = copies === 1 ? process.env.THREADGRAPH_BENCH_STORE : undefined;
  const dir = join(base, `copies-${copies}`);
  mkdirSync(dir, { recursive: true });
  // With THREADGRAPH_BENCH_DIR, an ingested store is kept and reused (ingest is not what this measures).
  const kept = join(dir, "store"), ingested = join(dir, "store.ingested");
  if (!store && keepDir && existsSync(ingested)) { store = kept; console.log(`\n${copies} half-year(s): reusing the store ingested in ${kept}`); }
  const ours = !store;
  if (!store) {
    store = kept;
    rmSync(store, { recursive: true, force: true });
    rmSync(ingested, { force: true });
    const t0 = Date.now();
    const ksummit = join(SHARED, "archives/ksummit.lists.linux.dev");
    let specs = LISTS.map((l) => `${l}=${join(copies === 1 ? corpus : dir, `${l}.mbox.gz`)}`);
    if (copies > 1 && !specs.every((x) => existsSync(x.slice(x.indexOf("=") + 1)))) specs = await writeScaledCorpus(corpus, dir, LISTS, copies);
    cli(["ingest", "--no-analyze", "--store", store, "--mailmap", join(SHARED, "identity/linux.mailmap"), "--list", "ksummit=ksummit@lists.linux.dev",
      ...specs, ...(copies === 1 && existsSync(ksummit) ? [`ksummit=${ksummit}`] : [])]);
    console.log(`\n${copies} half-year(s): ingest ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (keepDir) writeFileSync(ingested, "");
  }
  let t0 = Date.now();
  cli(["analyze", "--store", store, ...(existsSync(MAINTAINERS) ? ["--maintainers", MAINTAINERS] : [])]);
  console.log(`analyze: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const site = buildSite({ store });
  const meta = JSON.parse(readFileSync(join(store, "site/meta.json"), "utf8"));
  const threads = JSON.parse(readFileSync(join(store, "site/threads.json"), "utf8")).rows.length;
  const people = JSON.parse(readFileSync(join(store, "site/people.json"), "utf8")).rows.length;
  console.log(`site build (vendor bundle + observable build, incl. data loaders): ${(site.buildMs / 1000).toFixed(1)} s for ${meta.counts.messages} messages, ` +
    `${threads} threads and ${people} people, every one reachable (target <= 120 s)`);
  const server = await serveDir(site.dist);
  try {
    const q = windowQuery(store);
    const paths = [...Object.keys(MAIN_CHART), ...WINDOWED.map((p) => `${p}?${q}`), ...entityPaths(store), `${entityPaths(store)[1]}&${q}`];
    print(`${copies === 1 ? "2024-h2 corpus + ksummit" : `${copies} half-year copies of 2024-h2`}: ${meta.counts.messages} messages, ${meta.counts.people} people, graph ${meta.counts.graph_people} nodes`,
      await measurePages(browser, server.url, paths, midDay(meta)));
    if (copies === 1) {
      const fps = await dragFps(browser, server.url, "/graph", "[data-testid=graph-canvas]");
      console.log(`graph explorer panning, 2024-h2 graph (${meta.counts.graph_people} nodes): ${fps.toFixed(1)} fps`);
    }
  } finally {
    await server.close();
    site.cleanup();
    if (ours && !keepDir) rmSync(store, { recursive: true, force: true });
  }
}

async function realCorpus(browser: Browser): Promise<void> {
  const copies = (process.env.THREADGRAPH_BENCH_COPIES ?? "1").split(",").map(Number);
  const keep = process.env.THREADGRAPH_BENCH_DIR;
  const base = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "tg-site-bench-"));
  try {
    for (const k of copies) await corpusSite(browser, k, base);
  } finally {
    if (!keep) rmSync(base, { recursive: true, force: true });
  }
}

async function syntheticGraph(browser: Browser): Promise<void> {
  const { files } = await completeArtifacts(syntheticArtifacts({ people: 10_000, threads: 500, edgesPerNode: 3 }));
  const site = buildSite({ artifacts: files });
  const server = await serveDir(site.dist);
  try {
    print("synthetic graph: 10,000 nodes, ~30,000 edges", await measurePages(browser, server.url, ["/graph"]));
    const baseline = await dragFps(browser, server.url, "/people", ".tg-table");
    const fps = await dragFps(browser, server.url, "/graph", "[data-testid=graph-canvas]");
    console.log(`graph explorer panning at 10,000 nodes: ${fps.toFixed(1)} fps (baseline, same drag on a page without the graph: ${baseline.toFixed(1)} fps; ratio ${(fps / baseline).toFixed(2)}; target > 30 fps)`);
  } finally {
    await server.close();
    site.cleanup();
  }
}

if (!haveChromium()) {
  console.log("SKIP site benchmark: /usr/bin/chromium is missing");
} else {
  const browser = await launch();
  try {
    // THREADGRAPH_BENCH_SITE=synthetic or =real runs one half.
    const only = process.env.THREADGRAPH_BENCH_SITE;
    if (only !== "real") await syntheticGraph(browser);
    if (only !== "synthetic") await realCorpus(browser);
  } finally {
    await browser.close();
  }
}
