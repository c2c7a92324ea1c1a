import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Documents Vigie hands out (a person's access report, the record of processing) as PDF, with
 * pdfkit. The text is set in DejaVu Sans (the `dejavu-fonts-ttf` package), embedded and subset:
 * it covers Latin with every accent, Greek, Cyrillic and more, so the names the platform sends
 * print as they were typed — pdfkit's built-in Helvetica knows WinAnsi only.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const INK = '#1f2933';
const MUTED = '#52606d';

/** A few layout helpers over pdfkit, so documents read alike. */
export class PdfWriter {
  /** `label : value` in French typography, `label: value` in English. */
  private readonly separator: string;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    language: string,
  ) {
    this.separator = language.startsWith('fr') ? ' : ' : ': ';
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Text whose every line starts `indent` points in (pdfkit's own `indent` moves the first line only). */
  private hanging(text: string, indent: number, options: PDFKit.Mixins.TextOptions = {}): void {
    this.doc.text(text, this.left + indent, this.doc.y, { ...options, width: this.width - indent });
    this.doc.x = this.left;
  }

  title(text: string): this {
    this.doc.font('bold').fontSize(18).fillColor(INK).text(text);
    this.doc.moveDown(0.4);
    return this;
  }

  heading(text: string): this {
    // Keep a heading with at least a few lines of what follows it.
    if (this.doc.y > this.doc.page.height - this.doc.page.margins.bottom - 90) this.doc.addPage();
    this.doc.moveDown(0.6).font('bold').fontSize(13).fillColor(INK).text(text);
    this.doc.moveDown(0.25);
    return this;
  }

  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): this {
    this.doc.font('regular').fontSize(options.size ?? 10).fillColor(options.muted ? MUTED : INK).text(text, { lineGap: 1.5 });
    this.doc.moveDown(0.3);
    return this;
  }

  /** `label: value` on one line, the label bold. */
  fact(label: string, value: string): this {
    this.doc.font('bold').fontSize(10).fillColor(INK).text(`${label}${this.separator}`, { continued: true }).font('regular').text(value);
    return this;
  }

  bullet(text: string): this {
    const y = this.doc.y;
    this.doc.font('regular').fontSize(10).fillColor(INK).text('•', this.left + 4, y);
    this.doc.y = y;
    this.hanging(text, 16, { lineGap: 1.5 });
    this.doc.moveDown(0.15);
    return this;
  }

  /** A block that stays on one page when it can: a bold first line, then its lines. */
  block(first: string, lines: string[]): this {
    const height = 16 + lines.length * 14;
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    this.doc.font('bold').fontSize(10).fillColor(INK).text(first);
    for (const line of lines) {
      this.doc.font('regular').fontSize(9.5).fillColor(INK);
      this.hanging(line, 12, { lineGap: 1 });
    }
    this.doc.moveDown(0.45);
    return this;
  }

  rule(): this {
    const { left, right } = this.doc.page.margins;
    this.doc.moveDown(0.3).strokeColor('#cbd2d9').lineWidth(0.5)
      .moveTo(left, this.doc.y).lineTo(this.doc.page.width - right, this.doc.y).stroke();
    this.doc.moveDown(0.5);
    return this;
  }
}

/**
 * Writes a document and answers its bytes. Metadata carry the title only: no author, no
 * producer string naming the software, no creation date other than the one given.
 */
export function renderPdf(meta: { title: string; language: string; createdAt: Date }, write: (pdf: PdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: meta.title, Producer: 'Vigie', Creator: 'Vigie', CreationDate: meta.createdAt },
    lang: meta.language,
    displayTitle: true,
    bufferPages: true,
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(new PdfWriter(doc, meta.language));
  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED)
      .text(`${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - 36, { align: 'right', width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
