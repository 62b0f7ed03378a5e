// Synthetic public-inbox v2 epochs built with git: commits adding blob `m` (a message) or `d` (a deletion).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";

export const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@x", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@x", GIT_CONFIG_NOSYSTEM: "1" };

/** Build epoch `n` under inbox/git/ with commits: each entry is ["m", text] or ["d", text]. */
export function buildEpoch(inbox: string, n: number, commits: [("m" | "d"), string, number][]): string {
  const bare = join(inbox, "git", `${n}.git`);
  const work = join(inbox, `work${n}`);
  mkdirSync(work, { recursive: true });
  const git = (...a: string[]) => execFileSync("git", a, { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] }).toString();
  git("init", "-q", "-b", "master");
  for (const [kind, text, time] of commits) {
    rmSync(join(work, "m"), { force: true });
    rmSync(join(work, "d"), { force: true });
    writeFileSync(join(work, kind), text);
    git("add", "-A");
    execFileSync("git", ["commit", "-q", "-m", "x"], { cwd: work, env: { ...env, GIT_COMMITTER_DATE: `${time} +0000`, GIT_AUTHOR_DATE: `${time} +0000` } });
  }
  execFileSync("git", ["clone", "-q", "--bare", work, bare], { env });
  rmSync(work, { recursive: true, force: true });
  return bare;
}

export function appendCommit(bare: string, kind: "m" | "d", text: string, time: number) {
  const work = bare + ".work";
  execFileSync("git", ["clone", "-q", bare, work], { env });
  rmSync(join(work, "m"), { force: true });
  rmSync(join(work, "d"), { force: true });
  writeFileSync(join(work, kind), text);
  execFileSync("git", ["add", "-A"], { cwd: work, env });
  execFileSync("git", ["commit", "-q", "-m", "x"], { cwd: work, env: { ...env, GIT_COMMITTER_DATE: `${time} +0000` } });
  execFileSync("git", ["push", "-q", "origin", "HEAD:master"], { cwd: work, env });
  rmSync(work, { recursive: true, force: true });
}

