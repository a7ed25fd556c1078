// Where things live on disk, shared by the build scripts (start, dist, electron-native) and the
// browser face (web.mjs), and imported by the desktop shell, so each convention exists once.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Folder name of the workbook data when the browser face runs (npm start without Electron). */
export const DATA_FOLDER = 'handover-workbook';

/**
 * The browser face's data folder: the platform's per-user data folder.
 * Linux: $XDG_DATA_HOME (or ~/.local/share)/handover-workbook;
 * macOS: ~/Library/Application Support/handover-workbook;
 * Windows: %APPDATA%\handover-workbook.
 */
export function dataDir(platform = process.platform, env = process.env, home = homedir()) {
  let base;
  if (platform === 'win32') base = env.APPDATA || join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = join(home, 'Library', 'Application Support');
  else base = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(base, DATA_FOLDER);
}

/** The browser face's default workbook: workbook.sqlite in its data folder. */
export function defaultWorkbookPath(platform = process.platform, env = process.env, home = homedir()) {
  return join(dataDir(platform, env, home), 'workbook.sqlite');
}

/** File name of the better-sqlite3 addon, in node_modules and in our Electron-ABI cache alike. */
export const NATIVE_FILE = 'better_sqlite3.node';

/**
 * Electron builder's names for CPU architectures (Node says "arm" where Electron says "armv7l");
 * the cache folder uses them so electron-builder.yml can find it with its ${arch} macro.
 */
export function builderArch(nodeArch = process.arch) {
  return nodeArch === 'arm' ? 'armv7l' : nodeArch;
}

/**
 * The folder holding better-sqlite3 built for one Electron version, platform and architecture.
 * It lives outside node_modules so node_modules keeps the Node build that the tests and CLI use.
 */
export function electronNativeDir(root, electronVersion, platform = process.platform, arch = builderArch()) {
  return join(root, '.cache', 'electron-native', `${electronVersion}-${platform}-${arch}`);
}

/**
 * The Electron executable if it is on disk, else null. Only looks: requiring the `electron`
 * package instead would start its first-run download, which can hang without a network.
 */
export function electronExecutable(root, env = process.env, platform = process.platform) {
  const inDist = platform === 'darwin' ? join('Electron.app', 'Contents', 'MacOS', 'Electron') : platform === 'win32' ? 'electron.exe' : 'electron';
  const file = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(root, 'node_modules', 'electron', 'dist'), inDist);
  return existsSync(file) ? file : null;
}
