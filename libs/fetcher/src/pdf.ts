// The text layer of a PDF, read by pdf-parse in a child Node process: a hostile or huge PDF cannot stall or crash the
// server, and pdf.js's dynamic worker import runs in a plain Node process (not in a CommonJS sandbox such as Jest's).
import { execFile } from 'node:child_process';
import { FetchError } from './errors';

const EXTRACT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    process.stdout.write(JSON.stringify({ text: result.text }));
  } finally {
    await parser.destroy();
  }
});
`;

export function pdfText(pdf: Buffer, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', EXTRACT, require.resolve('pdf-parse')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs }, (error, stdout) => {
      if (error) return reject(new FetchError('UNREADABLE', 'the PDF has no readable text layer or is damaged', null, { cause: error }));
      resolve((JSON.parse(stdout) as { text: string }).text);
    });
    child.stdin!.end(pdf);
  });
}
