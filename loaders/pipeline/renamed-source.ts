// A stored mbox moved or renamed (x.mbox -> y.mbox): the file at the new path is the same archive
// when it starts with the same bytes and still holds the stored cursor's bytes where the old read
// ended (sources/mbox.ts continuesCursor). It is then read on under its stored source id, from its
// cursor: no second copy of every message, and the LIST= tag and a later re-tag act on the one
// archive. Only when the stored path is gone: a copy beside the original stays its own source.
import { existsSync } from "node:fs";
import type { Source } from "../model/records.ts";
import type { Manifest } from "../store/manifest.ts";
import { continuesCursor, mboxSource } from "../sources/mbox.ts";

export function adoptRenamed(m: Manifest, source: Source): { source: Source; renamedFrom?: string } {
  if (source.kind !== "mbox" || !source.id.startsWith("mbox:") || m.sources[source.id]) return { source };
  const as = (id: string) => mboxSource(source.path, { list: source.list, id });
  const mboxes = Object.entries(m.sources).filter(([id, s]) => s.kind === "mbox" && id.startsWith("mbox:"));
  // adopted by an earlier run: the stored entry already has this path
  const adopted = mboxes.find(([, s]) => s.path === source.path);
  if (adopted) return { source: as(adopted[0]) };
  for (const [id, s] of mboxes) {
    if (!existsSync(s.path) && continuesCursor(source.path, s.cursor)) return { source: as(id), renamedFrom: s.path };
  }
  return { source };
}
