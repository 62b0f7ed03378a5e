// threadgraph thread: fetch one whole thread (<inbox>/<message-id>/t.mbox.gz) into the store.
import { parseArgs } from "node:util";
import { inboxUrl, loadConfig, resolveStoreDir } from "../config.ts";
import { openStore } from "../store/store.ts";
import { ingest, IngestError } from "../pipeline/ingest.ts";
import { describeRetry, HttpClient, httpOptionsFrom } from "../sources/lore/http-client.ts";
import { loreThreadSource, parseThreadRef } from "../sources/lore/thread-source.ts";
import { first, parseHeaders } from "../parse/headers.ts";
import { extractIds } from "../parse/message-id.ts";
import { analysisStale, describeRefresh, refreshAnalysis } from "../pipeline/refresh.ts";
import { describeIdentity, resolveIdentityInputs } from "../store/identity-inputs.ts";
import type { IdentityChoice } from "../store/settings.ts";
import { IDENTITY_OPTIONS, identityChoice, identityHelp } from "./identity-flags.ts";
import { MAINTAINERS_OPTIONS, keepUnanalysedChoice, maintainersChoice, maintainersHelp, preloadMaintainers } from "./maintainers-flags.ts";

export const help = `usage: threadgraph thread <message-id | lore URL> [options]

Fetch one whole thread from lore into the store, e.g.
  threadgraph thread https://lore.kernel.org/netdev/<message-id>/
  threadgraph thread '<message-id>' --inbox https://lore.kernel.org/linux-cxl/

options:
  --store DIR     the store (config: store)
  --inbox URL     inbox for a bare Message-ID (default: https://lore.kernel.org/all/)
  --list NAME     tag the messages with this tracked list (default: the list whose inbox matches)
  --no-analyze    skip recomputing threads, graph and page artifacts afterwards
${identityHelp(16)}
${maintainersHelp(16)}

The refresh afterwards uses the store's report window (see 'threadgraph analyze --help').

exit status: 0 ok, 1 the fetch or a runtime error failed, 2 usage error`;

function usageError(msg: string): number {
  console.error(`threadgraph thread: ${msg}\n\n${help}`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { store: { type: "string" }, inbox: { type: "string" }, list: { type: "string" }, "no-analyze": { type: "boolean" }, ...IDENTITY_OPTIONS, ...MAINTAINERS_OPTIONS },
    }));
  } catch (e) {
    return usageError((e as Error).message);
  }
  if (positionals.length !== 1) return usageError("expected exactly one message-id or lore URL");
  let ref, choice: IdentityChoice;
  let maintainers: string | null | undefined;
  try {
    choice = identityChoice(values);
    maintainers = maintainersChoice(values);
    ref = parseThreadRef(positionals[0], values.inbox ?? "https://lore.kernel.org/all/");
  } catch (e) {
    return usageError((e as Error).message);
  }
  try {
    return await fetchThread(ref, choice, values, maintainers);
  } catch (e) {
    console.error(`threadgraph thread: ${(e as Error).message}`);
    return 1;
  }
}

async function fetchThread(ref: ReturnType<typeof parseThreadRef>, choice: IdentityChoice,
  values: { store?: string; list?: string; "no-analyze"?: boolean }, maintainers?: string | null): Promise<number> {
  const cfg = await loadConfig();
  const list = values.list ?? cfg.lists.find((l) => inboxUrl(l) === ref.inbox)?.name;
  const storeDir = await resolveStoreDir(values.store, cfg);
  // A missing mailmap/overrides file fails here, before anything is fetched or stored.
  const identity = resolveIdentityInputs(storeDir, cfg, choice);
  await preloadMaintainers(maintainers);
  console.log(describeIdentity(identity));
  const client = new HttpClient({
    ...httpOptionsFrom(cfg.sync),
    onRetry: (r) => console.error(`threadgraph thread: retrying ${describeRetry(r)}`),
  });
  const store = await openStore(storeDir);
  let changed = false;
  try {
    const source = loreThreadSource(ref, client, list, (b) => extractIds(first(parseHeaders(b), "message-id")), (b) => {
      const h = parseHeaders(b);
      return [...extractIds(first(h, "in-reply-to")), ...(h.fields.get("references") ?? []).flatMap((v) => extractIds(v))];
    });
    const s = await ingest(store, [source], { lists: cfg.lists, mailmap: identity.mailmap, overrides: identity.overrides, rememberIdentity: identity.remember });
    const sum = s.sources[0];
    changed = sum.new > 0 || !!s.peopleChanged;
    console.log(`${source.path}: ${sum.seen} messages, ${sum.new} new, ${sum.duplicate} already stored, ${sum.error} errors`);
  } catch (e) {
    if (e instanceof IngestError) {
      console.error(`threadgraph thread: ${e.failures.map((f) => f.message).join("; ")}`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
    client.close();
  }
  keepUnanalysedChoice(storeDir, maintainers, values["no-analyze"], true);
  if ((changed || maintainers !== undefined || analysisStale(storeDir)) && !values["no-analyze"]) {
    const names = [...new Set([...cfg.lists.map((l) => l.name), ...(list ? [list] : [])])];
    console.log(describeRefresh(await refreshAnalysis({ storeDir, lists: names, maintainers })));
  }
  return 0;
}
