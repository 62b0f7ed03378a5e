// meta.json alone, for the person and thread pages: each file a page references costs Framework
// a lookup per page at build time, and there are hundreds of these pages, so they reference
// only meta.json and their own detail file (not every artifact, as artifacts.js does).
import { FileAttachment } from "observablehq:stdlib";

export const loadMeta = () => FileAttachment("../data/site/meta.json").json().catch(() => null);
