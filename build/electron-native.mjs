// `node build/electron-native.mjs [--arch=x64] [--force]`: gets better-sqlite3 built for the
// installed Electron into .cache/electron-native/<electron>-<platform>-<arch>/better_sqlite3.node.
// node_modules is never touched: it keeps the Node build that `npm test`, the CLI and the browser
// face load, and the desktop app passes this file as better-sqlite3's `nativeBinding`.
//
// How: in a temporary copy of the package, first the prebuilt binary for Electron's ABI
// (prebuild-install, from better-sqlite3's GitHub releases), else a compile against Electron's
// headers (node-gyp --target=<electron> --dist-url=<headers>). Either way the result must carry
// Electron's ABI number, or it is refused.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builderArch, electronNativeDir, NATIVE_FILE } from './paths.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const HEADERS_URL = process.env.HANDOVER_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
// Electron's headers already unpacked somewhere (an offline machine): compile against them, no download.
const HEADERS_DIR = process.env.HANDOVER_ELECTRON_NODEDIR || '';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

export function electronVersion() {
  return readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
}

/** Electron's NODE_MODULE_VERSION, as its package records it. */
export function electronAbi() {
  return readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
}

/**
 * The ABI a compiled addon was built for, read from its init symbol (node_register_module_v<ABI>),
 * which ELF, Mach-O and PE files all carry as plain text. Null when absent.
 */
export function addonAbi(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? match[1] : null;
}

/**
 * The environment for the build tools without npm settings that retarget them: on some machines
 * npm's `nodedir` points at Node's own headers, which silently turns an Electron build into a Node one.
 */
export function cleanBuildEnv(env = process.env) {
  const retargeting = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|platform)$/i;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !retargeting.test(name)));
}

/**
 * A tool's script: from better-sqlite3's own dependencies (prebuild-install), from node_modules
 * (node-gyp comes with electron-builder), else the copy of node-gyp that ships inside npm.
 */
function toolScript(pkgDir, request) {
  for (const from of [join(pkgDir, 'package.json'), join(root, 'package.json')]) {
    try {
      return createRequire(from).resolve(request);
    } catch {
      // try the next place
    }
  }
  const npmDir = process.env.npm_execpath ? resolve(dirname(process.env.npm_execpath), '..') : join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  const bundled = join(npmDir, 'node_modules', request);
  if (existsSync(bundled)) return bundled;
  throw new Error(`Cannot find ${request}: run npm install first.`);
}

function run(label, args, cwd, timeoutMs, log) {
  log(`${label}…`);
  const r = spawnSync(process.execPath, args, { cwd, env: cleanBuildEnv(), stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs });
  if (r.error) log(`${label} failed: ${r.error.message}`);
  return r.status === 0;
}

/**
 * Makes sure the Electron build of better-sqlite3 exists and returns its path.
 * Throws with an explanation when neither a download nor a compile produced one.
 */
export function ensureElectronNative({ arch = builderArch(), force = false, log = (m) => console.error(m) } = {}) {
  const version = electronVersion();
  const abi = electronAbi();
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = readJson(join(pkgDir, 'package.json')).version;
  const outDir = electronNativeDir(root, version, process.platform, arch);
  const target = join(outDir, NATIVE_FILE);
  const stampFile = join(outDir, 'build.json');
  const stamp = { electron: version, abi, betterSqlite3: sqliteVersion, platform: process.platform, arch };
  if (!force && existsSync(target) && existsSync(stampFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) {
    return target;
  }

  const nodeArch = arch === 'armv7l' ? 'arm' : arch;
  // Outside the project: node-gyp trips over spaces in paths, and nothing lands in node_modules.
  const work = mkdtempSync(join(tmpdir(), 'handover-native-'));
  try {
    const copy = join(work, 'better-sqlite3');
    cpSync(pkgDir, copy, {
      recursive: true,
      filter: (src) => {
        const rel = relative(pkgDir, src);
        return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
      },
    });
    const built = join(copy, 'build', 'Release', NATIVE_FILE);
    const fetched = run(
      `Downloading better-sqlite3 ${sqliteVersion} prebuilt for Electron ${version} (${process.platform}-${arch})`,
      [toolScript(pkgDir, 'prebuild-install/bin.js'), '--runtime=electron', `--target=${version}`, `--arch=${nodeArch}`, `--platform=${process.platform}`, '--tag-prefix=v', '--verbose'],
      copy, 120_000, log,
    ) && existsSync(built);
    if (!fetched) {
      const headers = HEADERS_DIR
        ? [`--nodedir=${resolve(HEADERS_DIR)}`]
        : [`--dist-url=${HEADERS_URL}`, `--devdir=${join(root, '.cache', 'electron-native', 'node-gyp')}`];
      const compile = () => run(
        `Compiling better-sqlite3 ${sqliteVersion} against Electron ${version} headers from ${HEADERS_DIR || HEADERS_URL} (a few minutes)`,
        [toolScript(pkgDir, 'node-gyp/bin/node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${nodeArch}`, ...headers, '--jobs=max'],
        copy, 30 * 60_000, log,
      ) && existsSync(built);
      // One retry: node-gyp's HTTP client can crash mid-download (undici "assert(!this.paused)").
      const compiled = compile() || compile();
      if (!compiled) {
        throw new Error(
          `Could not get better-sqlite3 for Electron ${version}: the prebuilt binary could not be downloaded from GitHub and ` +
          `compiling it needs Electron's headers from ${HEADERS_URL} and a C++ toolchain (python3, make, g++ or the platform's equivalent). ` +
          'With a proxy, set HTTPS_PROXY; with a mirror of the headers, set HANDOVER_ELECTRON_HEADERS_URL; with the headers unpacked ' +
          'in a folder, set HANDOVER_ELECTRON_NODEDIR to it. Then run this again.',
        );
      }
    }
    const got = addonAbi(built);
    if (got !== abi) {
      throw new Error(`The better-sqlite3 binary that was built is for ABI ${got ?? 'unknown'}, not Electron ${version}'s ABI ${abi}; refusing to use it.`);
    }
    mkdirSync(outDir, { recursive: true });
    // Copy next to the target, then rename: a half-written binary is never picked up.
    copyFileSync(built, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    writeFileSync(stampFile, JSON.stringify(stamp));
    log(`better-sqlite3 for Electron ${version} (ABI ${abi}) is at ${relative(root, target)}`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const archArg = args.find((a) => a.startsWith('--arch='));
  try {
    const path = ensureElectronNative({ arch: archArg ? archArg.slice('--arch='.length) : builderArch(), force: args.includes('--force') });
    console.log(path);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
