// Where the kiosk and display apps may go. Their windows show the hall server's pages and
// nothing else.

// The WHATWG URL exists in Node, Electron and browsers alike, but this package compiles with
// neither DOM nor Node types: declare just what is used here.
interface WhatwgUrl {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly searchParams: { set(name: string, value: string): void };
}
declare const URL: new (url: string, base?: string) => WhatwgUrl;

/** The host name an address names (the shell's certificate pin is for the hall server's), or null. */
export function hostnameOf(url: string): string | null {
  return parse(url)?.hostname ?? null;
}

function parse(url: string): WhatwgUrl | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The machines stand in a public hall: the only pages they may show are the hall server's.
 * Anything else (another site, file://, javascript:, data:) could leave a stranger at a
 * desktop browser, or a desktop browser on a wall.
 */
export function isAllowedNavigation(targetUrl: string, serverUrl: string): boolean {
  const target = parse(targetUrl);
  const server = parse(serverUrl);
  if (!target || !server) return false;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  return target.origin === server.origin;
}

/**
 * A page of the hall server. Resolves against the server URL as a folder, so a hall served
 * under a path prefix keeps it; `query` is added to the search part, encoded.
 */
export function serverPageUrl(serverUrl: string, relative: string, query: Readonly<Record<string, string>> = {}): string {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  const url = new URL(relative, base);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}
