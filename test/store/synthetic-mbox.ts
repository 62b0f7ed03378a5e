// Synthetic mbox archives for end-to-end tests (never real mail): threads, cross-posts,
// trailers, and a few duplicates, deterministic for a given size.
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export interface SyntheticOptions {
  messages: number;
  /** Address the message to these list addresses (To/Cc). */
  lists: string[];
  /** Start numbering here, so two archives can share ids (cross-posts). */
  offset?: number;
}

export function syntheticMessage(i: number, lists: string[]): string {
  const author = `Dev${i % 37} Person${i % 37}`;
  const email = `dev${i % 37}@example.org`;
  const root = i - (i % 5);
  const reply = i % 5 !== 0;
  const subject = reply ? `Re: [PATCH v2 1/3] net: synthetic change ${root}` : `[PATCH v2 1/3] net: synthetic change ${i}`;
  const date = new Date(Date.UTC(2024, 6, 1) + i * 60_000).toUTCString().replace("GMT", "+0000");
  const headers = [
    `From: ${author} <${email}>`,
    `To: ${lists.join(", ")}`,
    `Cc: "Maintainer, Some" <maint@example.org>`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <synthetic-${i}@example.org>`,
    ...(reply ? [`In-Reply-To: <synthetic-${root}@example.org>`, `References: <synthetic-${root}@example.org>`] : []),
  ];
  const body = [`Synthetic body ${i}.`, "", `> quoted line`, "", i % 3 === 0 ? `Reviewed-by: Dev${(i + 1) % 37} Person${(i + 1) % 37} <dev${(i + 1) % 37}@example.org>` : "Thanks."];
  return `${headers.join("\n")}\n\n${body.join("\n")}\n`;
}

export function syntheticMbox(o: SyntheticOptions): string {
  const parts: string[] = [];
  const start = o.offset ?? 0;
  for (let i = start; i < start + o.messages; i++) {
    parts.push(`From mboxrd@z Thu Jan  1 00:00:00 1970\n${syntheticMessage(i, o.lists)}\n`);
  }
  return parts.join("");
}

export function writeSyntheticMbox(path: string, o: SyntheticOptions): void {
  const text = syntheticMbox(o);
  writeFileSync(path, path.endsWith(".gz") ? gzipSync(text) : text);
}
