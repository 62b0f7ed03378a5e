// meta.json alone, for pages that need nothing else from the top-level artifacts (thread.html,
// person.html, search.html): each file a page references costs Framework work at build time and
// the browser a request, so they reference only meta.json and their own shards.
import { FileAttachment } from "observablehq:stdlib";

export const loadMeta = () => FileAttachment("../data/site/meta.json").json().catch(() => null);
