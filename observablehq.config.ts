// Observable Framework config for the threadgraph site.
// Offline by design: no Google Fonts (globalStylesheets: []), no CDN imports (see src/components/vendor-entry.js),
// and a footer with no outside links, so dist/ works from any static host with no network.
import { routeIds } from "./src/components/route-ids.ts";

export default {
  root: "src",
  // Tests and benchmarks build into a temp dir; everyone else gets dist/.
  output: process.env.THREADGRAPH_SITE_OUTPUT ?? "dist",
  title: "threadgraph",
  globalStylesheets: [],
  style: "components/style.css",
  head: `<link rel="icon" href="data:,">`,
  footer: "threadgraph: who engages across the mailing lists. Built from your local store; no network needed.",
  // Links end in .html so dist/ works on hosts without clean-URL rewriting (python -m http.server, file shares).
  preserveExtension: true,
  preserveIndex: true,
  pager: false,
  search: false,
  toc: false,
  pages: [
    { name: "Overview", path: "/" },
    { name: "Across lists", path: "/across" },
    { name: "Graph explorer", path: "/graph" },
    { name: "People", path: "/people" },
    { name: "Threads", path: "/threads" },
    { name: "Responsiveness", path: "/responsiveness" },
    { name: "Reviews", path: "/reviews" },
    { name: "Series", path: "/series" },
    { name: "Subsystems", path: "/subsystems" },
    { name: "Organisations", path: "/organisations" },
  ],
  // One page per person and per notable thread, from the ids the analysis wrote (no loader process per page).
  async *dynamicPaths() {
    const ids = await routeIds();
    for (const id of ids.people) yield `/people/${id}`;
    for (const id of ids.threads) yield `/threads/${id}`;
  },
};
