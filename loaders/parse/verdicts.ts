// Verdicts in a message body, outside quoted ("> ") text: patchwork-bot "was applied" notices,
// netdev pw-bot state lines, and maintainers' "Applied"/"Queued" replies (with b4's "thanks"
// summary). The store keeps no bodies, so this runs at parse time. Conservative by design: a
// maintainer line must be a whole short sentence at the start of a paragraph, before any
// signature; anything else ("applied on top of", "Not applied", questions) is no verdict.
// Linear: lines are found with indexOf, only short lines meet a regex, and every regex is
// anchored with no nested quantifiers.
import type { Address, Verdict, VerdictItem, VerdictKind } from "../model/records.ts";
import { capLength } from "../model/clip.ts";
import { parsePerson } from "./trailers.ts";

/** A verdict line longer than this is prose, not a verdict. */
const LINE_MAX = 200;
/** Items kept per summary (a pull request lists hundreds; more is hostile). */
const ITEMS_MAX = 200;
/** Verdicts kept per message (real mail has one or two); beyond it the message is flagged. */
export const VERDICTS_MAX = 20;

const PATCHWORK_BOT = /^patchwork-bot\+[^@\s]*@kernel\.org$/;

/**
 * netdev mailbot's pw_act_map (linux-netdev/nipa mailbot.py): alias -> patchwork state. States
 * that are no verdict (needs-ack, under-review, new) keep their state with kind "other".
 */
const PW_STATES = new Map<string, string>(Object.entries({
  cr: "changes-requested", "changes-requested": "changes-requested",
  reject: "rejected", rejected: "rejected",
  defer: "deferred", deferred: "deferred",
  nap: "not-applicable", "not-applicable": "not-applicable",
  au: "awaiting-upstream", "awaiting-upstream": "awaiting-upstream",
  accept: "accepted", accepted: "accepted",
  superseded: "superseded",
  "needs-ack": "needs-ack", "need-ack": "needs-ack", nac: "needs-ack",
  "under-review": "under-review", ur: "under-review", new: "new",
}));
const PW_KINDS = new Set<VerdictKind>(["changes-requested", "rejected", "deferred", "not-applicable", "awaiting-upstream", "accepted", "superseded"]);

/**
 * Cheap test on the raw body, before any decoding: does it have a line a rule could fire on? A
 * "pw-bot:", "pplied" or "ueued" at most a few characters into a line that is not quoted. Most
 * bodies that say "applied" say it in prose or in quotes, and are never decoded. Native indexOf
 * finds the occurrences; each is looked at over at most its `within` bytes back.
 */
export function mayHoldVerdict(b: Buffer | string, sender: Address): boolean {
  if (PATCHWORK_BOT.test(sender.email)) return true;
  for (const [needle, within] of NEEDLES) {
    for (let at = b.indexOf(needle); at >= 0; at = b.indexOf(needle, at + needle.length)) {
      let i = at - 1;
      while (i >= 0 && at - i <= within && codeAt(b, i) !== 0x0a) i--;
      if (i >= 0 && codeAt(b, i) !== 0x0a) continue; // too far into its line
      i++;
      while (i < at && isBlankAt(b, i)) i++;
      if (codeAt(b, i) !== 0x3e) return true; // not quoted
    }
  }
  return false;
}

/** Needles and how far into its line each may start ("Thanks, applied": the verb's "pplied" at 9). */
const NEEDLES: [string, number][] = [["pw-bot:", 16], ["pplied", 24], ["ueued", 24]];
const codeAt = (b: Buffer | string, i: number) => (typeof b === "string" ? b.charCodeAt(i) : b[i]);
const isBlankAt = (b: Buffer | string, i: number) => codeAt(b, i) === 0x20 || codeAt(b, i) === 0x09;

/**
 * Verdicts of a decoded body. `isReply`: only a reply answers something; a posting that says
 * "applied" in its own text is no verdict.
 */
export function scanVerdicts(text: string, sender: Address, isReply: boolean): Verdict[] {
  if (!isReply || !mayHoldVerdict(text, sender)) return [];
  const lines = splitLines(text);
  if (PATCHWORK_BOT.test(sender.email)) {
    const v = botNotice(lines);
    return v ? [v] : [];
  }
  const out: Verdict[] = [];
  let signature = false;
  let maintainerDone = false;
  let tries = 0;
  let prevBreak = true; // the body's first line starts a paragraph
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    const quoted = t.startsWith(">");
    if (!quoted && (t === "--" || line === "-- ")) signature = true;
    else if (!quoted && ORIGINAL.test(t.length <= LINE_MAX ? t : "")) break; // a top-post's quoted original follows
    else if (!quoted && t.length <= LINE_MAX) {
      const pw = PW_LINE.exec(t);
      if (pw) {
        out.push(pwBot(pw[1], sender, t));
        if (out.length > VERDICTS_MAX) break; // one more than kept: the caller flags the message
      }
      else if (!signature && !maintainerDone && prevBreak && VERB_START.test(t) && tries++ < TRIES_MAX) {
        const v = maintainerLine(t, sender, lines, i);
        if (v) { out.push(v); maintainerDone = true; }
      }
    }
    prevBreak = t === "" || quoted || ATTRIBUTION.test(t.length <= LINE_MAX ? t : "");
  }
  return out;
}

function splitLines(text: string): string[] {
  const out: string[] = [];
  let s = 0;
  while (s <= text.length) {
    let e = text.indexOf("\n", s);
    if (e < 0) e = text.length;
    out.push(text.charCodeAt(e - 1) === 0x0d ? text.slice(s, e - 1) : text.slice(s, e));
    s = e + 1;
  }
  return out;
}

// "-----Original Message-----", Outlook's underscore rule, and the forward markers of Thunderbird
// ("-------- Forwarded Message --------"), Gmail ("---------- Forwarded message ---------"), mutt
// ("----- Forwarded message from X -----") and Apple Mail ("Begin forwarded message:"): what
// follows is someone else's text, unquoted, and never the sender's verdict.
export const ORIGINAL = /^(-{3,} ?original message ?-{3,}|_{10,}|-{2,} ?forwarded message\b[^\n]*|begin forwarded message:?)$/i;
// "On Mon, 1 Jul 2024 Foo wrote:" (a quote follows): the next line starts a paragraph.
const ATTRIBUTION = /wrote:$/;
const PW_LINE = /^pw-bot:[ \t]*(\S.*)$/i;
// What a maintainer's verdict line starts with; others are not looked at further.
const VERB_START = /^(?:applied|queued|thanks|thank you|ok|okay)\b/i;
/** Candidate maintainer lines tried per message: a reply has one or two; thousands are hostile. */
const TRIES_MAX = 50;

function pwBot(stateText: string, sender: Address, raw: string): Verdict {
  const word = stateText.trim().toLowerCase();
  // a Map: "pw-bot: constructor" or "__proto__" is an unknown state, not Object.prototype's
  const state = PW_STATES.get(word) ?? capLength(word, 64);
  const kind = PW_KINDS.has(state as VerdictKind) ? (state as VerdictKind) : "other";
  // mailbot sets the state of the whole series, whichever message the line answers
  return { kind, rule: "pw-bot", state, name: sender.name, email: sender.email, tree: null, branch: null, scope: "series", items: [], raw: capLength(raw) };
}

// --- patchwork-bot notices -------------------------------------------------------------------

const BOT_HEAD = /^This (series|patch|pull request) was applied to (\S+)(?: \(([^()]*)\))?:?$/;
const BOT_BY = /^by (.*):$/;

/** "This series was applied to TREE (BRANCH)\nby NAME <ADDR>:" ... "Here is the summary with links:" items. */
function botNotice(lines: string[]): Verdict | null {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t.length > LINE_MAX) continue;
    const m = BOT_HEAD.exec(t);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === "") j++;
    const byLine = j < lines.length ? lines[j].trim() : "";
    const by = byLine.length <= LINE_MAX ? BOT_BY.exec(byLine) : null;
    const who = by ? parsePerson(by[1]) : { name: "", email: "" };
    const scope = m[1] === "pull request" ? "pull-request" : m[1] === "series" ? "series" : "patch";
    return {
      kind: "applied", rule: "patchwork-bot-applied", state: null, name: who.name, email: who.email,
      tree: m[2], branch: m[3] ?? null, scope, items: botItems(lines, j + 1),
      raw: capLength(by ? `${t}\n${byLine}` : t),
    };
  }
  return null;
}

/** "  - [tag] subject" then "    https://.../c/SHA" or "    (no matching commit)". */
function botItems(lines: string[], from: number): VerdictItem[] {
  const items: VerdictItem[] = [];
  let i = from;
  while (i < lines.length && lines[i].trim() !== "Here is the summary with links:") i++;
  for (i++; i < lines.length && items.length < ITEMS_MAX; i++) {
    const l = lines[i];
    if (!l.startsWith("  - ")) break;
    const next = i + 1 < lines.length ? lines[i + 1] : "";
    const commitLine = next.startsWith("    ") && !next.startsWith("    - ") ? next.trim() : null;
    items.push({ subject: capLength(l.slice(4).trim()), commit: commitLine && commitLine !== "(no matching commit)" ? capLength(commitLine) : null });
    if (commitLine !== null) i++;
  }
  return items;
}

// --- maintainers' replies --------------------------------------------------------------------

/** Words that make "applied to X" something else than a tree ("applied on top of", "to previous versions"). */
const NOT_TARGET = new Set(("it this that them these those top previous locally local both all some any wrong same patch patches " +
  "series version versions and or but if when which after before only cleanly fine ok correctly successfully manually to on in " +
  "into of with without here there now too as is was yet not no a an you me us him her").split(" "));
const ARTICLE = new Set(["the", "my", "our"]);
const SUFFIX = new Set(["tree", "branch", "repo", "repository", "git"]);
const PREP = new Set(["to", "into", "in", "on"]);

/**
 * "Applied", "Applied, thanks!", "Thanks, applied.", "Applied to net-next, thanks",
 * "Applied to the bpf tree. Thanks.", "Queued for v6.12 in the PCI tree.", "Applied to X (branch)".
 * Then b4's summary: "[1/3] subject" lines, each followed by "commit: SHA" or a commit URL.
 */
function maintainerLine(t: string, sender: Address, lines: string[], i: number): Verdict | null {
  // the prefixes are ASCII: their length is the same in t and in its lower case
  const lower = t.toLowerCase();
  const lead = /^(?:thanks|thank you|ok|okay)[,!.]? +/.exec(lower);
  const verb = /^(applied|queued)(?: up)?/.exec(lead ? lower.slice(lead[0].length) : lower);
  if (!verb) return null;
  const after = t.slice((lead?.[0].length ?? 0) + verb[0].length);
  const rest = stripThanks(after);
  // Thanked, the verdict is plain even in looser wording: "Applied with a whitespace fix, thanks!",
  // "Applied nf-next, thanks" (a tree-like word without "to").
  const thanked = rest.length < after.trim().replace(/[ ,.;!]+$/, "").length;
  const target = parseTarget(rest) ?? (thanked ? looseTarget(rest) : null);
  if (!target) return null;
  const items = b4Items(lines, i + 1);
  const scope = items.length ? (items.length > 1 || /\/(\d+)\]/.exec(items[0].subject)?.[1] !== "1" ? "series" : "patch") : null;
  return {
    kind: "applied", rule: items.length ? "b4-thanks" : "maintainer-applied", state: null, name: sender.name, email: sender.email,
    tree: target.tree ?? treeOfCommitUrl(items), branch: target.branch, scope, items, raw: capLength(t),
  };
}

const TAIL_PUNCT = " ,.;!";
const THANKS = ["thanks a lot", "many thanks", "thank you", "thanks"];

/** `rest` without trailing punctuation and "thanks"/"thank you" (repeatedly; each round consumes text). */
function stripThanks(rest: string): string {
  let e = rest.length;
  for (;;) {
    while (e > 0 && TAIL_PUNCT.includes(rest[e - 1])) e--;
    const low = rest.slice(Math.max(0, e - 16), e).toLowerCase();
    const w = THANKS.find((x) => low.endsWith(x) && (e === x.length || TAIL_PUNCT.includes(rest[e - x.length - 1])));
    if (!w) break;
    e -= w.length;
  }
  return rest.slice(0, e).trim();
}

/**
 * The target of "applied"/"queued": "" (none), or "[for V] [to|in|into|on] [the|my|our] WORD [WORD]
 * [tree|branch|repo] [(BRANCH)] [for V]"; anything else is prose, not a verdict.
 */
function parseTarget(rest: string): { tree: string | null; branch: string | null } | null {
  if (rest === "") return { tree: null, branch: null };
  const orig = rest.split(/\s+/);
  const tok = orig.map((w) => w.toLowerCase());
  let p = 0;
  const forVersion = () => {
    if (tok[p] === "for" && p + 1 < tok.length && /^(v?\d[\w.-]*|next|-next|rc\d*|fixes|linus)$/.test(tok[p + 1])) {
      p += 2;
      if (p < tok.length && /^(rc\d*|cycle|release)$/.test(tok[p])) p++;
    }
  };
  forVersion();
  if (p === tok.length) return { tree: null, branch: null };
  if (!PREP.has(tok[p])) return null;
  p++;
  const article = p < tok.length && ARTICLE.has(tok[p]);
  if (article) p++;
  const start = p;
  while (p < tok.length && p - start < 2 && !SUFFIX.has(tok[p]) && tok[p] !== "for" && !tok[p].startsWith("(")) {
    const w = tok[p].replace(/[,.;:]+$/, "");
    if (NOT_TARGET.has(w) || !/^[\w.+/-]+$/.test(w)) return null;
    p++;
  }
  if (p === start && !article) return null;
  const tree = p > start ? orig.slice(start, p).join(" ").replace(/[,.;:]+$/, "") : null;
  if (p < tok.length && SUFFIX.has(tok[p])) { p++; if (p < tok.length && tok[p] === "tree") p++; }
  let branch: string | null = null;
  if (p < tok.length && /^\([\w.+/-]+\)$/.test(tok[p])) { branch = orig[p].slice(1, -1); p++; }
  forVersion();
  return p === tok.length ? { tree, branch } : null;
}

/** "with <words>" (no tree), or one tree-like word ("nf-next", "zoo/next", "zoo.git"). */
function looseTarget(rest: string): { tree: string | null; branch: string | null } | null {
  if (/^with\s/i.test(rest)) return { tree: null, branch: null };
  if (/^[\w.+]+(?:[-/][\w.+]+)+$|^[\w+-]+\.git$/.test(rest) && !NOT_TARGET.has(rest.toLowerCase())) return { tree: rest, branch: null };
  return null;
}

const B4_ITEM = /^\[(\d+)\/(\d+)\] (\S.*)$/;

/** b4 ty's summary after the verdict line: "[n/m] subject" + "      commit: SHA" / URL / "(no commit info)". */
function b4Items(lines: string[], from: number): VerdictItem[] {
  const items: VerdictItem[] = [];
  for (let i = from; i < lines.length && items.length < ITEMS_MAX; i++) {
    const t = lines[i].trim();
    if (t === "") { if (items.length) break; continue; }
    const m = t.length <= 2 * LINE_MAX ? B4_ITEM.exec(t) : null;
    if (!m) break;
    const next = i + 1 < lines.length && /^\s/.test(lines[i + 1]) ? lines[i + 1].trim() : "";
    let commit: string | null = null;
    if (next.startsWith("commit: ")) commit = next.slice(8).trim() || null;
    else if (/^https?:\/\/\S+$/.test(next)) commit = next;
    if (next !== "") i++;
    items.push({ subject: capLength(t), commit: commit && capLength(commit) });
  }
  return items;
}

/** "https://git.kernel.org/rdma/rdma/c/SHA" -> "rdma/rdma.git", as patchwork-bot names trees. */
function treeOfCommitUrl(items: VerdictItem[]): string | null {
  for (const it of items) {
    const m = it.commit ? /^https:\/\/git\.kernel\.org\/(?:pub\/scm\/linux\/kernel\/git\/)?([\w.-]+\/[\w.-]+?)(?:\.git)?\/c\/[0-9a-f]+$/.exec(it.commit) : null;
    if (m) return `${m[1]}.git`;
  }
  return null;
}
