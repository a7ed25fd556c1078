// The printed report in Chromium: laid out at the printable width of an A4 page, no table is wider
// than the page and no cell is clipped, however long a URL, a title or a note gets; and the
// vendor overview says what each readiness part counts, as the report and the CLI do.
import { expect, test } from './fixtures';

/** A4's printable width at 96 dpi: 210 mm less the 14 mm margins either side (report-html.ts). */
const A4_PRINT_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);

test('the printed report fits A4: no table wider than the page, no clipped cell', async ({ app, page }) => {
  await app.dispatch('demo.load', {});
  const vendor = (await app.dispatch('vendor.summaries', {}))[0]!.vendor;
  // What breaks layouts: a URL, a name and a note with no place to break a line.
  await app.dispatch('repository.create', { vendorId: vendor.id, name: `monorepo-${'x'.repeat(80)}`, url: `https://git.example/${'a'.repeat(200)}`, secretsLocation: `vault://${'s'.repeat(90)}` });
  await app.dispatch('licence.create', { vendorId: vendor.id, product: 'P'.repeat(120), licensor: 'L'.repeat(60), keyLocation: 'k'.repeat(100) });
  const itemId = app.backend.db.prepare('SELECT id FROM checklist_items WHERE vendor_id = ? ORDER BY phase, position LIMIT 1').pluck().get(vendor.id) as string;
  await app.dispatch('checklist.updateItem', { id: itemId, changes: { status: 'blocked', blockedReason: 'R'.repeat(150), evidence: 'E'.repeat(300) } });

  for (const scope of [{ vendorIds: [vendor.id] }, { all: true }]) {
    const { html } = await app.dispatch('report.html', scope);
    await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1100 });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html);
    const layout = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const tables = [...document.querySelectorAll('table')];
      return {
        width,
        tables: tables.length,
        wide: tables.filter((t) => t.scrollWidth > width || t.getBoundingClientRect().right > width + 0.5).map((t) => t.querySelector('th')?.textContent),
        clipped: [...document.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent?.slice(0, 60)),
        // Anything else that reaches past the page's right edge (a list item, a paragraph).
        beyond: [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 0.5).map((e) => `${e.tagName}: ${e.textContent?.slice(0, 40)}`),
      };
    });
    expect(layout.width).toBe(A4_PRINT_WIDTH);
    expect(layout.tables).toBeGreaterThan(5);
    expect(layout.wide).toEqual([]);
    expect(layout.clipped).toEqual([]);
    expect(layout.beyond).toEqual([]);
    // And it prints: a PDF of several A4 pages.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }
});

test('the vendor overview says what each readiness part counts', async ({ app, page }) => {
  await app.dispatch('demo.load', {});
  const vendor = (await app.dispatch('vendor.summaries', {}))[0]!.vendor;
  const part = (await app.dispatch('readiness.vendor', { vendorId: vendor.id })).readiness.parts[0]!;
  await page.goto(`${app.url}#/vendors/${vendor.id}/overview`);
  const parts = page.getByRole('table', { name: 'Readiness by part' });
  const checklist = parts.getByRole('rowheader', { name: /^Checklist items done/ });
  await expect(checklist).toContainText(part.explanation);
  await expect(checklist).toContainText(/Weighted by phase: [\d.,]+ of [\d.,]+ weight points \(\d+ of \d+ items done;/);
  await expect(parts.getByRole('meter', { name: 'Checklist items done' })).toHaveAttribute('aria-valuetext', /weight points$/);
  await expect(page.getByText('Each part counts by its weight (out of 100)')).toBeVisible();
});
