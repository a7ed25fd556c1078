// URL rules of the desktop shell, as pure functions so they are tested without Electron.
// Every decision parses with `new URL` and compares parsed parts; substring checks are how
// `https://good.example@evil.example` or `javascript:` slip through.

/** Where our renderer comes from: the built index.html, or the dev server of `electron-vite dev`. */
export type AppLocation =
  | { kind: 'file'; indexUrl: string }
  | { kind: 'dev'; url: string };

// Whitespace and control characters: the URL parser silently drops tabs and newlines inside a URL
// and trims the ends, so "java\nscript:" or "https://x\n" would otherwise be read as something else.
function hasWhitespaceOrControl(s: string): boolean {
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/u.test(ch)) return true;
  }
  return false;
}
const MAX_URL_LENGTH = 2048;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (hasWhitespaceOrControl(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The normalized URL to hand to the OS browser, or null when it must not leave the app:
 * only http(s), with a host, and without user:password@ (a phishing device, never needed here).
 */
export function safeExternalUrl(raw: unknown): string | null {
  const url = parse(raw);
  if (!url) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export function isSafeExternalUrl(raw: unknown): boolean {
  return safeExternalUrl(raw) !== null;
}

/** True when `raw` is our renderer's page (any hash or query: the router lives in the hash). */
export function isAppUrl(raw: unknown, app: AppLocation): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (app.kind === 'dev') return url.origin !== 'null' && url.origin === new URL(app.url).origin;
  const index = new URL(app.indexUrl);
  return url.protocol === 'file:' && url.host === index.host && url.pathname === index.pathname;
}

const ALWAYS_ALLOWED_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Whether the renderer's session may load `raw` at all. The app is offline by design: files only
 * from the renderer's own folder, the network only to the dev server during `electron-vite dev`.
 */
export function isAllowedRequest(raw: unknown, app: AppLocation): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (ALWAYS_ALLOWED_SCHEMES.has(url.protocol)) return true;
  if (app.kind === 'file') {
    if (url.protocol !== 'file:') return false;
    const index = new URL(app.indexUrl);
    const folder = index.pathname.slice(0, index.pathname.lastIndexOf('/') + 1);
    // The parser has already resolved "..", also when written as %2e%2e.
    return url.host === index.host && url.pathname.startsWith(folder);
  }
  return NETWORK_SCHEMES.has(url.protocol) && url.host === new URL(app.url).host;
}
