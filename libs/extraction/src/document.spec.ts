// Importing files as a newsroom sends them: plain text, Markdown, web pages, Word documents, and the broken ones.
import JSZip from 'jszip';
import { detectFormat, MAX_DOCX_UNPACKED_BYTES, normaliseDocument } from './document';
import { MAX_HTML_DEPTH } from './html';
import { ExtractionInputError } from './errors';
import { extractDocument } from './index';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function buildDocx(paragraphs: Array<{ text: string; style?: string }>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  const body = paragraphs
    .map(({ text, style }) => {
      const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
      return `<w:p>${props}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    })
    .join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function errorOf(promise: Promise<unknown>): Promise<ExtractionInputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractionInputError);
    return error as ExtractionInputError;
  }
  throw new Error('expected an ExtractionInputError');
}

describe('detectFormat', () => {
  it('trusts the file name first', () => {
    expect(detectFormat('story.docx', '')).toBe('docx');
    expect(detectFormat('story.HTML', '')).toBe('html');
    expect(detectFormat('story.md', '')).toBe('markdown');
    expect(detectFormat('story.txt', '<html>')).toBe('text');
  });

  it('sniffs the content when there is no name', () => {
    expect(detectFormat(undefined, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('docx');
    expect(detectFormat(undefined, '<!DOCTYPE html><html><body><p>Hi</p></body></html>')).toBe('html');
    expect(detectFormat(undefined, '# Title\n\nSome [link](http://x.org) here.')).toBe('markdown');
    expect(detectFormat(undefined, 'Just a sentence.')).toBe('text');
  });

  it('refuses formats it cannot read, by name or by magic bytes', () => {
    expect(() => detectFormat('scan.pdf', '')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
    expect(() => detectFormat(undefined, Buffer.from('%PDF-1.7\n'))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
    expect(() => detectFormat('old.doc', '')).toThrow(/legacy Word/);
  });
});

describe('normaliseDocument', () => {
  it('reduces a web page to its article: no script, style, navigation, header or footer', async () => {
    const article = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i + 1}: North Korea sent a delegation to Tehran on April 24, according to officials who spoke to reporters in Seoul on condition of anonymity.</p>`,
    ).join('');
    const html = `<!DOCTYPE html><html><head><title>North Korea and Russia</title><style>p { color: red }</style>
      <script>window.tracker = "Script text 50 percent";</script></head><body>
      <nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
      <header>Site header banner</header>
      <article><h1>North Korea and Russia</h1>${article}<p>The Pentagon said <b>2 percent</b> of shells failed.</p></article>
      <aside>Most read: celebrity gossip</aside><footer>Copyright 2024 Example News</footer>
      <script>alert("second script")</script></body></html>`;
    const { text, title } = await normaliseDocument(html, 'html');
    expect(title).toBe('North Korea and Russia');
    expect(text).toContain('Paragraph 1: North Korea sent a delegation to Tehran on April 24');
    expect(text).toContain('The Pentagon said 2 percent of shells failed.');
    for (const chrome of ['Script text', 'second script', 'World news menu', 'Site header', 'celebrity gossip', 'Copyright', 'color: red']) {
      expect(text).not.toContain(chrome);
    }
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(7);
  });

  it('reads a short page Readability declines, still without its furniture', async () => {
    const html = '<html><body><nav>Menu Home About</nav><p>Kim Jong-Un met Vladimir Putin in September 2023.</p><script>var x = 1;</script><footer>Contact us</footer></body></html>';
    const { text } = await normaliseDocument(Buffer.from(html), 'html');
    expect(text).toBe('Kim Jong-Un met Vladimir Putin in September 2023.');
  });

  it('strips Markdown syntax and keeps the words', async () => {
    const md =
      '# North Korea and Russia\n\nKim Jong-Un **met** Putin, *according to* [KCNA](https://kcna.kp).\nThe talks lasted _two days_.\n\n- First item with `code`\n- Second item\n\n```\nconst ignored = true;\n```\n';
    const { text, title } = await normaliseDocument(md, 'markdown');
    expect(title).toBe('North Korea and Russia');
    expect(text).toBe('North Korea and Russia\n\nKim Jong-Un met Putin, according to KCNA. The talks lasted two days.\n\nFirst item with code\n\nSecond item');
  });

  it('normalises plain text: line endings, odd spaces, one paragraph per line', async () => {
    const { text } = await normaliseDocument(Buffer.from('\ufeffFirst  line.\r\nSecond\u00a0line.\r\n\r\n\r\nThird\tparagraph.  '), 'text');
    expect(text).toBe('First line.\n\nSecond line.\n\nThird paragraph.');
  });

  it('extracts a real DOCX, with its heading as title', async () => {
    const docx = await buildDocx([
      { text: 'North Korea and Russia', style: 'Heading1' },
      { text: 'Iran and North Korea allegedly cooperated in the nuclear field approximately four decades ago.' },
      { text: 'Photo credit: Pixabay' },
    ]);
    const result = await extractDocument(docx, 'story.docx');
    expect(result.title).toBe('North Korea and Russia');
    expect(result.text).toBe('North Korea and Russia\n\nIran and North Korea allegedly cooperated in the nuclear field approximately four decades ago.\n\nPhoto credit: Pixabay');
    const claim = result.claims.find((c) => c.text.includes('allegedly'));
    expect(claim?.checkWorthy).toBe(true);
    expect(claim?.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'allegedly' }));
  });

  it('reports a truncated DOCX as unreadable', async () => {
    const docx = await buildDocx([{ text: 'A paragraph that will be cut off half way through the file.' }]);
    const error = await errorOf(normaliseDocument(docx.subarray(0, Math.floor(docx.length / 2)), 'docx'));
    expect(error.code).toBe('UNREADABLE_DOCUMENT');
    expect(error.message).toMatch(/DOCX file could not be read/);
  });

  it('reports binary garbage as unreadable, whatever it claims to be', async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    expect((await errorOf(normaliseDocument(garbage, 'text'))).code).toBe('UNREADABLE_DOCUMENT');
    expect((await errorOf(normaliseDocument(garbage, 'docx'))).code).toBe('UNREADABLE_DOCUMENT');
    expect((await errorOf(extractDocument(garbage))).code).toBe('UNREADABLE_DOCUMENT');
  });

  it('reports empty and whitespace-only documents as empty', async () => {
    expect((await errorOf(normaliseDocument('', 'text'))).code).toBe('EMPTY_DOCUMENT');
    expect((await errorOf(normaliseDocument(' \n\t\r\n ', 'markdown'))).code).toBe('EMPTY_DOCUMENT');
    expect((await errorOf(normaliseDocument('<html><body><script>x()</script></body></html>', 'html'))).code).toBe('EMPTY_DOCUMENT');
    expect((await errorOf(normaliseDocument(await buildDocx([]), 'docx'))).code).toBe('EMPTY_DOCUMENT');
  });

  it('refuses an unknown format name', async () => {
    expect((await errorOf(normaliseDocument('text', 'pdf' as never))).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses HTML nested deeper than a few hundred levels before building its tree, and reads nesting below that', async () => {
    const nest = (depth: number) => `<html><body>${'<div>'.repeat(depth)}The minister said 12 people were hurt.${'</div>'.repeat(depth)}</body></html>`;
    const deep = await errorOf(normaliseDocument(nest(200_000), 'html'));
    expect(deep.code).toBe('TOO_COMPLEX');
    expect(deep.message).toContain(`more than ${MAX_HTML_DEPTH} levels deep`);
    const fine = await normaliseDocument(nest(MAX_HTML_DEPTH - 10), 'html');
    expect(fine.text).toBe('The minister said 12 people were hurt.');
  }, 30_000);

  it('refuses a DOCX that unpacks past the limit, however small the file', async () => {
    const paragraph = 'The ministry said 12 people were hurt on Monday. '.repeat(200);
    const zip = await JSZip.loadAsync(await buildDocx(Array.from({ length: 4000 }, () => ({ text: paragraph }))));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(MAX_DOCX_UNPACKED_BYTES / 50);
    const error = await errorOf(normaliseDocument(bomb, 'docx'));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('unpacks to more than');
  }, 60_000);
});
