// Field-by-field comparison of the fast parser against mailparser's simpleParser, for the
// fields both produce. Used by the differential test (and handy for debugging one message).
import { simpleParser, type AddressObject, type EmailAddress } from "mailparser";
import { parseMessage, type ParseContext } from "../../loaders/parse/index.ts";

// mailparser splits References on whitespace only, leaving "id>," pieces: drop that comma
const strip = (s: string) => s.trim().replace(/,$/, "").replace(/^<|>$/g, "");
const ws = (s: string) => s.replace(/\s+/g, " ").trim();

function flat(a: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
  const out: EmailAddress[] = [];
  const walk = (v: EmailAddress[]) => {
    for (const e of v) {
      if (e.group) walk(e.group);
      else out.push(e);
    }
  };
  for (const o of list) walk(o.value);
  return out;
}

/** Returns the names of the fields that disagree, with both values. Empty when all agree. */
export async function compareWithMailparser(raw: Buffer, ctx: ParseContext): Promise<string[]> {
  const ours = parseMessage(raw, ctx);
  const theirs = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  const diffs: string[] = [];
  const cmp = (field: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${field}: fast=${JSON.stringify(a)} mailparser=${JSON.stringify(b)}`);
  };
  if (!ours.flags.includes("synthetic-id")) cmp("messageId", ours.messageId, theirs.messageId ? strip(theirs.messageId) : null);
  if (!ours.flags.includes("date-fallback") && !ours.flags.includes("date-missing")) {
    cmp("date", ours.date, theirs.date ? theirs.date.getTime() : null);
  }
  if (!ours.flags.includes("relay-rewritten")) {
    const f = flat(theirs.from)[0];
    cmp("from.email", ours.from.email, (f?.address ?? "").toLowerCase());
    cmp("from.name", ws(ours.from.name), ws(f?.name ?? ""));
  }
  cmp("to", ours.to.map((a) => a.email), flat(theirs.to).map((e) => (e.address ?? "").toLowerCase()));
  cmp("cc", ours.cc.map((a) => a.email), flat(theirs.cc).map((e) => (e.address ?? "").toLowerCase()));
  cmp("subject", ours.subject, ws(theirs.subject ?? ""));
  cmp("inReplyTo", ours.inReplyTo, theirs.inReplyTo ? strip(theirs.inReplyTo.split(/\s+/)[0]) : null);
  const refs = theirs.references === undefined ? [] : Array.isArray(theirs.references) ? theirs.references : [theirs.references];
  cmp("references", ours.references, refs.flatMap((r) => r.split(/\s+/)).filter(Boolean).map(strip));
  return diffs;
}
