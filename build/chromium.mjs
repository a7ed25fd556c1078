// Finds a Chromium-family browser where people have one, for the browser tests (playwright.config.ts,
// build/test.mjs) and for the app window of the browser face (build/start.mjs). Playwright cannot
// download a browser here, so we use the one on the machine. Order: HANDOVER_CHROMIUM, then
// Chromium (Debian, Ubuntu, snap), Google Chrome, Microsoft Edge; fixed install paths first, then
// the same programs by name on PATH.
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** A regular file we may execute (on Windows, any regular file). */
export function isExecutableFile(file, platform = process.platform) {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Program names to look for on PATH, by family, in the order above.
const PATH_NAMES = [
  ['Chromium', ['chromium', 'chromium-browser']],
  ['Google Chrome', ['google-chrome-stable', 'google-chrome']],
  ['Microsoft Edge', ['microsoft-edge-stable', 'microsoft-edge']],
];

/** Where each browser installs itself on `platform`, in the order they are tried. */
export function chromiumCandidates(platform = process.platform, env = process.env, home = homedir()) {
  if (platform === 'win32') {
    const { join } = win32;
    const programFiles = env.PROGRAMFILES || env.ProgramFiles || 'C:\\Program Files';
    const programFilesX86 = env['PROGRAMFILES(X86)'] || env['ProgramFiles(x86)'] || 'C:\\Program Files (x86)';
    const localAppData = env.LOCALAPPDATA || join(home, 'AppData', 'Local');
    const inEach = (name, ...rel) => [localAppData, programFiles, programFilesX86].map((base) => ({ name, path: join(base, ...rel) }));
    return [
      ...inEach('Chromium', 'Chromium', 'Application', 'chrome.exe'),
      ...inEach('Google Chrome', 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ...inEach('Microsoft Edge', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ];
  }
  if (platform === 'darwin') {
    const { join } = posix;
    const app = (name, bundle, exe) => [
      { name, path: join('/Applications', bundle, 'Contents', 'MacOS', exe) },
      { name, path: join(home, 'Applications', bundle, 'Contents', 'MacOS', exe) },
    ];
    return [
      ...app('Chromium', 'Chromium.app', 'Chromium'),
      ...app('Google Chrome', 'Google Chrome.app', 'Google Chrome'),
      ...app('Microsoft Edge', 'Microsoft Edge.app', 'Microsoft Edge'),
    ];
  }
  const { join } = posix;
  const fixed = [
    { name: 'Chromium', path: '/usr/bin/chromium' }, // Debian
    { name: 'Chromium', path: '/usr/bin/chromium-browser' }, // Ubuntu (starts the snap there)
    { name: 'Chromium', path: '/snap/bin/chromium' },
    { name: 'Google Chrome', path: '/usr/bin/google-chrome-stable' },
    { name: 'Google Chrome', path: '/usr/bin/google-chrome' },
    { name: 'Google Chrome', path: '/opt/google/chrome/chrome' },
    { name: 'Microsoft Edge', path: '/usr/bin/microsoft-edge-stable' },
    { name: 'Microsoft Edge', path: '/usr/bin/microsoft-edge' },
    { name: 'Microsoft Edge', path: '/opt/microsoft/msedge/msedge' },
  ];
  const dirs = (env.PATH ?? '').split(posix.delimiter).filter((d) => d.startsWith('/'));
  const onPath = PATH_NAMES.flatMap(([name, programs]) => programs.flatMap((program) => dirs.map((dir) => ({ name, path: join(dir, program) }))));
  return [...fixed, ...onPath];
}

/** One line telling how to get a browser, for `platform`. */
export function installHint(platform = process.platform) {
  const how = platform === 'win32' ? 'install Google Chrome or Microsoft Edge'
    : platform === 'darwin' ? 'install Google Chrome or Chromium into /Applications'
      : 'apt-get install chromium (Debian, Ubuntu), or install Google Chrome or Microsoft Edge';
  return `No Chromium-family browser found: ${how}, or set HANDOVER_CHROMIUM to a browser's executable.`;
}

/**
 * The browser to use: `{ path, name, warning }`, or `{ path: null, hint, warning }` when there is
 * none. A HANDOVER_CHROMIUM that names no executable is not used, and `warning` says so: the
 * search goes on, so a stale setting does not hide a browser that is there.
 */
export function findChromium({ platform = process.platform, env = process.env, home = homedir(), exists = (file) => isExecutableFile(file, platform) } = {}) {
  const chosen = env.HANDOVER_CHROMIUM;
  let warning = null;
  if (chosen) {
    if (exists(chosen)) return { path: chosen, name: 'HANDOVER_CHROMIUM', warning };
    warning = `HANDOVER_CHROMIUM is set to ${chosen}, which is not an executable file: looking for a browser elsewhere.`;
  }
  for (const candidate of chromiumCandidates(platform, env, home)) {
    if (exists(candidate.path)) return { ...candidate, warning };
  }
  return { path: null, hint: installHint(platform), warning };
}
