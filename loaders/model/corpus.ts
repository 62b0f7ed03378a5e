// In-memory input of the analysis stage: the rows analysis needs from the store's messages,
// people and trailers views (read by store-input.ts), or built by hand in tests.
import type { TrailerKind } from "./records.ts";
import type { VerdictRecord } from "./verdict.ts";

export interface AnalysisPatch {
  isPatch: boolean;
  version: number;
  index: number | null;
  total: number | null;
  isCover: boolean;
}

export interface AnalysisMessage {
  id: string;
  date: number | null;
  /** Person id of the sender (after identity resolution). */
  from: string;
  /**
   * Person id of a forwarded patch's author (in-body From:) when it is someone other than the
   * sender; absent otherwise. Read it through authorOf().
   */
  author?: string;
  subject: string;
  inReplyTo: string | null;
  references: string[];
  /** Tracked lists the message reached. */
  lists: string[];
  patch: AnalysisPatch;
  isBot: boolean;
  /** Free-text NAK line outside quotes. */
  nakLine: boolean;
  /** Sources the message was read from (ids as in Corpus.sources); optional in tests. */
  sources?: string[];
  /** The message came in through a single-thread fetch (`threadgraph thread`). */
  fetched?: boolean;
}

export interface AnalysisTrailer {
  messageId: string;
  kind: TrailerKind;
  /** Person id of the trailer's name/email, when the store resolved it. */
  personId: string | null;
  name: string;
  email: string;
}

/** An explicit netdev pw-bot verdict in a message ("pw-bot: cr", "pw-bot: reject"), from the verdicts view. */
export interface AnalysisPwVerdict {
  messageId: string;
  kind: "changes-requested" | "rejected";
}

export interface AnalysisPerson {
  id: string;
  name: string;
  email: string;
  emails: string[];
  isBot: boolean;
}

export interface Corpus {
  messages: AnalysisMessage[];
  trailers: AnalysisTrailer[];
  people: AnalysisPerson[];
  /** Tracked list names in display order (config order first). */
  lists: string[];
  sources: { source: string; list: string | null; messages: number }[];
  /** The store's verdicts (absent: the store has no verdicts table, so no outcome but superseded/pending is known). */
  verdicts?: VerdictRecord[];
  /** Message id -> MAINTAINERS subsystems (the store's message_subsystems; absent when it has none). */
  subsystems?: Map<string, string[]>;
  /**
   * Revision links by message id: a patch posting's b4 change-id and earlier revisions'
   * Message-IDs, and any message's pointers to another revision ("v2 is at <link>", with the
   * rule); absent: none read.
   */
  revisionLinks?: Map<string, { changeId: string | null; previous: string[]; pointers?: { id: string; rule: string }[] }>;
  /** MAINTAINERS roles (the store's person_subsystems: M: maintainer, R: reviewer); absent when it has none. */
  maintainerRoles?: { personId: string; subsystem: string; role: "maintainer" | "reviewer" }[];
  /** MAINTAINERS section -> the short names of its L: lists; absent when no MAINTAINERS is set. */
  sectionLists?: Map<string, string[]>;
  /**
   * What the store holds before the report window (set by windowCorpus): who sent mail earlier,
   * so "new" people are new to the store, not just to the window; and each list's first date in
   * the store ("*": any list), so pages can say how much history there is.
   */
  history?: { priorSenders: Set<string>; firstDate: Record<string, number> };
}

/**
 * Who a message counts for as the written work: a forwarded patch's author, else its sender.
 * Authorship, reviews and NAKs received, time to first reply, and reply edges INTO a message use
 * it; everything a person did by sending (replies, messages, lists, series linking) uses `from`.
 */
export function authorOf(m: AnalysisMessage): string {
  return m.author ?? m.from;
}

export const NO_PATCH: AnalysisPatch = { isPatch: false, version: 1, index: null, total: null, isCover: false };
