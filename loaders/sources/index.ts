// openSource("[LIST=]PATH"): picks the source kind from what is on disk.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Source } from "../model/records.ts";
import { SourceError } from "./errors.ts";
import { isMaildir, maildirSource } from "./maildir.ts";
import { looksLikeMbox, mboxSource } from "./mbox.ts";
import { findEpochs, publicInboxSource } from "./public-inbox.ts";

export { SourceError } from "./errors.ts";
export { splitMbox } from "./mbox.ts";

/** Split "netdev=path/x.mbox.gz" into list and path. A '=' inside a path with '/' before it is kept. */
export function parseSourceSpec(spec: string): { list?: string; path: string } {
  const m = /^([A-Za-z0-9][\w.+-]*)=(.+)$/.exec(spec);
  return m ? { list: m[1], path: m[2] } : { path: spec };
}

export function openSource(spec: string): Source {
  const { list, path } = parseSourceSpec(spec);
  const abs = resolve(path);
  if (!existsSync(abs)) throw new SourceError(abs, "no such file or directory");
  const st = statSync(abs);
  if (st.isDirectory()) {
    if (isMaildir(abs)) return maildirSource(abs, { list });
    if (findEpochs(abs)) return publicInboxSource(abs, { list });
    throw new SourceError(abs, "directory is neither a Maildir (cur/, new/) nor a public-inbox inbox (git/N.git)");
  }
  if (st.isFile()) {
    if (st.size === 0 || looksLikeMbox(abs)) return mboxSource(abs, { list });
    throw new SourceError(abs, "file is not an mbox (no 'From ' separator at its start), plain or gzip");
  }
  throw new SourceError(abs, "not a regular file or directory");
}
