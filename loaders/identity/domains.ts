// Which mail domains say something about who a person is. A shared display name at two
// employers (intel.com, huawei.com) may be two people; at a free-mail or community host
// (gmail.com, kernel.org, infradead.org) or at the person's own vanity domain it says nothing
// about the employer, so such "neutral" addresses can join the one organisation a name uses.
// Versioned like the bot list: the version is part of the identity inputs, so a change here
// re-resolves every store's people on its next ingest.
export const DOMAIN_LIST_VERSION = "2026-11-24.1";

/**
 * Hosts anyone (or any kernel developer) can have an address at. Free-mail providers, plus
 * community hosts that give developers personal addresses: kernel.org (maintainer accounts),
 * linux.dev, infradead.org (long-time community host: hch@, peterz@, willy@...).
 */
const NEUTRAL = new Set([
  // community / developer hosting
  "kernel.org", "linux.dev", "infradead.org", "lwn.net", "users.sourceforge.net",
  // free mail
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "aol.com",
  "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
  "web.de", "posteo.de", "posteo.net", "mailbox.org", "zoho.com", "tutanota.com", "tuta.io",
  "fastmail.com", "fastmail.fm", "yandex.ru", "yandex.com", "ya.ru", "mail.ru", "inbox.ru",
  "qq.com", "163.com", "126.com", "foxmail.com", "sina.com", "sohu.com", "aliyun.com",
  "naver.com", "hanmail.net", "seznam.cz", "wp.pl", "o2.pl", "free.fr", "laposte.net", "orange.fr",
  "libero.it", "riseup.net", "disroot.org",
]);
const NEUTRAL_PATTERN = /^(yahoo|ymail|gmx|hotmail|outlook|live)\.[a-z.]+$/;

export function isNeutralDomain(domain: string): boolean {
  return NEUTRAL.has(domain) || NEUTRAL_PATTERN.test(domain);
}

// Second-level public suffixes (retrosnub.co.uk is the registrable domain, not co.uk).
const SECOND_LEVEL = /^(co|com|ac|org|net|edu|gov|or|ne)\.[a-z]{2}$/;

/** The registrable domain: mail.intel.com -> intel.com, x.retrosnub.co.uk -> retrosnub.co.uk. */
export function orgOf(domain: string): string {
  const labels = domain.split(".");
  const n = SECOND_LEVEL.test(labels.slice(-2).join(".")) ? 3 : 2;
  return labels.slice(-n).join(".");
}

/** Labels of a domain without its public suffix: jic23.retrosnub.co.uk -> [jic23, retrosnub]. */
function ownLabels(domain: string): string[] {
  const labels = domain.split(".");
  const suffix = SECOND_LEVEL.test(labels.slice(-2).join(".")) ? 2 : 1;
  return labels.slice(0, -suffix);
}

/**
 * A vanity domain: one of its own labels is the address's local part (jic23@jic23.example.co.uk)
 * or one of the person's name words of 4+ letters (toke@toke.dk, sdf@fomichev.me,
 * greg@kroah.com for Kroah-Hartman). It names the person, not an employer.
 */
export function isPersonalDomain(email: string, nameWords: Iterable<string>): boolean {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at), labels = new Set(ownLabels(email.slice(at + 1)));
  if (local.length >= 3 && labels.has(local)) return true;
  for (const w of nameWords) if (w.length >= 4 && labels.has(w)) return true;
  return false;
}
