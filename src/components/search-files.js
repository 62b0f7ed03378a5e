// The search index files (loaders/analysis/shards.ts searchFiles), listed literally for Framework.
import { FileAttachment } from "observablehq:stdlib";

export const threadChunks = [
  FileAttachment("../data/site/search/threads-0.json"),
  FileAttachment("../data/site/search/threads-1.json"),
  FileAttachment("../data/site/search/threads-2.json"),
  FileAttachment("../data/site/search/threads-3.json"),
  FileAttachment("../data/site/search/threads-4.json"),
  FileAttachment("../data/site/search/threads-5.json"),
  FileAttachment("../data/site/search/threads-6.json"),
  FileAttachment("../data/site/search/threads-7.json"),
  FileAttachment("../data/site/search/threads-8.json"),
  FileAttachment("../data/site/search/threads-9.json"),
  FileAttachment("../data/site/search/threads-a.json"),
  FileAttachment("../data/site/search/threads-b.json"),
  FileAttachment("../data/site/search/threads-c.json"),
  FileAttachment("../data/site/search/threads-d.json"),
  FileAttachment("../data/site/search/threads-e.json"),
  FileAttachment("../data/site/search/threads-f.json"),
];
export const idChunks = [
  FileAttachment("../data/site/search/ids-0.json"),
  FileAttachment("../data/site/search/ids-1.json"),
  FileAttachment("../data/site/search/ids-2.json"),
  FileAttachment("../data/site/search/ids-3.json"),
  FileAttachment("../data/site/search/ids-4.json"),
  FileAttachment("../data/site/search/ids-5.json"),
  FileAttachment("../data/site/search/ids-6.json"),
  FileAttachment("../data/site/search/ids-7.json"),
  FileAttachment("../data/site/search/ids-8.json"),
  FileAttachment("../data/site/search/ids-9.json"),
  FileAttachment("../data/site/search/ids-a.json"),
  FileAttachment("../data/site/search/ids-b.json"),
  FileAttachment("../data/site/search/ids-c.json"),
  FileAttachment("../data/site/search/ids-d.json"),
  FileAttachment("../data/site/search/ids-e.json"),
  FileAttachment("../data/site/search/ids-f.json"),
];
export const peopleIndex = FileAttachment("../data/site/search/people.json");
