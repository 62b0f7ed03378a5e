// Observable Framework config for the threadgraph site.
// Offline by design: no Google Fonts (globalStylesheets: []), no CDN imports (see src/components/vendor-entry.js),
// and a footer with no outside links, so dist/ works from any static host with no network.
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
    { name: "Search", path: "/search" },
  ],
  // No page per thread or person: thread.md and person.md read ?m= / ?e= and load one shard each
  // (loaders/analysis/shards.ts), so the build does not grow with the number of threads and people.
  // Site-wide search box: a plain form, so it works before any script has run.
  header: `<form class="tg-search-box" action="./search.html" role="search"><input type="search" name="q" placeholder="Search threads, people…" aria-label="Search threads and people"></form>`,
};
