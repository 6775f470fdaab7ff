/**
 * An egress proxy for Graph: HTTPS_PROXY (or https_proxy) names it, NO_PROXY
 * (or no_proxy) lists hosts reached directly. app/config.ts reads the
 * variables; this module only decides, per request, which way to go.
 *
 * NO_PROXY follows the common convention (curl, Go's net/http/httpproxy,
 * @azure/core-rest-pipeline's proxy policy): a comma- or space-separated list
 * of host names, `.suffix` or `suffix` matching the host and its subdomains,
 * an optional `:port`, IP literals, and `*` meaning every host.
 */
export interface ProxySettings {
  /** http://host:port (credentials in the URL are passed on as Proxy-Authorization). */
  url: string;
  /** NO_PROXY entries, already split. */
  noProxy: readonly string[];
}

export function parseNoProxy(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry.length > 0);
}

/** Whether a request to `target` skips the proxy. */
export function bypassesProxy(target: URL, noProxy: readonly string[]): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  const port = target.port !== "" ? target.port : target.protocol === "https:" ? "443" : "80";
  for (const raw of noProxy) {
    if (raw === "*") return true;
    let entry = raw;
    let entryPort: string | undefined;
    const bracketed = /^\[(.*)\](?::(\d+))?$/.exec(entry);
    if (bracketed !== null) {
      entry = bracketed[1] ?? "";
      entryPort = bracketed[2];
    } else {
      const withPort = /^([^:]+):(\d+)$/.exec(entry);
      if (withPort !== null) {
        entry = withPort[1] ?? "";
        entryPort = withPort[2];
      }
    }
    if (entryPort !== undefined && entryPort !== port) continue;
    const bare = entry.replace(/^\*?\./, "");
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}
