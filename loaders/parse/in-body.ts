// In-body From: line. git format-patch / send-email and b4 put "From: Author <a@b>" as the first
// line of the body (after optional blank lines, maybe folded, maybe followed by Date:/Subject:)
// when the sender is not the commit's author. Relay recovery (relay.ts) and patch authorship
// both read it here, so there is one scanner. Only the body's head is looked at.
import type { Address, PatchInfo } from "../model/records.ts";
import { parseAddressList } from "./addresses.ts";

/** How much of the body head is looked at, and how many blank lines may come first. */
const HEAD_CHARS = 2048;
// Anchored at the start of the body (no m flag): blank lines, then From: and its folded lines.
const FROM_LINE = /^(?:[ \t]*\r?\n){0,16}From:[ \t]*([^\r\n]*(?:\r?\n[ \t]+\S[^\r\n]*)*)/;
const MAX_LINE = 998;

/** The value of the body's leading "From:" line (folds unfolded), or null when the body does not start with one. */
export function bodyFromLine(body: string): string | null {
  const m = FROM_LINE.exec(body.length > HEAD_CHARS ? body.slice(0, HEAD_CHARS) : body);
  if (!m) return null;
  const v = m[1].replace(/\r?\n[ \t]+/g, " ").trim();
  return v && v.length <= MAX_LINE ? v : null;
}

// One plain addr-spec: no spaces, quotes, brackets or separators, one '@' with text on both sides.
const PLAIN_EMAIL = /^[^\s@<>()[\],;:\\"]+@[^\s@<>()[\],;:\\"]+$/;

/** The single, well-formed address of the body's leading From: line (RFC 2047 name decoded), else null. */
export function inBodyFrom(body: string): Address | null {
  const line = bodyFromLine(body);
  if (!line) return null;
  const list = parseAddressList(line);
  if (list.length !== 1 || !PLAIN_EMAIL.test(list[0].email)) return null;
  return list[0];
}

/**
 * The author of a patch someone else sent: set only for a patch (not a cover letter, not a
 * "Re:" reply) whose body starts with a From: naming another address than the sender.
 */
export function forwardedAuthor(patch: PatchInfo, isRe: boolean, sender: Address, body: string): Address | null {
  if (!patch.isPatch || patch.isCover || isRe) return null;
  const a = inBodyFrom(body);
  return a && a.email !== sender.email ? a : null;
}
