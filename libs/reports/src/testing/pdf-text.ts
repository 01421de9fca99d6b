// Text of a PDF, extracted with pdf-parse in a child Node process: pdf.js loads its worker with a dynamic
// import, which Jest's CommonJS sandbox refuses (it would need --experimental-vm-modules).
import { execFile } from 'node:child_process';

const EXTRACT = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
});
`;

export function extractPdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', EXTRACT, require.resolve('pdf-parse')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(pdf);
  });
}

/** Whitespace collapsed, so that assertions do not depend on where the PDF wrapped its lines. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}
