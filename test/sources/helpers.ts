// Small helpers for source tests: temp dirs, synthetic messages, draining a source.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Source, SourceCursor, SourceItem } from "../../loaders/model/records.ts";

export function tempDir(t: { after(fn: () => void): void }): string {
  const d = mkdtempSync(join(tmpdir(), "tg-src-"));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** A synthetic message; `body` lines are written as given. */
export function msg(id: string, body = "Hello.\n", extra = ""): string {
  return `From: Tester <tester@example.com>\nTo: list@example.org\nSubject: test ${id}\nDate: Mon, 1 Jul 2024 12:00:00 +0000\nMessage-ID: <${id}@example.com>\n${extra}\n${body}`;
}

/** mboxrd: separator line, body ">*From " lines gain a '>', blank line after each message. */
export function mboxrd(messages: string[]): string {
  return messages.map((m) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${m.replace(/^(>*From )/gm, ">$1")}\n`).join("");
}

export async function drain(src: Source, cursor?: SourceCursor): Promise<{ items: SourceItem[]; cursor?: SourceCursor; error?: Error }> {
  const items: SourceItem[] = [];
  let last = cursor;
  try {
    for await (const it of src.read(cursor)) {
      items.push(it);
      last = JSON.parse(JSON.stringify(it.cursor)); // cursors must survive serialisation
    }
  } catch (e) {
    return { items, cursor: last, error: e as Error };
  }
  return { items, cursor: last };
}

export const ids = (items: SourceItem[]) =>
  items.map((i) => (i.kind === "error" ? `error:${i.reason}` : i.kind === "stored" || i.kind === "advance" ? `${i.kind}:${i.provenance.position}` : /Message-ID: <([^>]+)>/.exec(i.bytes.toString())?.[1] ?? "?"));
