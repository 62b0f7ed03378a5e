// Hostile inputs of about 1 MiB each, built synthetically: the shapes that make a naive parser
// quadratic or worse (long whitespace runs before a failing match, unbalanced brackets, quotes,
// comments and encoded words, huge lists). Shared by test/parse/hostile.test.ts and the
// `parse-hostile` benchmark.
import { Buffer } from "node:buffer";
import { parseAddressList } from "../../loaders/parse/addresses.ts";
import { parsePerson } from "../../loaders/parse/trailers.ts";
import { decodeWords } from "../../loaders/parse/rfc2047.ts";
import { parseDate } from "../../loaders/parse/dates.ts";
import { isBot } from "../../loaders/parse/bots.ts";
import { nameAbbrevKey, nameKey, nameWords, normalizeEmail } from "../../loaders/identity/normalize.ts";
import { parseMailmap } from "../../loaders/identity/mailmap.ts";
import { resolvePeople } from "../../loaders/identity/resolve.ts";
import { isPersonalDomain } from "../../loaders/identity/domains.ts";

// THREADGRAPH_HOSTILE_SCALE=2 doubles every case (the benchmark uses it to check growth is linear).
export const MIB = Math.round(Number(process.env.THREADGRAPH_HOSTILE_SCALE ?? 1) * (1 << 20));

/** `unit` repeated to about `bytes` bytes. */
export function fill(unit: string, bytes = MIB): string {
  return unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));
}

/** A message: the given header lines (before the common ones), then the body. */
export function mail(headers: string[], body = "hello\n", common = true): Buffer {
  const base = common
    ? ["From: Ann <ann@example.org>", "To: list@example.org", "Subject: hostile", "Date: Mon, 1 Jul 2024 10:00:00 +0000", "Message-ID: <h@example.org>"]
    : [];
  const names = new Set(headers.map((h) => h.slice(0, h.indexOf(":")).toLowerCase()));
  const keep = base.filter((h) => !names.has(h.slice(0, h.indexOf(":")).toLowerCase()));
  return Buffer.from([...headers, ...keep].join("\n") + "\n\n" + body, "utf8");
}

export interface HostileCase {
  name: string;
  bytes: () => Buffer;
}

// just under the body scan limit, so the whole line is scanned
const sp = fill(" ", MIB - 4096);

/** Each case is a whole message for parseMessage. */
/** Headers of a reply, and of a patchwork-bot reply: verdicts are looked for in replies only. */
const RE = ["In-Reply-To: <p@example.org>", "Subject: Re: [PATCH] x"];
const BOT = [...RE, "From: patchwork-bot+x@kernel.org"];

export const HOSTILE_MESSAGES: HostileCase[] = [
  // trailers
  { name: "trailer: Reviewed-by: a<1 MiB spaces>b", bytes: () => mail([], `Reviewed-by: a${sp}b\n`) },
  { name: "trailer: Reviewed-by: a<1 MiB tabs>", bytes: () => mail([], `Reviewed-by: a${fill("\t", MIB - 4096)}b\n`) },
  { name: "trailer: Acked-by: <a@a@a@... without >", bytes: () => mail([], `Acked-by: <${fill("a@", MIB - 4096)}\n`) },
  { name: "trailer: Tested-by: x<spaces>#<spaces>y", bytes: () => mail([], `Tested-by: x${fill(" ", MIB / 2 - 4096)}#${fill(" ", MIB / 2 - 4096)}y\n`) },
  { name: "trailer: Signed-off-by: \"<1 MiB of quotes and spaces>", bytes: () => mail([], `Signed-off-by: ${fill('" ')}\n`) },
  { name: "trailer: 100k short trailer lines", bytes: () => mail([], fill("Reviewed-by: A <a@b.c>\n")) },
  { name: "trailer: quoted-printable body with a spaced trailer", bytes: () => mail(["Content-Transfer-Encoding: quoted-printable"], `Reviewed-by: a${sp}b\n`) },
  { name: "body: 1 MiB of short CRLF lines (content hash)", bytes: () => mail([], fill("a\r\n")) },
  { name: "nak: NAK<1 MiB spaces>-by", bytes: () => mail([], `NAK${sp}-by\n`) },
  // dates
  { name: "date: Date made of 1 MiB '('", bytes: () => mail([`Date: ${fill("(")}`]) },
  { name: "date: Date '(' and ')' alternating without close", bytes: () => mail([`Date: ${fill("((a)")}`]) },
  { name: "date: Date with 1 MiB spaces then junk", bytes: () => mail([`Date: 1 Jul 2024${sp}x`]) },
  { name: "date: Date of digits and spaces", bytes: () => mail([`Date: ${fill("1 ")}`]) },
  { name: "date: Received made of '(' (no Date)", bytes: () => mail(["Date: garbage", `Received: from x; ${fill("(")}`]) },
  { name: "date: 100k Received headers (no Date)", bytes: () => mail(["Date: garbage", ...Array.from({ length: 100_000 }, () => "Received: by x; (")]) },
  { name: "date: Date ending in 1 MiB of +0000 zones", bytes: () => mail([`Date: ${fill("+0000 ")}x`]) },
  // header block
  { name: "headers: 500k colon-less lines", bytes: () => mail(fill("x\n").split("\n").filter(Boolean)) },
  { name: "headers: one 1 MiB colon-less line", bytes: () => mail([fill("x")]) },
  { name: "headers: 1 MiB header name", bytes: () => mail([`${fill("x")}: y`]) },
  { name: "headers: 100k folded continuation lines", bytes: () => mail([`Subject: a${fill("\n b", MIB)}`]) },
  { name: "headers: 100k To: lines", bytes: () => mail(Array.from({ length: 100_000 }, (_, i) => `To: u${i}@example.org`)) },
  // subjects
  { name: "subject: Re: x 250k", bytes: () => mail([`Subject: ${fill("Re: ")}x`]) },
  { name: "subject: Re: x 250k without a final colon", bytes: () => mail([`Subject: ${fill("Re: ")}Re`]) },
  { name: "subject: [PATCH without ] repeated", bytes: () => mail([`Subject: ${fill("[PATCH ")}`]) },
  { name: "subject: 300k [a] groups", bytes: () => mail([`Subject: ${fill("[a]")}`]) },
  { name: "subject: Re:<spaces>", bytes: () => mail([`Subject: Re:${sp}x`]) },
  { name: "subject: [PATCH <1 MiB spaces> 1/2]", bytes: () => mail([`Subject: [PATCH${sp}1/2]`]) },
  { name: "subject: [PATCH v v v ...] (500k tag words)", bytes: () => mail([`Subject: [PATCH ${fill("v ")}1/2] x`]) },
  { name: "subject: [PATCH v<tab>v<tab>...] (500k tab-separated tag words)", bytes: () => mail([`Subject: [PATCH ${fill("v\t")}1/2] x`]) },
  { name: "subject: [a,a,a,...] (500k tag words)", bytes: () => mail([`Subject: [${fill("a,")}]`]) },
  // addresses
  { name: "address: To: with 100k commas", bytes: () => mail([`To: ${fill("a@b.c, ")}`]) },
  { name: "address: To: 1 MiB of commas", bytes: () => mail([`To: ${fill(",")}`]) },
  { name: "address: unbalanced escaped quotes", bytes: () => mail([`From: ${fill('"\\')}`]) },
  { name: "address: 1 MiB of quotes", bytes: () => mail([`To: ${fill('"')}x`]) },
  { name: "address: words, one <a>, then 250k colons", bytes: () => mail([`To: ${fill("w ", MIB / 2)}<a@b.c>${fill(" :", MIB / 2)}`]) },
  { name: "address: nested comments", bytes: () => mail([`From: ${fill("(")}a@b.c`]) },
  { name: "address: unbalanced angle brackets", bytes: () => mail([`To: ${fill("<")}`]) },
  { name: "address: angle brackets without close, with words", bytes: () => mail([`To: ${fill("<a b ")}`]) },
  { name: "address: 1 MiB display name", bytes: () => mail([`From: ${fill("Name ")}<a@b.c>`]) },
  { name: "address: From without @ of 1 MiB spaces and via", bytes: () => mail([`From: x${sp}via y <devnull+z@kernel.org>`], "From: Real <real@example.org>\n\nbody\n") },
  { name: "address: groups 100k", bytes: () => mail([`To: ${fill("g: a@b.c; ")}`]) },
  { name: "address: route 100k @", bytes: () => mail([`To: <${fill("@a,")}:u@h>`]) },
  // RFC 2047
  { name: "rfc2047: 500k '=?' without end", bytes: () => mail([`Subject: ${fill("=?")}`]) },
  { name: "rfc2047: '=?x?q?' repeated without ?=", bytes: () => mail([`Subject: ${fill("=?x?q?")}`]) },
  { name: "rfc2047: 60k valid words", bytes: () => mail([`Subject: ${fill("=?utf-8?q?a?= ")}`]) },
  { name: "rfc2047: 60k distinct unknown charsets", bytes: () => mail([`Subject: ${Array.from({ length: 60_000 }, (_, i) => `=?cs${i}?q?a?=`).join(" ")}`]) },
  { name: "rfc2047: charset of 1 MiB '*'", bytes: () => mail([`Subject: =?${fill("*")}?q?a?=`]) },
  { name: "rfc2047: encoded words in a 1 MiB From name", bytes: () => mail([`From: ${fill("=?utf-8?b?QQ==?= ")}<a@b.c>`]) },
  // message ids
  { name: "ids: References with 100k ids", bytes: () => mail([`References: ${Array.from({ length: 100_000 }, (_, i) => `<r${i}@x>`).join(" ")}`]) },
  { name: "ids: References of 1 MiB '<'", bytes: () => mail([`References: ${fill("<")}`]) },
  { name: "ids: In-Reply-To of 1 MiB '>'", bytes: () => mail([`In-Reply-To: ${fill(">")}`]) },
  { name: "ids: deeply nested <<<...>>>", bytes: () => mail([`Message-ID: ${fill("<", MIB / 2)}${fill(">", MIB / 2)}`]) },
  { name: "ids: Message-ID of 1 MiB", bytes: () => mail([`Message-ID: <${fill("a")}@x>`]) },
  { name: "ids: References of bare ids and spaces", bytes: () => mail([`References: ${fill("a@b ")}`]) },
  // MIME
  { name: "mime: 100k multipart parts", bytes: () => mail(['Content-Type: multipart/mixed; boundary="b"'], fill("--b\nContent-Type: text/plain\n\nx\n")) },
  { name: "mime: 100k parts without blank line", bytes: () => mail(['Content-Type: multipart/mixed; boundary="b"'], fill("--b\nx\n")) },
  { name: "mime: boundary of 512 KiB against a body of its prefix", bytes: () => mail([`Content-Type: multipart/mixed; boundary="${fill("a", MIB / 2)}b"`], fill("a", MIB / 2)) },
  { name: "mime: Content-Type with 100k parameters", bytes: () => mail([`Content-Type: text/plain; ${fill("a*1*=x; ")}`]) },
  { name: "mime: Content-Type of 1 MiB quotes", bytes: () => mail([`Content-Type: text/plain; charset=${fill('"')}`]) },
  { name: "mime: part headers of 1 MiB colon-less lines", bytes: () => mail(['Content-Type: multipart/mixed; boundary="b"'], `--b\n${fill("content-type\n")}\nx\n--b--\n`) },
  { name: "mime: nested multiparts", bytes: () => mail(['Content-Type: multipart/mixed; boundary="b"'], fill("--b\nContent-Type: multipart/mixed; boundary=\"b\"\n\n")) },
  // in-body From: and relay recovery
  { name: "in-body: From: of 1 MiB", bytes: () => mail(["Subject: [PATCH] x"], `From: ${fill("a ")}<x@y.z>\n\nbody\n`) },
  { name: "in-body: From: with 100k folds", bytes: () => mail(["Subject: [PATCH] x"], `From: a${fill("\n b")}\n\nbody\n`) },
  { name: "relay: X-Original-From of 1 MiB", bytes: () => mail(["From: A via B4 Relay <devnull+a@kernel.org>", `X-Original-From: ${fill("(a ")}`]) },
  { name: "relay: Reply-To with 100k addresses", bytes: () => mail(["From: A via list <list@example.org>", `Reply-To: ${fill("a@b.c, ")}`]) },
  // verdicts (parse/verdicts.ts): only replies are scanned, so these are replies
  { name: "verdict: 60k 'Applied, thanks!' paragraphs", bytes: () => mail(RE, fill("Applied, thanks!\n\n")) },
  { name: "verdict: 90k pw-bot lines", bytes: () => mail(RE, fill("pw-bot: cr\n")) },
  { name: "verdict: pw-bot: <1 MiB spaces>x", bytes: () => mail(RE, `pw-bot:${sp}x\n`) },
  { name: "verdict: short ' , , ,' lines after Applied", bytes: () => mail(RE, fill(`Applied${" ,".repeat(90)}x\n\n`)) },
  { name: "verdict: Applied then 1 MiB of ' ,'", bytes: () => mail(RE, `Applied${fill(" ,")}\n`) },
  { name: "verdict: b4 summary of 30k items", bytes: () => mail(RE, `Applied, thanks!\n\n${fill("[1/1] x\n      commit: 0123abcd\n")}`) },
  { name: "verdict: patchwork-bot notice with 30k items", bytes: () => mail(BOT, `This series was applied to a/b.git (main)\nby A <a@b.c>:\n\nHere is the summary with links:\n${fill("  - [x] y\n    (no matching commit)\n")}`) },
  { name: "verdict: patchwork-bot 'was applied to' of 1 MiB '('", bytes: () => mail(BOT, `This series was applied to a ${fill("(")}\nby ${fill("<", MIB / 4)}:\n`) },
];

/** Direct calls into parse/ and identity/ helpers with 1 MiB hostile strings. */
export interface HostileCall {
  name: string;
  run: () => unknown;
}

export function hostileCalls(): HostileCall[] {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
  return [
    { name: "parsePerson: 1 MiB spaces between name and nothing", run: () => parsePerson(`a${fill(" ")}b`) },
    { name: "parsePerson: <a@a@... without >", run: () => parsePerson(`<${fill("a@")}`) },
    { name: "parsePerson: name<spaces>#<spaces>", run: () => parsePerson(`x${fill(" ", MIB / 2)}#${fill(" ", MIB / 2)}`) },
    { name: "parsePerson: 500k '<a' candidates", run: () => parsePerson(fill("<a")) },
    { name: "parseAddressList: 1 MiB of \"\\", run: () => parseAddressList(fill('"\\')) },
    { name: "decodeWords: 100k =?x?b? starts", run: () => decodeWords(fill("=?x?b?")) },
    { name: "parseDate: 1 MiB of '('", run: () => parseDate(fill("(")) },
    { name: "parseDate: 1 MiB of '(a'", run: () => parseDate(fill("(a")) },
    { name: "isBot: address of 1 MiB '@'", run: () => isBot({ name: "", email: fill("@") }) },
    { name: "isBot: address of '+bot' x 200k", run: () => isBot({ name: "", email: fill("+bot") }) },
    { name: "isBot: name of 'kernelci ' x 100k", run: () => isBot({ name: fill("kernelci "), email: "a@b.c" }) },
    { name: "nameWords: 1 MiB of '('", run: () => nameWords(fill("(")) },
    { name: "nameWords: 1 MiB spaces then 'x via'", run: () => nameWords(`a${fill(" ")}x via`) },
    { name: "nameKey: 200k words", run: () => nameKey(words(200_000).join(" ")) },
    { name: "nameAbbrevKey: 1 MiB of '('", run: () => nameAbbrevKey(`Ann ${fill("(")} Bee`) },
    { name: "normalizeEmail: a@ + 1 MiB dots + x", run: () => normalizeEmail(`a@${fill(".")}x`) },
    { name: "mailmap: 1 MiB of '#'", run: () => parseMailmap(fill("#")) },
    { name: "mailmap: 'a<' x 500k", run: () => parseMailmap(fill("a<")) },
    { name: "mailmap: 100k lines", run: () => parseMailmap(fill("A <a@b.c> <c@d.e>\n")) },
    {
      name: "resolvePeople: one distinctive name at 10k organisations, one local part",
      run: () => resolvePeople(Array.from({ length: 10_000 }, (_, i) => ({ email: `jdoe@org${i}.com`, name: "Jonathan Doesburger", messages: 1 }))),
    },
    {
      name: "resolvePeople: a 200k-word name",
      run: () => resolvePeople([{ email: "a@x.com", name: words(200_000).join(" "), messages: 1 }, { email: "b@y.com", name: words(200_000).join(" "), messages: 1 }]),
    },
    { name: "isPersonalDomain: 100k name words x 100k labels", run: () => isPersonalDomain(`a@${words(100_000).join(".")}.com`, words(100_000).map((w) => w + "xyz")) },
  ];
}
