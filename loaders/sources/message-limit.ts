// One message is held whole in memory (split, parse, store), so a hostile archive could make one
// message of gigabytes: a gzip bomb inside an mbox.gz, a huge Maildir file, a huge git blob. Over
// this size a message is not read: it becomes a counted `errors` row and reading goes on.
// Real list mail is far below it (vger refuses mail over a few hundred KiB).

export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** The errors-row reason for a message skipped for its size. */
export function oversizedReason(bytes: number, limit = MAX_MESSAGE_BYTES): string {
  return `message of ${bytes} bytes is over the ${limit}-byte limit for one message: not stored`;
}
