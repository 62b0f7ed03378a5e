// One uncommitted batch of rows for one source, and its commit (parts + cursor, atomically).
import type { ParsedMessage, Provenance, Source, SourceCursor } from "../model/records.ts";
import type { PartTable } from "./schema.ts";
import type { DuckStore } from "./store.ts";
import { JsonLinesWriter } from "./parquet-writer.ts";

const lines = (): Record<PartTable, JsonLinesWriter> => ({
  messages: new JsonLinesWriter(), arrivals: new JsonLinesWriter(), trailers: new JsonLinesWriter(),
  errors: new JsonLinesWriter(), tombstones: new JsonLinesWriter(), verdicts: new JsonLinesWriter(), message_files: new JsonLinesWriter(),
});

export class Batch {
  /** Rows are encoded as they arrive: the batch holds bytes, not thousands of live objects. */
  rows: Record<PartTable, JsonLinesWriter> = lines();
  size = 0;
  cursor: SourceCursor | null = null;

  constructor(private source: Source) {}

  message(p: ParsedMessage, prov: Provenance): void {
    this.rows.messages.add({
      message_id: p.messageId, date: p.date, from_name: p.from.name, from_email: p.from.email,
      subject: p.subject, in_reply_to: p.inReplyTo, references: p.references, own_lists: p.lists,
      list_id: p.listId, to_emails: p.to.map((a) => a.email), cc_emails: p.cc.map((a) => a.email),
      is_patch: p.patch.isPatch, is_rfc: p.patch.isRfc, patch_version: p.patch.version,
      patch_index: p.patch.index, patch_total: p.patch.total, is_cover: p.patch.isCover,
      patch_tags: p.patch.tags, is_reply: p.isReply, nak_line: p.nakLine, is_bot: p.isBot,
      flags: p.flags, content_hash: p.contentHash, bytes: p.bytes, source: prov.source, position: prov.position,
      author_name: p.author?.name ?? null, author_email: p.author?.email ?? null, file_count: p.files?.length ?? 0,
      change_id: p.changeId ?? null, previous_revisions: p.previousRevisions ?? null,
      revision_links: p.revisionPointers?.map((x) => x.id) ?? null, revision_link_rules: p.revisionPointers?.map((x) => x.rule) ?? null,
    });
    for (const path of p.files ?? []) this.rows.message_files.add({ message_id: p.messageId, path });
    for (const t of p.trailers) {
      this.rows.trailers.add({ message_id: p.messageId, kind: t.kind, email: t.email, name: t.name, raw: t.raw });
    }
    for (const v of p.verdicts ?? []) {
      this.rows.verdicts.add({
        message_id: p.messageId, kind: v.kind, state: v.state, rule: v.rule, email: v.email, name: v.name, tree: v.tree,
        branch: v.branch, scope: v.scope, item_subjects: v.items.map((i) => i.subject), item_commits: v.items.map((i) => i.commit), raw: v.raw,
      });
    }
  }

  /** Every copy, first included: its lists are the lists this copy proves the message reached. */
  arrival(p: ParsedMessage, prov: Provenance, cursor: SourceCursor): void {
    const list = prov.list ?? this.source.list ?? null;
    const lists = list && !p.lists.includes(list) ? [...p.lists, list].sort() : p.lists;
    this.rows.arrivals.add({ message_id: p.messageId, source: prov.source, position: prov.position, list, lists, content_hash: p.contentHash, seq: prov.seq ?? null });
    this.advance(cursor);
  }

  /** A deletion: `prov.source` names the archive (and epoch) that deleted the message, like arrivals do. */
  tombstone(messageId: string, prov: Provenance, cursor: SourceCursor, copyOnly = false): void {
    this.rows.tombstones.add({ message_id: messageId, source: prov.source, position: prov.position, seq: prov.seq ?? null, copy_only: copyOnly || null });
    this.advance(cursor);
  }

  error(position: string, reason: string, cursor: SourceCursor): void {
    this.rows.errors.add({ source: this.source.id, position, reason });
    this.advance(cursor);
  }

  /** An item already stored: no row, but the cursor moves past it (committed with the batch). */
  skip(cursor: SourceCursor): void {
    this.advance(cursor);
  }

  private advance(cursor: SourceCursor): void {
    this.size++;
    this.cursor = cursor;
  }

  async commit(store: DuckStore): Promise<void> {
    const m = store.manifest();
    const gen = m.generation + 1;
    const parts = { ...m.parts };
    const tables = Object.keys(this.rows) as PartTable[];
    const written = await Promise.all(tables.map((t) => store.writePart(t, gen, this.rows[t])));
    tables.forEach((t, i) => { if (written[i]) parts[t] = [...parts[t], written[i]!]; });
    const s = this.source;
    const prev = m.sources[s.id];
    const retagged = prev?.retagged || (prev !== undefined && (prev.list ?? null) !== (s.list ?? null)) || undefined;
    store.commit({
      ...m,
      generation: gen,
      parts,
      sources: { ...m.sources, [s.id]: { kind: s.kind, path: s.path, list: s.list, cursor: this.cursor, ...(retagged && { retagged }) } },
    });
  }
}
