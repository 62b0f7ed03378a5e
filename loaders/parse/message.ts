// parseMessage: raw RFC 5322 bytes -> ParsedMessage, on the fast path where it can.
import { createHash } from "node:crypto";
import type { Address, MessageFlag, ParsedMessage, TrackedList } from "../model/records.ts";
import { isBot } from "./bots.ts";
import { parseHeaders, first, receivedValues, type HeaderBlock } from "./headers.ts";
import { decodeWords } from "./rfc2047.ts";
import { parseAddress, parseAddressList } from "./addresses.ts";
import { parseDate, newestReceived } from "./dates.ts";
import { parsePatchSubject, stripReplyPrefix } from "./subject-patch.ts";
import { scanBodyBytes, scanBodyText } from "./trailers.ts";
import { mayHoldVerdict, scanVerdicts, VERDICTS_MAX } from "./verdicts.ts";
import { mayHoldRevisionLinks, revisionLinks } from "./b4-links.ts";
import { mayHoldRevisionPointers, revisionPointers } from "./revision-pointers.ts";
import { isRelaySender, recoverSender } from "./relay.ts";
import { forwardedAuthor } from "./in-body.ts";
import { contentInfo, fastBody, slowBodyText } from "./mime-slow.ts";
import { extractId, extractIds } from "./message-id.ts";
import { diffFiles } from "./diff-files.ts";
import { collapseSpaces } from "./linear-text.ts";

export interface ParseContext {
  trackedLists: TrackedList[];
  /** The list the archive belongs to (a source tag); always included in `lists`. */
  archiveList?: string;
  /** Used when Date and Received are unusable (public-inbox commit time), epoch ms. */
  fallbackDate?: number;
}

export class ParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ParseError";
  }
}

/** Bodies are scanned for trailers up to this many bytes; beyond it the message is flagged. */
export const BODY_SCAN_LIMIT = 1 << 20;

/** List-Id: "Netdev <netdev.vger.kernel.org>" -> "netdev.vger.kernel.org". */
export function parseListId(v: string | undefined): string | null {
  if (!v) return null;
  const m = /<([^<>]+)>/.exec(v);
  const id = (m ? m[1] : v).trim().toLowerCase();
  return id || null;
}

/**
 * Content hash: the identifying headers plus the body with line endings normalised and
 * trailing whitespace dropped, so copies of one message from different archives (different
 * Received, List-*, Delivered-To headers, CRLF or not) hash equal. Hashing is a large share
 * of parse time, so a long body contributes its length, first 16 KiB and last 4 KiB only:
 * two different bodies that agree on all three are not a case real archives produce.
 */
const HASH_HEAD = 16 * 1024;
const HASH_TAIL = 4 * 1024;

export function contentHash(h: HeaderBlock, body: Buffer): string {
  const hash = createHash("sha1");
  let head = "";
  for (const k of HASH_FIELDS) head += k + ":" + collapseSpaces(h.fields.get(k)?.join("\n") ?? "") + "\n";
  hash.update(head);
  let end = body.length;
  while (end > 0 && (body[end - 1] === 0x0a || body[end - 1] === 0x0d || body[end - 1] === 0x20)) end--;
  const upd = (x: Buffer | string) => (typeof x === "string" ? hash.update(x, "latin1") : hash.update(x));
  // CRLF bodies (rare) hash as if every CRLF were LF. Only the parts hashed are normalised: the
  // whole body was, with a string per line (1 MiB of short CRLF lines: 0.1 s CPU, 0.5 s under load).
  const crlf = countCrlf(body, end);
  const n = end - crlf;
  if (n <= HASH_HEAD + HASH_TAIL) upd(crlf ? crlfToLf(body, 0, end) : body.subarray(0, end));
  else {
    hash.update(`len:${n}\n`);
    // a CRLF cut by the edge of a part only changes the char past the part's kept end (or before its start)
    upd(crlf ? crlfToLf(body, 0, Math.min(end, 2 * HASH_HEAD + 2)).slice(0, HASH_HEAD) : body.subarray(0, HASH_HEAD));
    upd(crlf ? crlfToLf(body, Math.max(0, end - 2 * HASH_TAIL - 2), end).slice(-HASH_TAIL) : body.subarray(end - HASH_TAIL, end));
  }
  return hash.digest("hex");
}

/** CRLF pairs within body[0, end): a byte loop from the first one (an indexOf per pair cost a call per line). */
function countCrlf(body: Buffer, end: number): number {
  const first = body.indexOf("\r\n");
  if (first < 0 || first + 1 >= end) return 0;
  let k = 0;
  for (let i = first; i + 1 < end; i++) if (body[i] === 0x0d && body[i + 1] === 0x0a) { k++; i++; }
  return k;
}

const crlfToLf = (body: Buffer, from: number, to: number) => body.toString("latin1", from, to).replace(/\r\n/g, "\n");

const HASH_FIELDS = ["message-id", "date", "from", "to", "cc", "subject", "in-reply-to", "references"];

function listsOf(to: Address[], cc: Address[], ctx: ParseContext): string[] {
  const set = new Set<string>();
  if (ctx.archiveList) set.add(ctx.archiveList);
  if (ctx.trackedLists.length) {
    for (const a of to) for (const l of ctx.trackedLists) if (a.email === l.address.toLowerCase()) set.add(l.name);
    for (const a of cc) for (const l of ctx.trackedLists) if (a.email === l.address.toLowerCase()) set.add(l.name);
  }
  return [...set].sort();
}

export function parseMessage(bytes: Buffer, ctx: ParseContext): ParsedMessage {
  if (bytes.length === 0) throw new ParseError("empty message");
  const h = parseHeaders(bytes);
  if (h.count === 0) throw new ParseError("no header fields");
  if (!h.fields.has("from") && !h.fields.has("message-id") && !h.fields.has("date") && !h.fields.has("subject")) {
    throw new ParseError("no From, Message-ID, Date or Subject header");
  }
  const flags: MessageFlag[] = [];
  if (h.eightBit) flags.push("8bit-header");
  if (bytes.indexOf(0) >= 0) flags.push("nul-byte");

  const body = bytes.subarray(h.bodyStart);
  const hash = contentHash(h, body);

  let messageId = extractId(first(h, "message-id"));
  if (!messageId) {
    messageId = `synthetic.${hash.slice(0, 32)}@threadgraph.invalid`;
    flags.push("synthetic-id");
  }

  let date = parseDate(first(h, "date"));
  if (date === null) {
    date = newestReceived(receivedValues(h)) ?? ctx.fallbackDate ?? null;
    flags.push(date === null ? "date-missing" : "date-fallback");
  }

  let from = parseAddress(first(h, "from"));
  const to = parseAddressList(h.fields.get("to")?.join(", "));
  const cc = parseAddressList(h.fields.get("cc")?.join(", "));
  const subject = collapseSpaces(decodeWords(first(h, "subject") ?? "")).trim();
  const references = extractIds(h.fields.get("references")?.join(" "));
  const inReplyTo = extractId(first(h, "in-reply-to"));

  // Body: fast path for plain 8-bit text; mailparser's decoders otherwise.
  const ci = contentInfo(first(h, "content-type"), first(h, "content-transfer-encoding"));
  let scanned = body;
  if (scanned.length > BODY_SCAN_LIMIT) {
    scanned = scanned.subarray(0, BODY_SCAN_LIMIT);
    flags.push("truncated-body");
  }
  let scan;
  let bodyHead: string;
  // Verdicts are read once the sender is final (relay recovery, below); the body is decoded
  // whole only when a cheap byte search says it may hold one.
  let verdictText = (): string => "";
  let slowText: string | null = null;
  let files: string[] = [];
  if (fastBody(ci)) {
    const latin1 = ci.charset === "iso-8859-1" || ci.charset === "latin1";
    scan = scanBodyBytes(scanned, latin1);
    // Decoding the whole body costs: done at most once, and only for a body that needs it.
    let decoded: string | null = null;
    verdictText = () => (decoded ??= scanned.toString(latin1 ? "latin1" : "utf8"));
    // Only a body with a diff header line is read for its files.
    if (scanned.indexOf("\n+++ ") >= 0 || scanned.indexOf("diff --git ") >= 0) files = diffFiles(verdictText());
    bodyHead = scanned.toString(latin1 ? "latin1" : "utf8", 0, Math.min(scanned.length, 2048));
  } else {
    flags.push("mime-slow-path");
    let text = "";
    try {
      text = slowBodyText(scanned, ci);
    } catch {
      text = "";
    }
    scan = scanBodyText(text);
    files = diffFiles(text);
    bodyHead = text.slice(0, 2048);
    slowText = text;
    verdictText = () => text;
  }

  if (isRelaySender(from)) {
    const real = recoverSender(from, first(h, "x-original-from"), first(h, "reply-to"), bodyHead);
    if (real) {
      from = real;
      flags.push("relay-rewritten");
    }
  }

  const botHeaders: Record<string, string | undefined> = {};
  for (const k of ["x-patchwork-bot", "x-kernelci-report", "x-kernelci-tree", "x-syzbot", "x-lkp", "auto-submitted"]) {
    const v = first(h, k);
    if (v !== undefined) botHeaders[k] = v;
  }

  const isRe = stripReplyPrefix(subject).isRe;
  const drops = { tags: 0 };
  const patch = parsePatchSubject(subject, drops);
  if (drops.tags) flags.push("truncated-tags");
  const author = forwardedAuthor(patch, isRe, from, bodyHead);
  // A verdict answers something: a reply that is not itself a patch posting.
  const isReply = inReplyTo !== null || references.length > 0 || isRe;
  const answers = isReply && !(patch.isPatch && !isRe);
  const mayHold = slowText === null ? scan.verdictLine || mayHoldVerdict("", from) : mayHoldVerdict(slowText, from);
  let verdicts = answers && mayHold ? scanVerdicts(verdictText(), from, true) : [];
  if (verdicts.length > VERDICTS_MAX) {
    verdicts = verdicts.slice(0, VERDICTS_MAX);
    flags.push("truncated-verdicts");
  }
  // A patch posting (not a reply to one) may name its series' b4 change-id and earlier revisions.
  const links = patch.isPatch && !isRe && mayHoldRevisionLinks(slowText ?? scanned) ? revisionLinks(verdictText()) : null;
  // Any message (a reply saying "v2 is at <link>", a posting's "v1: <link>") may point to another revision.
  const pointers = mayHoldRevisionPointers(slowText ?? scanned) ? revisionPointers(verdictText()) : [];
  return {
    messageId,
    date,
    from,
    to,
    cc,
    subject,
    inReplyTo,
    references,
    listId: parseListId(first(h, "list-id")),
    lists: listsOf(to, cc, ctx),
    patch,
    isReply,
    trailers: scan.trailers,
    nakLine: scan.nakLine,
    verdicts,
    ...(links?.changeId ? { changeId: links.changeId } : {}),
    ...(links?.previous.length ? { previousRevisions: links.previous } : {}),
    ...(pointers.length ? { revisionPointers: pointers } : {}),
    files,
    isBot: isBot(from, botHeaders),
    ...(author ? { author } : {}),
    flags,
    contentHash: hash,
    bytes: bytes.length,
  };
}
