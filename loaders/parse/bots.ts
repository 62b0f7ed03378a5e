// Bot detection: a versioned list of known bots plus heuristics. Bots are flagged, never dropped.
// Bump BOT_LIST_VERSION whenever the list or the heuristics change, so stores can tell.
export const BOT_LIST_VERSION = "2026-12-01.1";

/** Known bot addresses (lower-case, exact). */
export const KNOWN_BOT_ADDRESSES: readonly string[] = [
  "lkp@intel.com",                               // kernel test robot (0-day)
  "oliver.sang@intel.com",                       // kernel test robot regression reports
  "syzbot@syzkaller.appspotmail.com",
  "patchwork-bot+netdevbpf@kernel.org",
  "patchwork-bot+linux-riscv@kernel.org",
  "patchwork-bot+chrome-platform@kernel.org",
  "patchwork-bot+f2fs@kernel.org",
  "patchwork-bot+bluetooth@kernel.org",
  "bot@kernelci.org",
  "noreply@kernelci.org",
  "linux-kernel-bot@kernel.org",
  "pr-tracker-bot@kernel.org",
  "bugzilla-daemon@kernel.org",
  "bugzilla-daemon@bugzilla.kernel.org",
  "intel-lab-lkp@intel.com",
  "ci_notify@linaro.org",
  "patchwork@emeril.freedesktop.org",
  "linux-next-bot@kernel.org",
  "lkft@linaro.org",
  "kbuild-all@lists.01.org",
];

/** Address patterns that only bots use. */
const BOT_ADDRESS_PATTERNS: readonly RegExp[] = [
  /^syzbot(\+[^@]*)?@/,                          // syzbot+<hash>@syzkaller.appspotmail.com
  /^patchwork-bot(\+[^@]*)?@/,
  /^(no-?reply|do-?not-?reply|mailer-daemon)(\+[^@]*)?@/,
  /(^|[._+-])(bot|robot|ci)(\+[^@]*)?@/,         // foo-bot@, ci@, robot@, x.ci@
  /^(bot|ci|robot)[._+-]/,                        // bot.x@, ci-notify@
  /@(.*\.)?(syzkaller\.appspotmail\.com|kernelci\.org)$/,
];

/** Display names that only bots use. */
const BOT_NAME_PATTERNS: readonly RegExp[] = [
  /\brobot\b/i,                                   // kernel test robot, Abaci Robot, ...
  /\bsyzbot\b/i,
  /\bpatchwork-bot\b/i,
  // "kernelci ... bot": written as two searches below (one regex backtracks per "kernelci")
  /\b(ci|build|test) ?bot\b/i,
  /^bot\b/i,
  /\bbot$/i,
];

const MAX_ADDRESS = 254;

/** `/\bkernelci\b.*\bbot\b/i` in one pass: a "bot" word after the first "kernelci" word. */
function kernelciBot(name: string): boolean {
  const k = /\bkernelci\b/i.exec(name);
  return k !== null && /\bbot\b/i.test(name.slice(k.index + k[0].length));
}

/** Header names whose presence marks automated mail (lower-case). */
const BOT_HEADERS: readonly string[] = ["x-patchwork-bot", "x-kernelci-report", "x-kernelci-tree", "x-syzbot", "x-lkp"];

/**
 * Is the sender a bot? `headers` maps lower-case header names to values; pass what you have.
 * Auto-Submitted: auto-generated/auto-replied also counts (RFC 3834).
 */
export function isBot(from: { name: string; email: string }, headers: Record<string, string | undefined> = {}): boolean {
  const email = from.email.toLowerCase();
  if (email && KNOWN_BOT_ADDRESSES.includes(email)) return true;
  // No real address is longer (RFC 5321); the patterns backtrack on megabytes of '@' or '+'.
  if (email && email.length <= MAX_ADDRESS && BOT_ADDRESS_PATTERNS.some((r) => r.test(email))) return true;
  const name = from.name.trim();
  if (name && (BOT_NAME_PATTERNS.some((r) => r.test(name)) || kernelciBot(name))) return true;
  for (const h of BOT_HEADERS) if (headers[h] !== undefined) return true;
  const auto = headers["auto-submitted"];
  if (auto && /^auto-(generated|replied)/i.test(auto.trim())) return true;
  return false;
}

/** The header names isBot looks at, so a parser can collect just these. */
export const BOT_HEADER_NAMES: readonly string[] = [...BOT_HEADERS, "auto-submitted"];
