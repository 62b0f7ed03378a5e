// The inputs of the subsystem/organisation analysis for a store: MAINTAINERS (flags > saved in
// the store > config > none; store/maintainers-input.ts), the tracked lists, and the organisation
// lines of the identity overrides file. A page loader never fetches: it reads the cached copy.
import { loadConfig } from "../config.ts";
import { resolveMaintainers, maintainersCacheDir } from "../store/maintainers-input.ts";
import { resolveIdentityInputs } from "../store/identity-inputs.ts";
import { loadMaintainersText } from "../sources/maintainers-file.ts";
import { readOverrides } from "../identity/overrides.ts";
import type { AffiliationOptions } from "./affiliation-tables.ts";

export async function affiliationSetup(storeDir: string, o: { maintainers?: string | null; fetch?: boolean; writeDerived: boolean;
  warn?: (m: string) => void }): Promise<AffiliationOptions> {
  const cfg = await loadConfig();
  const chosen = resolveMaintainers(storeDir, cfg, o.maintainers);
  let maintainers: AffiliationOptions["maintainers"] = null;
  if (chosen.spec) {
    try {
      maintainers = { text: (await loadMaintainersText(chosen.spec, { cacheDir: maintainersCacheDir(), fetch: o.fetch, warn: o.warn })).text, spec: chosen.spec };
    } catch (e) {
      const where = { flags: "given with --maintainers", store: "saved in the store by an earlier --maintainers", config: "set in threadgraph.config.ts", none: "" }[chosen.origin];
      throw new Error(`${(e as Error).message} (${where}). Restore it, pass --maintainers FILE|URL to use another, or --no-maintainers to stop using one`);
    }
  }
  let orgOverrides: AffiliationOptions["orgOverrides"] = [];
  try {
    const id = resolveIdentityInputs(storeDir, cfg);
    if (id.overrides) orgOverrides = readOverrides(id.overrides).orgs.map((x) => ({ email: x.email, override: { organisation: x.organisation, from: x.from, until: x.until } }));
  } catch (e) {
    o.warn?.(`organisation overrides not read: ${(e as Error).message}`);
  }
  return { maintainers, tracked: cfg.lists.map((l) => ({ name: l.name, address: l.address.toLowerCase() })), orgOverrides, writeDerived: o.writeDerived };
}
