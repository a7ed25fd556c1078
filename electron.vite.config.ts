// One build for the three parts of the desktop app. The renderer's output (out/renderer) is also
// what the browser face serves, so both faces run the very same bundle.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The built page carries its CSP in a meta tag as well: a file:// page in Electron may not get
 * response headers applied, and the browser face sends the same policy as a header. Only in the
 * build: the dev server needs inline scripts for hot reload. (frame-ancestors is header-only.)
 */
function cspMeta(): Plugin {
  const policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
  return {
    name: 'handover-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The backend host (the utility process the backend runs in) and the pack worker (verify,
      // preview, import off the host's thread) are entries of their own: main.ts forks
      // out/main/backendHost.js and the backend starts out/main/packWorker.js, both beside main.js.
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/desktop/main.ts'),
          backendHost: resolve(__dirname, 'electron/desktop/backend-host.ts'),
          packWorker: resolve(__dirname, 'electron/core/pack/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload is a classic script that can require only 'electron': one CommonJS
      // file (.cjs, as package.json says "type": "module"), with its imports (zod, shared/) inlined.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/desktop/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
