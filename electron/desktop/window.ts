// The main window and the guards around it: a sandboxed renderer with no Node, a strict CSP,
// no new windows, no navigation away, no permissions, no network, and links that leave the app
// only for http(s). The per-page guards go on every web contents the app creates (the main
// window, the print window, anything added later) through one 'web-contents-created' listener.
import { BrowserWindow, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { isAllowedRequest, isAppUrl, safeExternalUrl, startUrl, type AppLocation } from './urls';
import { DEFAULT_SIZE, MIN_SIZE, type OpeningBounds } from './window-state';

const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  // React sets inline style attributes; scripts stay strict.
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/**
 * The page's Content Security Policy. Under `electron-vite dev` only, the React refresh preamble
 * is an inline script and hot reload uses a web socket to the dev server, so both are allowed there.
 */
export function contentSecurityPolicy(app: AppLocation): string {
  const directives = { ...CSP_DIRECTIVES };
  if (app.kind === 'dev') {
    directives['script-src'] = "'self' 'unsafe-inline'";
    directives['connect-src'] = `'self' ws://${new URL(app.url).host}`;
  }
  return Object.entries(directives).map(([name, value]) => `${name} ${value}`).join('; ');
}

export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spell checker downloads dictionaries from Google: the app stays offline.
    spellcheck: false,
    devTools,
  };
}

type Headers = Record<string, string | string[]>;

/** The response headers with our CSP replacing any the response brought. */
export function withCsp(headers: Headers | undefined, csp: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** No camera, microphone, location, notifications, devices…: the app asks for none. */
function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The main session's guards: CSP header, and no request outside the app's own origin. */
export function hardenSession(session: Session, app: AppLocation): void {
  const csp = contentSecurityPolicy(app);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, app) }));
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders, csp) }));
}

type OpenExternal = (url: string) => Promise<void>;

/** Hands a URL to the OS browser when it is http(s); anything else is dropped. */
export function openOutside(raw: unknown, openExternal: OpenExternal = (url) => shell.openExternal(url)): boolean {
  const url = safeExternalUrl(raw);
  if (url === null) return false;
  openExternal(url).catch(() => {
    // Nothing to do: the OS has no browser, or refused; the app itself is unaffected.
  });
  return true;
}

/** Per-page guards: no new windows, no navigation away from the app, no permissions, no <webview>. */
export function guardWebContents(contents: WebContents, app: AppLocation, openExternal?: OpenExternal): void {
  // Per session, so a window in a partition of its own (the print window) is covered too.
  denyPermissions(contents.session);
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, openExternal);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, app)) return; // a reload of our own page
    event.preventDefault();
    // A plain link to a web page: the user meant to open it, in their browser.
    openOutside(event.url, openExternal);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, app)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The slice of Electron's `app` the guard listens on, so tests can pass a fake. */
export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
}

/**
 * Guards every web contents as it is created, before it loads anything: one rule for all, so a
 * window added later cannot be forgotten. Install it once, before the first window.
 */
export function guardAllWebContents(source: WebContentsSource, app: AppLocation, openExternal?: OpenExternal): void {
  source.on('web-contents-created', (_event, contents) => guardWebContents(contents, app, openExternal));
}

export interface MainWindowOptions {
  preload: string;
  app: AppLocation;
  title: string;
  devTools: boolean;
  /** Where it opens (window-state.ts); the default size, placed by the OS, without. */
  bounds?: OpeningBounds;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const { maximized, ...bounds }: OpeningBounds = opts.bounds ?? { ...DEFAULT_SIZE, maximized: false };
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: opts.title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preload, opts.devTools),
  });
  // Its page guards come from guardAllWebContents, installed at start-up.
  hardenSession(win.webContents.session, opts.app);
  // The title names the open workbook; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  return win;
}

/** Loads the renderer: app://renderer/index.html when built, the dev server under `electron-vite dev`. */
export function loadRenderer(win: BrowserWindow, app: AppLocation): Promise<void> {
  return win.loadURL(startUrl(app));
}
