// `npm start`: builds the app, then starts the desktop app, or, where Electron cannot run here,
// says why in one paragraph and starts the browser face on the default workbook instead, in an
// app window of a Chromium-family browser when there is one (build/app-window.mjs).
//   npm start -- --workbook=FILE   opens FILE (in either face)
//   other arguments go to the desktop app, or to build/web.mjs (e.g. --port 8080)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { browserProfileDir, openAppWindow, readyUrl } from './app-window.mjs';
import { findChromium } from './chromium.mjs';
import { ensureElectronNative } from './electron-native.mjs';
import { defaultWorkbookPath, electronExecutable } from './paths.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
// Electron is about 100 MB: allow a slow line, but never hang forever.
const DOWNLOAD_TIMEOUT_MS = Number(process.env.HANDOVER_ELECTRON_DOWNLOAD_TIMEOUT || 600) * 1000;
// Chromium (Electron's, or a browser's) refuses to run as root with its sandbox on.
const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
let stopping = false;
/** Whether a window can open here: on Linux only in a graphical session. */
const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * Runs a child with our stdio, passes Ctrl-C on, and exits with its code. With `onLine`, the
 * child's output still reaches the terminal, and each line of it is handed to `onLine` too.
 */
function runToEnd(command, childArgs, env = process.env, onLine = null) {
  const child = spawn(command, childArgs, { cwd: root, stdio: ['inherit', onLine ? 'pipe' : 'inherit', 'inherit'], env });
  if (onLine) {
    child.stdout.pipe(process.stdout);
    createInterface({ input: child.stdout }).on('line', onLine);
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
}

/** Environment for Electron's downloader: npm's proxy settings become the variables it reads. */
function downloadEnv() {
  const env = { ...process.env };
  env.HTTPS_PROXY ||= env.https_proxy || env.npm_config_https_proxy || env.npm_config_proxy || '';
  env.HTTP_PROXY ||= env.http_proxy || env.npm_config_proxy || '';
  for (const name of ['HTTPS_PROXY', 'HTTP_PROXY']) if (!env[name]) delete env[name];
  // @electron/get only uses a proxy when asked to.
  if (env.HTTPS_PROXY || env.HTTP_PROXY) env.ELECTRON_GET_USE_PROXY = 'true';
  return env;
}

/** The message of a failed child: its first line that is not a stack frame. */
const firstMessage = (text) => text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('at ')) ?? '';

/** The Electron executable, downloading it on first run; or why there is none. */
function getElectron() {
  let exe = electronExecutable(root);
  if (!exe) {
    console.error(`Downloading Electron ${electronVersion} (first run only)…`);
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
      cwd: root, env: downloadEnv(), encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS,
    });
    exe = electronExecutable(root);
    if (!exe) {
      const detail = r.error?.code === 'ETIMEDOUT' ? `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s` : firstMessage(r.stderr || r.stdout || '');
      return { problem: 'download', detail };
    }
  }
  // Run it as plain Node: proves the binary and its libraries work, without needing a display.
  const check = spawnSync(exe, ['-p', 'process.versions.electron'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000,
  });
  if (check.status !== 0 || check.stdout.trim() !== electronVersion) {
    return { problem: 'broken', detail: firstMessage(check.stderr || check.error?.message || check.stdout || 'no output'), exe };
  }
  if (!hasDisplay()) return { problem: 'display', exe };
  return { exe };
}

/** Why the desktop app cannot run, and how to fix it (startBrowserFace says what happens instead). */
function explain(problem, detail, exe) {
  const why = detail ? ` (${detail})` : '';
  switch (problem) {
    case 'download':
      return `The desktop app cannot start here: its Electron binary (version ${electronVersion}) could not be downloaded from Electron's release host on GitHub${why}, ` +
        'probably because this computer has no internet access or reaches it only through a proxy. To get it, set HTTPS_PROXY ' +
        '(or npm\'s proxy and https-proxy settings) to your proxy, or set ELECTRON_MIRROR to a reachable mirror of the Electron releases, ' +
        'then run npm start again.';
    case 'broken':
      return `The desktop app cannot start here: the Electron binary at ${exe} did not run${why}. Delete node_modules/electron/dist ` +
        'and run npm start again to download it afresh (on Linux, also check that the libraries Electron needs, such as libnss3 and ' +
        'libgtk-3, are installed).';
    case 'display':
      return 'The desktop app cannot open a window here: no graphical display was found (DISPLAY and WAYLAND_DISPLAY are not set). ' +
        'Run npm start from a desktop session to get the desktop app.';
    default:
      return `The desktop app cannot start here: better-sqlite3 for Electron could not be prepared. ${detail}`;
  }
}

/**
 * Opens the browser face in an app window of `browser`. Closing the window stops nothing: the
 * server keeps the workbook open until Ctrl-C, as said up front, so a window closed by mistake
 * (or a browser that hands the window to one already running and exits) loses nothing.
 */
function showWindow(browser, url) {
  if (asRoot) console.error('Running as root: starting the browser with --no-sandbox.');
  const instead = `Open ${url} in a browser instead, or press Ctrl-C to stop.`;
  let child;
  try {
    child = openAppWindow({ browser: browser.path, url, profileDir: browserProfileDir(browser.path), noSandbox: asRoot });
  } catch (err) {
    console.error(`Could not open a window of ${browser.name}: ${err instanceof Error ? err.message : String(err)}. ${instead}`);
    return;
  }
  child.on('error', (err) => console.error(`Could not open a window of ${browser.name}: ${err.message}. ${instead}`));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const how = code === 0 ? 'The window was closed' : `The window's browser stopped (${signal ?? `exit ${code}`})`;
    console.error(`${how}; the workbook is still served at ${url} until you press Ctrl-C.`);
  });
  process.on('exit', () => child.kill());
}

/** The browser face on the default workbook (or the one named with --workbook), in a window where it can be. */
function startBrowserFace(reason) {
  // No display, no window; otherwise a window of the first Chromium-family browser there is.
  const search = hasDisplay() ? findChromium() : null;
  const browser = search?.path ? search : null;
  if (search?.warning) console.error(search.warning);
  const instead = browser
    ? `Until then, Handover Workbook runs as its browser face, with the same screens, in a window of ${browser.name} (${browser.path}). ` +
      'Closing that window leaves it running here until you press Ctrl-C; its address is below.'
    : 'Until then, Handover Workbook runs as its browser face, with the same screens, at the address below:';
  console.error(`\n${reason} ${instead}\n`);
  const webArgs = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--workbook=')) webArgs.push('--db', resolve(arg.slice('--workbook='.length)));
    else if (arg === '--workbook' && args[i + 1]) webArgs.push('--db', resolve(args[++i]));
    else webArgs.push(arg);
  }
  if (!webArgs.some((a) => a === '--db' || a.startsWith('--db='))) {
    const db = defaultWorkbookPath();
    mkdirSync(dirname(db), { recursive: true });
    webArgs.push('--db', db);
  }
  let opened = false;
  const onLine = browser ? (line) => {
    const url = readyUrl(line);
    if (url && !opened) {
      opened = true;
      showWindow(browser, url);
    }
  } : null;
  // The app was built a moment ago; web.mjs need not check again.
  runToEnd(process.execPath, [join(root, 'build', 'web.mjs'), ...webArgs], { ...process.env, HANDOVER_SKIP_BUILD: '1' }, onLine);
}

console.error('Building Handover Workbook…');
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = getElectron();
if (electron.problem) {
  startBrowserFace(explain(electron.problem, electron.detail, electron.exe));
} else {
  let native = null;
  try {
    native = ensureElectronNative();
  } catch (err) {
    startBrowserFace(explain('native', err instanceof Error ? err.message : String(err)));
  }
  // As root, Chromium runs only with --no-sandbox: say so rather than fail.
  if (native && asRoot) console.error('Running as root: starting Electron with --no-sandbox (the page still gets no Node access).');
  if (native) runToEnd(electron.exe, [root, ...(asRoot ? ['--no-sandbox'] : []), ...args]);
}
