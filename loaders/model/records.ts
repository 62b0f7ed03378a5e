// Shared record types: the contract between pipeline stages.
// sources -> parse -> identity/dedup -> store -> analysis -> page data.
// Keep these plain data (no classes) so every stage stays a set of pure functions.

/** Where a raw message came from, precisely enough to find it again. */
export interface Provenance {
  /** Stable source id, e.g. "mbox:/abs/path/netdev.mbox.gz", "pi:/abs/inbox/git/0.git", "maildir:/abs/dir". */
  source: string;
  /** Position inside the source: byte offset (mbox), commit sha (public-inbox), file name (Maildir). */
  position: string;
  /** The list this archive belongs to, when the user tagged it (LIST=PATH) or the source knows it. */
  list?: string;
  /**
   * Order of this event inside its archive, when the archive has one (public-inbox: epoch and
   * commit depth, see sources/public-inbox.ts eventSeq): a deletion hides only earlier copies.
   */
  seq?: number;
}

/** Opaque per-source resume state; each source defines its own shape. Must be JSON-serialisable. */
export type SourceCursor = Record<string, unknown>;

/** What the store can tell a source that resumes (given by the ingest pipeline). */
export interface StoredCopy {
  messageId: string;
  position: string;
  list: string | null;
}

export interface ReadContext {
  /** The positions of every item of this source already stored (arrivals and errors rows). */
  storedPositions?: () => Promise<Set<string>>;
  /** The stored copies (Message-ID, position, list tag) whose source is `source` (e.g. one epoch, "<id>#N"). */
  storedCopies?: (source: string) => Promise<StoredCopy[]>;
}

/** One item streamed by a source. `cursor` is the state to resume *after* this item. */
export type SourceItem =
  | { kind: "message"; bytes: Buffer; provenance: Provenance; fallbackDate?: number; cursor: SourceCursor }
  /**
   * public-inbox `d` commit: the raw bytes of the message being deleted. Or, with `copyOf`, one
   * stored copy that is gone from its archive (a rewritten history: public-inbox-purge), named by
   * its Message-ID; `provenance` is that copy's source and position, and only that copy is hidden.
   */
  | { kind: "delete"; bytes: Buffer; provenance: Provenance; cursor: SourceCursor; copyOf?: string }
  /** Unreadable item: recorded as an errors row, never aborts the run. */
  | { kind: "error"; provenance: Provenance; reason: string; cursor: SourceCursor }
  /** A copy read again that is already stored, identical (same source, position and tag): only the cursor moves past it. */
  | { kind: "stored"; provenance: Provenance; cursor: SourceCursor }
  /**
   * A position that carries no message (a public-inbox commit touching neither `m` nor `d`, a
   * message a window filters out): nothing is stored or counted, only the cursor moves past it,
   * so a read whose last positions are such ones still ends (e.g. an epoch's re-read clears).
   */
  | { kind: "advance"; provenance: Provenance; cursor: SourceCursor };

/** Items that carry no bytes to parse. */
export function withoutBytes(item: SourceItem): item is Extract<SourceItem, { kind: "error" | "stored" | "advance" }> {
  return item.kind === "error" || item.kind === "stored" || item.kind === "advance";
}

export interface Source {
  id: string;
  kind: "mbox" | "maildir" | "public-inbox";
  path: string;
  list?: string;
  /** Total bytes, when known, for progress/ETA. */
  sizeHint?: number;
  /** Stream items after `cursor` (or from the start). Never holds the whole archive in memory. */
  read(cursor?: SourceCursor, ctx?: ReadContext): AsyncIterable<SourceItem>;
}

export interface Address {
  name: string;
  /** Lower-cased, trimmed. May be "" when the header had no usable address. */
  email: string;
}

export type TrailerKind =
  | "reviewed-by" | "acked-by" | "tested-by" | "nacked-by"
  | "reported-by" | "suggested-by" | "signed-off-by";

export interface Trailer {
  kind: TrailerKind;
  name: string;
  email: string;
  /** The trailer line as written (trimmed). */
  raw: string;
}

/**
 * What a verdict says about the patch or series it answers (netdev patchwork states, plus
 * "other" for a pw-bot state that names no verdict; its raw state stays in `state`).
 */
export type VerdictKind =
  | "applied" | "changes-requested" | "rejected" | "deferred" | "not-applicable" | "superseded"
  | "awaiting-upstream" | "accepted" | "other";

/** Which rule found a verdict (loaders/parse/verdicts.ts). */
export type VerdictRule = "patchwork-bot-applied" | "pw-bot" | "maintainer-applied" | "b4-thanks";

/** One patch of an application summary: the subject as listed, and its commit (URL or sha), null when none matched. */
export interface VerdictItem {
  subject: string;
  commit: string | null;
}

/** A verdict found in a message body, outside quoted text. */
export interface Verdict {
  kind: VerdictKind;
  rule: VerdictRule;
  /** pw-bot: the state as canonicalised ("changes-requested" for "cr"), or the raw word when unknown. */
  state: string | null;
  /** Who gave it: the applier a patchwork-bot notice names, else the sender. */
  name: string;
  email: string;
  tree: string | null;
  branch: string | null;
  scope: "series" | "patch" | "pull-request" | null;
  items: VerdictItem[];
  /** The line(s) that fired, capped. */
  raw: string;
}

export interface PatchInfo {
  /** Subject carries a [PATCH ...] (or [RFC PATCH ...], [PATCH RFC ...], [PATCH net-next ...]) tag. */
  isPatch: boolean;
  isRfc: boolean;
  /** vN; 1 when absent. */
  version: number;
  /** n of n/m, null when the subject has no n/m. */
  index: number | null;
  /** m of n/m. */
  total: number | null;
  /** n == 0 of a series (cover letter). */
  isCover: boolean;
  /** Other tag words inside the bracket, lower-cased: "net-next", "bpf", "rfc", ... */
  tags: string[];
}

/** Flags recorded on a message; counted in stats, never silently dropped. */
export type MessageFlag =
  | "synthetic-id"      // Message-ID missing or unusable; id synthesised from content
  | "date-fallback"     // Date header missing/broken; Received or commit time used
  | "date-missing"      // no usable date at all
  | "relay-rewritten"   // sender recovered from X-Original-From / Reply-To / body From:
  | "mime-slow-path"    // decoded through mailparser (QP/base64/multipart/charset)
  | "8bit-header"       // raw 8-bit bytes in headers
  | "nul-byte"          // NUL bytes present
  | "truncated-body"    // body scanning stopped at a size cap
  | "truncated-verdicts" // more verdict lines than parse/verdicts.ts keeps (VERDICTS_MAX)
  | "truncated-tags";    // more subject tag words than parse/subject-patch.ts keeps (PATCH_TAGS_MAX)

/** Output of parse/: one message, decoded. Dates are epoch milliseconds UTC. */
export interface ParsedMessage {
  messageId: string;              // no angle brackets
  date: number | null;
  from: Address;
  to: Address[];
  cc: Address[];
  subject: string;                // decoded, whitespace-collapsed
  inReplyTo: string | null;       // no angle brackets
  references: string[];           // in order, no angle brackets
  listId: string | null;          // e.g. "netdev.vger.kernel.org"
  /** Tracked list names this message was addressed to (To/Cc) plus its archive's list. Sorted, unique. */
  lists: string[];
  patch: PatchInfo;
  /** Has In-Reply-To/References or a "Re:" subject. */
  isReply: boolean;
  /** Trailers found in the body, outside quoted ("> ") text. */
  trailers: Trailer[];
  /** Free-text NAK/NACK line outside quotes (not a Nacked-by trailer). */
  nakLine: boolean;
  /** Verdicts (applied, pw-bot states) found in the body outside quotes (parse/verdicts.ts); absent: none. */
  verdicts?: Verdict[];
  /** A patch posting's revision links (parse/b4-links.ts): b4 change-id, and the previous revisions' Message-IDs; absent: none. */
  changeId?: string;
  previousRevisions?: string[];
  /** Links to another revision of a series in its own text (parse/revision-pointers.ts), with the rule that found each; absent: none. */
  revisionPointers?: { id: string; rule: string }[];
  /** Files its diff touches (parse/diff-files.ts), renames' both names; [] without a diff. */
  files?: string[];
  isBot: boolean;
  /**
   * The patch's author when someone else sent it: a patch (not a cover letter, not a reply) whose
   * body starts with an in-body "From:" naming another address than `from`. Absent otherwise.
   */
  author?: Address;
  flags: MessageFlag[];
  /** Hash of the raw message minus transport headers; equal copies from different archives match. */
  contentHash: string;
  bytes: number;
}

/** A tracked list: the short name used everywhere, and its posting address. */
export interface TrackedList {
  name: string;       // "netdev"
  address: string;    // "netdev@vger.kernel.org"
  /** public-inbox base URL, e.g. "https://lore.kernel.org/netdev/". */
  inbox?: string;
}
