// The browser face in a window of its own, for `npm start` where Electron cannot run: an app
// window (`--app`, no tabs or address bar) of the Chromium-family browser build/chromium.mjs
// finds, with a profile folder of its own so it never touches the user's browsing profile.
import { spawn as nodeSpawn } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataDir } from './paths.mjs';

/** What electron/web/main.ts prints once the server listens; the URL carries the per-run token. */
const READY_LINE = /^Handover Workbook is ready: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/;

/** The browser face's URL from one line of its output, or null. */
export function readyUrl(line) {
  return READY_LINE.exec(line.trim())?.[1] ?? null;
}

/**
 * Where the window's browser profile lives: `browser-profile` in the browser face's data folder.
 * Snap's Chromium may not read hidden folders of the home folder (~/.local/share), so there it
 * lives in the snap's own folder instead.
 */
export function browserProfileDir(browser, platform = process.platform, env = process.env, home = homedir()) {
  const snap = platform === 'linux' && (browser.startsWith('/snap/') || browser === '/usr/bin/chromium-browser');
  const base = snap ? join(home, 'snap', 'chromium', 'common', 'handover-workbook') : dataDir(platform, env, home);
  return join(base, 'browser-profile');
}

/** The launch page: a local file that forwards to the browser face's URL (see openAppWindow). */
export function launchPage(url) {
  const attr = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>\n<meta charset="utf-8">\n<title>Handover Workbook</title>\n<meta http-equiv="refresh" content="0;url=${attr}">\n`;
}

/** The browser's command line: an app window on `target`, in its own profile, without first-run questions. */
export function appWindowArgs({ target, profileDir, noSandbox = false }) {
  return [
    `--app=${target}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Chromium refuses to run as root with its sandbox on (start.mjs says so when it adds this).
    ...(noSandbox ? ['--no-sandbox'] : []),
  ];
}

/**
 * Opens `url` in an app window of `browser` and returns the browser's process. The URL holds the
 * per-run token, and any local user can read a process's command line: so the command line names
 * a launch page (readable by this user only, beside the profile) that forwards to the URL.
 */
export function openAppWindow({ browser, url, profileDir, noSandbox = false, spawn = nodeSpawn }) {
  const folder = dirname(profileDir);
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const page = join(folder, 'open-window.html');
  const temp = `${page}.${process.pid}.tmp`;
  writeFileSync(temp, launchPage(url), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, page);
  const args = appWindowArgs({ target: pathToFileURL(page).href, profileDir, noSandbox });
  return spawn(browser, args, { stdio: 'ignore' });
}
