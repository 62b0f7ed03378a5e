// Parse stage entry points. parseMessage is synchronous and pure; parseStream keeps order and
// turns every source item into {item, parsed} or {item, error} (never throws per message).
import type { ParsedMessage, SourceItem } from "../types.ts";
import { parseMessage, ParseError, type ParseContext } from "./message.ts";

export { parseMessage, ParseError, type ParseContext } from "./message.ts";

export type ParsedItem =
  /** A message or delete item, parsed (deletes are parsed so the store knows which id). */
  | { item: SourceItem; parsed: ParsedMessage; error?: undefined }
  /** A source error item, or a message parse could not use: record it, keep going. */
  | { item: SourceItem; parsed?: undefined; error: string };

export function parseItem(item: SourceItem, ctx: ParseContext): ParsedItem {
  if (item.kind === "error") return { item, error: item.reason };
  const c: ParseContext = {
    trackedLists: ctx.trackedLists,
    archiveList: item.provenance.list ?? ctx.archiveList,
    fallbackDate: item.kind === "message" ? item.fallbackDate ?? ctx.fallbackDate : ctx.fallbackDate,
  };
  try {
    return { item, parsed: parseMessage(item.bytes, c) };
  } catch (e) {
    const reason = e instanceof ParseError ? e.reason : `parser failure: ${(e as Error).message}`;
    return { item, error: reason };
  }
}

/** Parse a stream of source items in order. Source failures (thrown) propagate after earlier items. */
export async function* parseStream(items: AsyncIterable<SourceItem>, ctx: ParseContext): AsyncGenerator<ParsedItem> {
  for await (const item of items) yield parseItem(item, ctx);
}
