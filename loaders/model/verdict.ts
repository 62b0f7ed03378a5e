// A row of the store's `verdicts` view (loaders/store/schema.ts; docs/schema.md "verdicts"): a
// verdict found at ingest outside quoted text (patchwork-bot notice, pw-bot line, maintainer's
// "Applied" / b4 thanks), or a NAK (rule 'nak'). What it answers is its message's in_reply_to /
// references, not part of the row. (parse's Verdict in records.ts is the same, before storing.)
import type { VerdictItem, VerdictKind } from "./records.ts";

export type { VerdictItem, VerdictKind } from "./records.ts";

export interface VerdictRecord {
  messageId: string;
  kind: VerdictKind;
  /** 'patchwork-bot-applied' | 'pw-bot' | 'maintainer-applied' | 'b4-thanks' | 'nak' */
  rule: string;
  /** Who gave it (a patchwork-bot notice: the applier it names), resolved to a person when known. */
  personId: string | null;
  email: string | null;
  name: string | null;
  tree: string | null;
  branch: string | null;
  scope: "series" | "patch" | "pull-request" | null;
  items: VerdictItem[];
  raw: string | null;
}
