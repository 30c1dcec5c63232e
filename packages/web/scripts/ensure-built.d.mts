/** True when packages/web/dist is missing or older than the web app's sources. */
export function webBuildIsStale(): boolean;
/** Builds the web app when stale; returns whether it built. */
export function ensureWebBuilt(): boolean;
