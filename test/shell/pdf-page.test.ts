// The desktop's PDF page: header and footer templates that name the report, its date and the page
// number, with the data escaped (a vendor's name is not markup), in margins the templates fit in.
import { describe, expect, it } from 'vitest';
import { pdfOptions } from '../../electron/desktop/pdf-page';

describe('printToPDF options', () => {
  it('draws a header with the report and its date and a footer with page numbers on every A4 page', () => {
    const o = pdfOptions({ title: 'Exit report — A&B <script>x</script>', date: '2026-03-01' });
    expect(o).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true, generateDocumentOutline: true });
    expect(o.headerTemplate).toContain('Exit report — A&amp;B &lt;script&gt;x&lt;/script&gt;');
    expect(o.headerTemplate).not.toContain('<script>');
    expect(o.headerTemplate).toContain('As of 2026-03-01');
    expect(o.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    // Chromium gives the templates no font size of their own: without one they print invisibly small.
    for (const t of [o.headerTemplate, o.footerTemplate]) expect(t).toMatch(/font-size: \d+px/);
    // Room for the header and footer: at least 12 mm top and bottom.
    expect(o.margins!.top! * 25.4).toBeGreaterThanOrEqual(12);
    expect(o.margins!.bottom! * 25.4).toBeGreaterThanOrEqual(12);
  });
});
