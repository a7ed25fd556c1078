// `npm run dist [-- <electron-builder options>]`: the installers for this platform (Linux:
// AppImage + deb, Windows: NSIS, macOS: DMG, see electron-builder.yml), in dist/.
// Builds the app, gets better-sqlite3 for Electron's ABI for each target architecture, then runs
// electron-builder with the options given (e.g. `-- --dir` for an unpacked build, `-- --arm64`).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';
import { builderArch } from './paths.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

const fail = (message) => {
  console.error(message);
  process.exit(1);
};

// A native addon is built for one platform: an installer for another platform would carry the
// wrong binary, so each platform's installers are made on that platform.
const PLATFORM_FLAGS = { linux: ['--linux', '-l'], win32: ['--win', '-w', '--windows'], darwin: ['--mac', '-m', '--macos', '-o'] };
for (const [platform, flags] of Object.entries(PLATFORM_FLAGS)) {
  if (platform !== process.platform && args.some((a) => flags.includes(a))) {
    fail(`Installers for ${platform} must be built on ${platform}: better-sqlite3 is compiled for the platform it ships on.`);
  }
}

const ARCH_FLAGS = ['x64', 'ia32', 'armv7l', 'arm64'];
const archs = ARCH_FLAGS.filter((arch) => args.includes(`--${arch}`));
if (args.includes('--universal')) fail('Universal macOS builds are not supported: build --x64 and --arm64 separately.');

console.error('Building Handover Workbook…');
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

for (const arch of archs.length > 0 ? archs : [builderArch()]) {
  try {
    ensureElectronNative({ arch });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
}

const builderArgs = ['--config', 'electron-builder.yml', ...args];
if (!args.some((a) => a === '--publish' || a === '-p' || a.startsWith('--publish='))) builderArgs.push('--publish', 'never');
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), ...builderArgs], {
  cwd: root,
  stdio: 'inherit',
  // electron-builder.yml finds the Electron build of better-sqlite3 through this.
  env: { ...process.env, HANDOVER_ELECTRON_VERSION: electronVersion },
});
process.exit(result.status ?? 1);
