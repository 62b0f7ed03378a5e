// A verdict on posted patches, extracted at ingest from a message body (the store keeps no
// bodies): a patchwork-bot "was applied" notice, a netdev `pw-bot:` line, a maintainer's
// "Applied, thanks" / b4 thanks reply. Shared contract with the store's `verdicts` table: what
// the message answers is its own in_reply_to/references, not part of the verdict.

export type VerdictKind = "applied" | "changes-requested" | "rejected" | "deferred" | "not-applicable"
  | "superseded" | "awaiting-upstream" | "accepted" | "other";

/** One per-patch entry of a summary (patchwork-bot, b4 thanks): the subject as listed, the commit or null (not applied). */
export interface VerdictItem { subject: string; commit: string | null }

export interface VerdictRecord {
  messageId: string;
  kind: VerdictKind;
  /** Which extraction rule found it: 'patchwork-bot-applied', 'pw-bot', 'maintainer-applied', 'b4-thanks', ... */
  rule: string;
  /** Who gave it (for a patchwork-bot notice: the applier it names), resolved when known. */
  personId: string | null;
  email: string | null;
  name: string | null;
  tree: string | null;
  branch: string | null;
  scope: "series" | "patch" | "pull-request" | null;
  items: VerdictItem[];
  raw: string | null;
}
