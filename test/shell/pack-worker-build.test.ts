// The desktop build carries the pack worker: electron-vite builds it as its own entry beside
// main.js (main.ts starts out/main/packWorker.js), and electron-builder packs out/**.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

const ROOT = resolve(__dirname, '../..');

describe('the pack worker in the desktop build', () => {
  it('is an entry of the main build, named as main.ts starts it, and packed', () => {
    const input = (config as { main?: { build?: { rollupOptions?: { input?: Record<string, string> } } } }).main?.build?.rollupOptions?.input;
    expect(input?.packWorker).toBe(resolve(ROOT, 'electron/core/pack/worker.ts'));
    expect(readFileSync(resolve(ROOT, 'electron/desktop/main.ts'), 'utf8')).toContain("new URL('./packWorker.js', import.meta.url)");
    expect(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(/^files:\n(?:\s+#.*\n)*\s+- out\/\*\*$/m);
  });
});
