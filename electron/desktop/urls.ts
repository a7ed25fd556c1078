// URL rules of the desktop shell, as pure functions so they are tested without Electron.
// Every decision parses with `new URL` and compares parsed parts; substring checks are how
// `https://good.example@evil.example` or `javascript:` slip through.

/**
 * Our own origin: the built renderer is served from `app://renderer/` by the protocol handler in
 * protocol.ts, never from file:// (a file:// page shares its origin with every file on the disk).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Where our renderer comes from: the built files over app://, or the dev server of `electron-vite dev`. */
export type AppLocation =
  | { kind: 'app' }
  | { kind: 'dev'; url: string };

/** The URL the window loads first. */
export function startUrl(app: AppLocation): string {
  return app.kind === 'dev' ? app.url : APP_INDEX_URL;
}

/** True for a parsed URL on our app:// origin (no user:password@, no port). */
export function onAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.hostname.toLowerCase() === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

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
  return onAppOrigin(url) && url.pathname === new URL(APP_INDEX_URL).pathname;
}

const ALWAYS_ALLOWED_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Whether the renderer's session may load `raw` at all. The app is offline by design: our own
 * app:// origin only (whose handler serves nothing outside the renderer's folder), no file:// at
 * all, the network only to the dev server during `electron-vite dev`.
 */
export function isAllowedRequest(raw: unknown, app: AppLocation): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (ALWAYS_ALLOWED_SCHEMES.has(url.protocol)) return true;
  // Paths are the protocol handler's business: it decodes, normalises and checks them (a check
  // on the still-encoded path here would let `..%2f` through).
  if (app.kind === 'app') return onAppOrigin(url);
  return NETWORK_SCHEMES.has(url.protocol) && url.host === new URL(app.url).host;
}
