import PDFDocument from 'pdfkit';
import { readDocument } from './readable';

const PAGE = `<!DOCTYPE html><html><head><title>Shells for the front | The Ledger</title>
<meta property="article:published_time" content="2026-11-02T08:30:00Z"></head>
<body><nav>Home · World · Opinion</nav><article><h1>Shells for the front</h1><p class="byline">By Ana Ruiz</p>
<p>North Korea has shipped millions of artillery rounds to Russia since 2023, according to the US Pentagon, which cited satellite imagery and rail data collected over several months.</p>
<p>Officials in Seoul gave a similar figure in October, while Moscow denied receiving any munitions from its neighbour at all.</p>
<p>Analysts say the shipments have changed the tempo of the fighting along the front, with rationing of shells easing in the spring.</p>
</article><footer>© The Ledger</footer></body></html>`;

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

describe('readDocument', () => {
  it('reads the article of an HTML page with its title, byline and published date, without page furniture', async () => {
    const read = await readDocument({ kind: 'html', charset: 'utf-8', bytes: Buffer.from(PAGE) });
    expect(read.text).toContain('North Korea has shipped millions of artillery rounds to Russia');
    expect(read.text).toContain('\n\nOfficials in Seoul');
    expect(read.text).not.toContain('Home · World');
    expect(read.text).not.toContain('© The Ledger');
    expect(read.title).toBe('Shells for the front | The Ledger');
    expect(read.byline).toBe('By Ana Ruiz');
    expect(read.publishedAt?.toISOString()).toBe('2026-11-02T08:30:00.000Z');
  });

  it('decodes by the charset the server names', async () => {
    const latin1 = Buffer.from('Café crème in Zürich.', 'latin1');
    expect((await readDocument({ kind: 'text', charset: 'iso-8859-1', bytes: latin1 })).text).toBe('Café crème in Zürich.');
  });

  it('reads the text layer of a PDF', async () => {
    const read = await readDocument({ kind: 'pdf', charset: null, bytes: await pdf('The ministry reported 4.2 million visitors in 2025.') });
    expect(read.text).toContain('The ministry reported 4.2 million visitors in 2025.');
  });

  it('refuses a page with no text', async () => {
    await expect(readDocument({ kind: 'html', charset: null, bytes: Buffer.from('<html><body><script>x()</script></body></html>') })).rejects.toMatchObject({ code: 'UNREADABLE' });
  });
});
