import PDFDocument from 'pdfkit';
import { AgreementFonts } from '../src';
import { LayoutBlock } from '../src/pdf/layout-blocks';

const LEFT = 64;
const WIDTH = 595.28 - 2 * LEFT;
const ROW = 22;

/**
 * The ceiling for the benchmark: the same strings, fonts and sizes drawn with direct pdfkit
 * calls and no measuring (single-line rows, no keep-together), from blocks prepared beforehand.
 */
export function renderBareAgreement(blocks: readonly LayoutBlock[], fonts: AgreementFonts, createdAt: Date) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 62, bottom: 70, left: LEFT, right: LEFT },
    bufferPages: true,
    info: { CreationDate: createdAt, ModDate: createdAt },
  });
  doc.registerFont('r', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('b', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  const maxY = (): number => doc.page.height - doc.page.margins.bottom;
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        doc.font('b', 22).text(block.text, LEFT, doc.y, { width: WIDTH, align: 'center' });
        break;
      case 'subtitle':
        doc.font('b', 15).text(block.text, LEFT, doc.y, { width: WIDTH, align: 'center' });
        break;
      case 'meta':
        doc.font('r', 10.5).text(block.text, LEFT, doc.y, { width: WIDTH, align: 'right' });
        break;
      case 'heading':
        doc.font('b', 12.5).text(block.text, LEFT, doc.y + 8, { width: WIDTH, lineGap: 4 });
        break;
      case 'paragraph':
        doc.font('r', 11).text(block.text, LEFT, doc.y, { width: WIDTH, indent: 22, lineGap: 4 });
        break;
      case 'field': {
        if (doc.y + ROW > maxY()) {
          doc.addPage();
        }
        const y = doc.y;
        doc.font('b', 11).text(block.label, LEFT, y, { width: 118, lineGap: 4 });
        doc.font('r', 11).text(block.value, LEFT + 118, y, { width: WIDTH - 118, lineGap: 4 });
        break;
      }
      case 'item': {
        const y = doc.y;
        doc.font('r', 11).text(block.marker, LEFT, y, { width: 36, lineBreak: false });
        doc.text(block.text, LEFT + 36, y, { width: WIDTH - 36, lineGap: 4 });
        doc.x = LEFT;
        break;
      }
      case 'table': {
        const total = block.columns.reduce((sum, c) => sum + c.width, 0);
        const widths = block.columns.map((c) => (WIDTH * c.width) / total);
        const row = (cells: readonly string[], y: number, font: string): void => {
          let x = LEFT;
          cells.forEach((cell, i) => {
            doc.rect(x, y, widths[i], ROW).lineWidth(0.6).stroke();
            doc.font(font, 10).text(cell, x + 5, y + 4, { width: widths[i] - 10, lineBreak: false });
            x += widths[i];
          });
        };
        let y = doc.y;
        row(block.header, y, 'b');
        y += ROW;
        for (const cells of [...block.rows, ...(block.footer ? [block.footer] : [])]) {
          if (y + ROW > maxY()) {
            doc.addPage();
            y = doc.page.margins.top;
            row(block.header, y, 'b');
            y += ROW;
          }
          row(cells, y, 'r');
          y += ROW;
        }
        doc.x = LEFT;
        doc.y = y + 8;
        break;
      }
      case 'signatures':
        for (const [a, b] of block.rows) {
          const y = doc.y + 20;
          doc.font('r', 11).text(a, LEFT, y, { width: WIDTH / 2 - 12 });
          doc.text(b, LEFT + WIDTH / 2 + 12, y, { width: WIDTH / 2 - 12 });
        }
        break;
      case 'space':
        doc.y += block.points;
        break;
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('r', 9).text(`第 ${i + 1} 页 / 共 ${range.count} 页`, LEFT, doc.page.height - 44, {
      width: WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
