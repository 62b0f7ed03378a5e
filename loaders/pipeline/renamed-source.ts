// A stored archive moved or renamed is the same archive: it is read on under its stored source id,
// from its cursor, not read again as a second copy of every message, and the LIST= tag and a later
// re-tag act on the one archive. Only when the stored path is gone: a copy beside the original
// stays its own source. How each kind knows it is the same archive:
// - mbox (x.mbox -> y.mbox): it starts with the same bytes and still holds the stored cursor's
//   bytes where the old read ended (sources/mbox.ts continuesCursor);
// - Maildir: it holds at least half of the unique file keys read before (continuesMaildir);
// - public-inbox inbox or epoch: every epoch read before is there and holds the commit read last
//   (continuesInbox).
import { existsSync } from "node:fs";
import type { ReadContext, Source, SourceCursor, SourceItem } from "../model/records.ts";
import type { Manifest } from "../store/manifest.ts";
import { continuesCursor, mboxSource } from "../sources/mbox.ts";
import { continuesMaildir } from "../sources/maildir.ts";
import { continuesInbox } from "../sources/public-inbox.ts";

const CONTINUES: Partial<Record<Source["kind"], (path: string, cursor: SourceCursor | null | undefined) => boolean>> = {
  mbox: continuesCursor, maildir: continuesMaildir, "public-inbox": continuesInbox,
};
/** The id prefix of the sources openSource makes (lore thread and search sources are never renamed). */
const PREFIX: Record<Source["kind"], string> = { mbox: "mbox:", maildir: "maildir:", "public-inbox": "pi:" };

export function adoptRenamed(m: Manifest, source: Source): { source: Source; renamedFrom?: string } {
  const prefix = PREFIX[source.kind];
  if (!source.id.startsWith(prefix) || m.sources[source.id]) return { source };
  const stored = Object.entries(m.sources).filter(([id, s]) => s.kind === source.kind && id.startsWith(prefix));
  // adopted by an earlier run: the stored entry already has this path
  const adopted = stored.find(([, s]) => s.path === source.path);
  if (adopted) return { source: as(source, adopted[0]) };
  const continues = CONTINUES[source.kind]!;
  for (const [id, s] of stored) {
    if (!existsSync(s.path) && continues(source.path, s.cursor)) return { source: as(source, id), renamedFrom: s.path };
  }
  return { source };
}

/** The same source read under the stored id (its items' provenance too: an epoch's copies are "<id>#N"). */
function as(source: Source, id: string): Source {
  if (source.kind === "mbox") return mboxSource(source.path, { list: source.list, id });
  const from = source.id;
  return {
    ...source,
    id,
    read: async function* (cursor?: SourceCursor, ctx?: ReadContext): AsyncGenerator<SourceItem> {
      // the source asks the store about its own ids ("<new id>#N"): they are stored under the old one
      const stored = (src: string) => (src.startsWith(from) ? id + src.slice(from.length) : src);
      const inner: ReadContext | undefined = ctx && { ...ctx, ...(ctx.storedCopies && { storedCopies: (src: string) => ctx.storedCopies!(stored(src)) }) };
      for await (const item of source.read(cursor, inner)) {
        const p = item.provenance;
        yield p.source.startsWith(from) ? { ...item, provenance: { ...p, source: id + p.source.slice(from.length) } } : item;
      }
    },
  };
}
