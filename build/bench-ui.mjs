// UI benchmark: how the Processes table of a vendor with 10,000 processes behaves in Chromium.
// Prints figures and asserts nothing (targets: first rows painted ≤ 200 ms after their data
// arrives, scroll frame time p95 ≤ 16.7 ms, ≤ 1,000 DOM nodes while scrolling).
//
//   node build/bench-ui.mjs [URL] [--vendor NAME] [--processes N] [--px-per-frame P] [--headed]
//
// URL is a running browser face (`npm run web` prints it, ?token= included). Without it, the
// benchmark starts its own browser face on a temporary workbook. Either way, when no vendor has N
// processes yet (default 10,000), the biggest vendor is topped up to N through the API.
// `npm run bench` imports this file: it then runs self-hosted with the defaults.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const isEntry = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

const { values, positionals } = parseArgs({
  args: isEntry ? process.argv.slice(2) : [],
  allowPositionals: true,
  options: {
    vendor: { type: 'string' },
    processes: { type: 'string', default: '10000' },
    'px-per-frame': { type: 'string', default: '640' },
    headed: { type: 'boolean', default: false },
  },
});
const wanted = Number(values.processes);
const pxPerFrame = Number(values['px-per-frame']);

/** Starts `npm run web` on a temporary workbook and resolves with its URL once it is ready. */
async function startBrowserFace() {
  const dir = mkdtempSync(join(tmpdir(), 'handover-bench-ui-'));
  const token = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, [join(root, 'build/web.mjs'), '--db', join(dir, 'bench.sqlite'), '--port', '0', '--token', token], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /https?:\/\/\S+/.exec(out);
      if (m) ok(m[0]);
    });
    child.on('exit', (code) => fail(new Error(`the browser face exited (${code}) before it was ready`)));
  });
  return {
    url,
    stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function apiOf(pageUrl) {
  const u = new URL(pageUrl);
  const token = u.searchParams.get('token') ?? '';
  return async (method, input = {}) => {
    const res = await fetch(new URL(`/api/${method}`, u.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
    return body.value;
  };
}

/** The vendor to measure: the one named, or the one with the most processes, topped up to N. */
async function prepareVendor(api) {
  let summaries = await api('vendor.summaries');
  let target = values.vendor
    ? summaries.find((s) => s.vendor.name === values.vendor)
    : summaries.sort((a, b) => b.counts.process - a.counts.process)[0];
  if (values.vendor && !target) throw new Error(`No vendor named ${values.vendor}`);
  if (!target) {
    const vendor = await api('vendor.create', { name: 'Benchmark Outsourcing Ltd', status: 'exit_planned' });
    target = { vendor, counts: { process: 0 } };
  }
  const missing = wanted - target.counts.process;
  if (missing > 0) {
    const started = performance.now();
    process.stdout.write(`Adding ${missing.toLocaleString('en')} processes to “${target.vendor.name}” through the API… `);
    // Some people, so the owner and successor columns show names as they would in real use.
    const people = [];
    for (let i = 0; i < 24; i++) {
      const p = await api('person.create', { name: `Bench Person ${i + 1}`, side: i % 2 ? 'vendor' : 'in_house', role: 'Operator' });
      people.push(p.id);
    }
    const CRIT = ['critical', 'high', 'medium', 'low'];
    const STAGE = ['not_started', 'documented', 'shadowing', 'reverse_shadowing', 'signed_off'];
    const FREQ = ['Daily', 'Weekly', 'Monthly', 'On request', 'Continuous'];
    let next = 0;
    // A few requests in flight keep the single-writer backend busy without queueing too much.
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < missing) {
          const i = next++;
          await api('process.create', {
            vendorId: target.vendor.id,
            name: `Process ${String(i + 1).padStart(5, '0')} ${FREQ[i % 5].toLowerCase()} job`,
            frequency: FREQ[i % 5],
            criticality: CRIT[i % 4],
            ktStage: STAGE[i % 5],
            ownerId: people[(i * 7) % people.length],
            successorId: i % 9 ? people[(i * 5 + 1) % people.length] : null,
          });
        }
      }),
    );
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
    summaries = await api('vendor.summaries');
    target = summaries.find((s) => s.vendor.id === target.vendor.id);
  }
  return target;
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
const ms = (n) => `${n.toFixed(1)} ms`;

async function measure(pageUrl, target) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !values.headed,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const u = new URL(pageUrl);
    u.hash = `#/vendors/${target.vendor.id}/processes`;
    await page.goto(u.href);
    const table = page.getByRole('table', { name: 'Processes' });
    await table.locator('.vt-data-row:not(.vt-placeholder)').first().waitFor();
    // The paint measure is taken a frame after the rows commit (see renderer/table/pageCache.ts).
    await page.waitForFunction(() => performance.getEntriesByName('table:data-to-paint').length > 0);
    const firstPaint = await page.evaluate(() => {
      const m = performance.getEntriesByName('table:data-to-paint')[0];
      const data = performance.getEntriesByName('table:data')[0];
      return { dataToPaint: m.duration, dataAt: data.startTime, paintAt: m.startTime + m.duration };
    });

    const scroll = await page.evaluate(async (step) => {
      /* global document, requestAnimationFrame */
      const scroller = document.querySelector('[role="table"][aria-label="Processes"] .vt-scroll');
      const end = scroller.scrollHeight - scroller.clientHeight;
      const deltas = [];
      let maxNodes = document.getElementsByTagName('*').length;
      let maxRows = 0;
      let blankFrames = 0;
      let last = 0;
      await new Promise((done) => {
        const frame = (t) => {
          if (last) deltas.push(t - last);
          last = t;
          const nodes = document.getElementsByTagName('*').length;
          if (nodes > maxNodes) maxNodes = nodes;
          const rows = scroller.querySelectorAll('.vt-data-row').length;
          if (rows > maxRows) maxRows = rows;
          if (scroller.querySelector('.vt-placeholder')) blankFrames++;
          if (scroller.scrollTop >= end) return done();
          scroller.scrollTop = Math.min(end, scroller.scrollTop + step);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      return { deltas, maxNodes, maxRows, blankFrames, distance: end };
    }, pxPerFrame);

    const rowsAtEnd = await table.getAttribute('aria-rowcount');
    const sorted = [...scroll.deltas].sort((a, b) => a - b);
    return { firstPaint, scroll, sorted, rowsAtEnd };
  } finally {
    await browser.close();
  }
}

const own = positionals[0] ? null : await startBrowserFace();
try {
  const pageUrl = positionals[0] ?? own.url;
  const target = await prepareVendor(apiOf(pageUrl));
  const { firstPaint, scroll, sorted, rowsAtEnd } = await measure(pageUrl, target);
  const frames = sorted.length;
  console.log(`UI benchmark (Chromium): Processes tab of “${target.vendor.name}”, ${target.counts.process.toLocaleString('en')} processes (aria-rowcount ${rowsAtEnd})`);
  console.log(`  first rows painted after their data arrived  ${ms(firstPaint.dataToPaint)}   (target ≤ 200 ms; data at ${ms(firstPaint.dataAt)} after navigation)`);
  console.log(`  scroll through the whole table                ${frames} frames, ${pxPerFrame} px per frame, ${Math.round(scroll.distance).toLocaleString('en')} px`);
  console.log(`  frame time p50 / p95 / p99 / max              ${ms(pct(sorted, 0.5))} / ${ms(pct(sorted, 0.95))} / ${ms(pct(sorted, 0.99))} / ${ms(sorted[frames - 1] ?? NaN)}   (target p95 ≤ 16.7 ms)`);
  // rAF deltas sit on the display's vsync (16.7 ms at 60 Hz) with a little jitter; a frame is
  // dropped when a delta spans more than one and a half of them.
  const dropped = sorted.filter((d) => d > 25).length;
  console.log(`  dropped frames (delta > 25 ms)               ${dropped} of ${frames} (${((100 * dropped) / Math.max(1, frames)).toFixed(1)} %)`);
  console.log(`  DOM nodes, most during the scroll             ${scroll.maxNodes}   (target ≤ 1,000; at most ${scroll.maxRows} rows rendered)`);
  console.log(`  frames showing rows still loading             ${scroll.blankFrames} of ${frames}`);
} finally {
  own?.stop();
}
