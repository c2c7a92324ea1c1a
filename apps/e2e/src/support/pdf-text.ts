import { execFile } from 'node:child_process';

/**
 * A PDF's text, as a reader would copy it out, with pdf-parse (PDF.js underneath) — in a Node
 * process of its own: PDF.js loads its worker with a dynamic import, which jest's module sandbox
 * refuses. Checks what the person handed the document can read in it.
 */
const READ = `const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});`;

export function pdfText(pdf: Buffer): Promise<string> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return Promise.reject(new Error('not a PDF'));
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', READ], { cwd: __dirname, maxBuffer: 1 << 26 }, (error, out) => (error ? reject(error) : resolve(out)));
    child.stdin?.end(pdf);
  });
}

/** Text with every run of white space as one space (PDF line breaks fall anywhere). */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');
