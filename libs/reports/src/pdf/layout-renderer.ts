import { LayoutBlock, TableColumn } from './layout-blocks';
import { LayoutTheme } from './layout-theme';

/** Names under which the fonts are registered on every document. */
export const REGULAR = 'body-regular';
export const BOLD = 'body-bold';

interface CellSpan {
  readonly text: string;
  readonly x: number;
  readonly width: number;
  readonly align: TableColumn['align'];
}

type Table = Extract<LayoutBlock, { kind: 'table' }>;

/** Space above a table's first row. */
const TABLE_GAP = 2;

interface Row {
  readonly spans: readonly CellSpan[];
  readonly height: number;
  readonly font: string;
  /** Taller than a page: cut with an ellipsis rather than running off the page. */
  readonly clipped: boolean;
}

/**
 * Draws layout blocks top to bottom on a pdfkit document. Flowing text (paragraphs, list
 * items) lets pdfkit break pages; fields, table rows and the signature block are measured first
 * and moved whole to the next page, so no row or signature line is ever cut in half.
 */
export class LayoutRenderer {
  private readonly left: number;
  private readonly width: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly theme: LayoutTheme,
  ) {
    this.left = theme.margins.left;
    this.width = doc.page.width - theme.margins.left - theme.margins.right;
  }

  draw(blocks: readonly LayoutBlock[]): void {
    const { doc, theme } = this;
    doc.fillColor(theme.colors.text);
    blocks.forEach((block, i) => {
      const next = blocks.at(i + 1);
      switch (block.kind) {
        case 'title':
          this.centered(block.text, BOLD, theme.size.title, 8);
          break;
        case 'subtitle':
          this.centered(block.text, BOLD, theme.size.subtitle, 4);
          break;
        case 'meta':
          doc.font(REGULAR, theme.size.meta);
          doc.text(block.text, this.left, doc.y, { width: this.width, align: 'right' });
          doc.y += 10;
          break;
        case 'heading':
          this.heading(block.text, this.leadHeight(blocks, i + 1));
          break;
        case 'paragraph':
          this.paragraph(block.text, next?.kind === 'signatures' ? this.signaturesHeight(next.rows) : 0);
          break;
        case 'field':
          this.field(block.label, block.value);
          break;
        case 'item':
          this.item(block.marker, block.text);
          break;
        case 'table':
          this.table(block);
          break;
        case 'signatures':
          this.signatures(block.rows);
          break;
        case 'space':
          doc.y += block.points;
          break;
        default: {
          const unknown: never = block;
          throw new Error(`unhandled block ${JSON.stringify(unknown)}`);
        }
      }
    });
  }

  /**
   * Writes `left` and `center(page, pages)` under every page, once all pages exist. The bottom
   * margin is zeroed meanwhile: text below it would otherwise make pdfkit open a new page.
   */
  footers(left: string, center: (page: number, pages: number) => string): void {
    const { doc, theme } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - theme.footerOffset;
      doc
        .moveTo(this.left, y - 6)
        .lineTo(this.left + this.width, y - 6)
        .lineWidth(0.5)
        .strokeColor(theme.colors.rule)
        .stroke();
      doc.font(REGULAR, theme.size.footer).fillColor(theme.colors.muted);
      doc.text(left, this.left, y, { width: this.width / 2, align: 'left', lineBreak: false });
      doc.text(center(i - range.start + 1, range.count), this.left, y, {
        width: this.width,
        align: 'center',
        lineBreak: false,
        wordSpacing: theme.footerWordSpacing,
      });
      doc.page.margins.bottom = bottom;
    }
  }

  private get maxY(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private get contentHeight(): number {
    return this.maxY - this.doc.page.margins.top;
  }

  /** Starts a new page unless `height` still fits here or we are already at the top. */
  private ensureSpace(height: number): void {
    const { doc } = this;
    if (doc.y + height > this.maxY && doc.y > doc.page.margins.top + 1) {
      doc.addPage();
    }
  }

  private lineHeight(font: string, size: number): number {
    this.doc.font(font, size);
    return this.doc.currentLineHeight(true) + this.theme.lineGap;
  }

  private centered(text: string, font: string, size: number, after: number): void {
    const { doc } = this;
    doc.font(font, size);
    doc.text(text, this.left, doc.y, { width: this.width, align: 'center', lineGap: this.theme.lineGap });
    doc.y += after;
  }

  /**
   * The height of blocks[index] that must share a page with the heading before it. Signatures
   * alone on the last page invite that page to be swapped, so a closing paragraph travels with
   * them, and so does its heading.
   */
  private leadHeight(blocks: readonly LayoutBlock[], index: number): number {
    const block = blocks.at(index);
    const after = blocks.at(index + 1);
    const bodyLines = 2 * this.lineHeight(REGULAR, this.theme.size.body);
    if (block?.kind === 'paragraph' && after?.kind === 'signatures') {
      const signatures = this.signaturesHeight(after.rows);
      this.doc.font(REGULAR, this.theme.size.body);
      return this.paragraphHeight(block.text) + signatures;
    }
    switch (block?.kind) {
      case undefined:
        return 0;
      case 'table': {
        const [header, first] = this.tableRows(block);
        return TABLE_GAP + header.height + (first?.height ?? 0);
      }
      case 'field':
        return Math.min(this.fieldHeight(block.label, block.value), bodyLines);
      case 'signatures':
        return this.signaturesHeight(block.rows);
      default:
        return bodyLines;
    }
  }

  private heading(text: string, keepWith: number): void {
    const { doc, theme } = this;
    doc.font(BOLD, theme.size.heading);
    const height = 8 + doc.heightOfString(text, { width: this.width, lineGap: theme.lineGap }) + 3;
    // A heading alone at the foot of a page reads as a layout fault.
    this.ensureSpace(height + Math.min(keepWith, this.contentHeight / 2));
    doc.font(BOLD, theme.size.heading);
    doc.y += 8;
    doc.text(text, this.left, doc.y, { width: this.width, lineGap: theme.lineGap });
    doc.y += 3;
  }

  private get paragraphOptions(): PDFKit.Mixins.TextOptions {
    const { theme } = this;
    return { width: this.width, align: theme.paragraphAlign, indent: theme.paragraphIndent, lineGap: theme.lineGap };
  }

  /** Measured in the body font, which the caller has selected. */
  private paragraphHeight(text: string): number {
    return this.doc.heightOfString(text, this.paragraphOptions) + this.theme.paragraphGap;
  }

  /** Starts a new page first when the paragraph and `keepWith` points after it fit on one page. */
  private paragraph(text: string, keepWith: number): void {
    const { doc, theme } = this;
    const twoLines = 2 * this.lineHeight(REGULAR, theme.size.body);
    const whole = keepWith > 0 ? this.paragraphHeight(text) + keepWith : 0;
    this.ensureSpace(whole > 0 && whole <= this.contentHeight ? whole : twoLines);
    doc.font(REGULAR, theme.size.body);
    doc.text(text, this.left, doc.y, this.paragraphOptions);
    doc.y += theme.paragraphGap;
  }

  private fieldHeight(label: string, value: string): number {
    const { doc, theme } = this;
    doc.font(BOLD, theme.size.body);
    const labelHeight = this.textHeight(label, theme.fieldLabelWidth);
    doc.font(REGULAR, theme.size.body);
    return Math.max(labelHeight, this.textHeight(value, this.width - theme.fieldLabelWidth));
  }

  private field(label: string, value: string): void {
    const { doc, theme } = this;
    const valueWidth = this.width - theme.fieldLabelWidth;
    const height = this.fieldHeight(label, value);
    if (height > this.contentHeight) {
      this.paragraph(`${label}${value}`, 0);
      return;
    }
    this.ensureSpace(height);
    const y = doc.y;
    doc.font(BOLD, theme.size.body).text(label, this.left, y, { width: theme.fieldLabelWidth, lineGap: theme.lineGap });
    doc.font(REGULAR, theme.size.body).text(value, this.left + theme.fieldLabelWidth, y, {
      width: valueWidth,
      lineGap: theme.lineGap,
    });
    doc.x = this.left;
    doc.y = y + height + 2;
  }

  private item(marker: string, text: string): void {
    const { doc, theme } = this;
    doc.font(REGULAR, theme.size.body);
    const hang = Math.max(theme.itemHang, doc.widthOfString(marker) + 4);
    this.ensureSpace(2 * this.lineHeight(REGULAR, theme.size.body));
    const y = doc.y;
    doc.text(marker, this.left, y, { width: hang, lineBreak: false });
    doc.text(text, this.left + hang, y, {
      width: this.width - hang,
      align: theme.paragraphAlign,
      lineGap: theme.lineGap,
    });
    doc.x = this.left;
    doc.y += 3;
  }

  /** Single-line text skips pdfkit's line wrapper, which is most of the cost of measuring. */
  private textHeight(text: string, width: number): number {
    const { doc, theme } = this;
    if (doc.widthOfString(text) <= width) {
      return doc.currentLineHeight(true) + theme.lineGap;
    }
    return doc.heightOfString(text, { width, lineGap: theme.lineGap });
  }

  private spans(table: Table, cells: readonly string[], mergeEmpty: boolean): CellSpan[] {
    const total = table.columns.reduce((sum, c) => sum + c.width, 0);
    const spans: CellSpan[] = [];
    let x = this.left;
    table.columns.forEach((column, i) => {
      const width = (this.width * column.width) / total;
      const previous = spans.at(-1);
      if (mergeEmpty && cells[i] === '' && previous) {
        spans[spans.length - 1] = { ...previous, width: previous.width + width };
      } else {
        spans.push({ text: cells[i], x, width, align: column.align });
      }
      x += width;
    });
    return spans;
  }

  private rowHeight(spans: readonly CellSpan[], font: string): number {
    const { doc, theme } = this;
    doc.font(font, theme.size.table);
    const pad = theme.cellPadding;
    let height = 0;
    for (const span of spans) {
      height = Math.max(height, span.text === '' ? 0 : this.textHeight(span.text, span.width - 2 * pad.x));
    }
    return Math.max(height, doc.currentLineHeight(true) + theme.lineGap) + 2 * pad.y;
  }

  private drawRow(row: Row, y: number, fill: string | null): void {
    const { doc, theme } = this;
    const { spans, height, font, clipped } = row;
    const pad = theme.cellPadding;
    for (const span of spans) {
      if (fill) {
        doc.rect(span.x, y, span.width, height).fillColor(fill).fill();
      }
      doc.rect(span.x, y, span.width, height).lineWidth(0.6).strokeColor(theme.colors.rule).stroke();
      if (span.text !== '') {
        doc.font(font, theme.size.table).fillColor(theme.colors.text);
        doc.text(span.text, span.x + pad.x, y + pad.y, {
          width: span.width - 2 * pad.x,
          align: span.align,
          lineGap: theme.lineGap,
          ...(clipped ? { height: height - 2 * pad.y, ellipsis: true } : {}),
        });
      }
    }
  }

  /** The header row first, then the body rows and the total row. */
  private tableRows(table: Table): [Row, ...Row[]] {
    const headerSpans = this.spans(table, table.header, false);
    const header: Row = { spans: headerSpans, height: this.rowHeight(headerSpans, BOLD), font: BOLD, clipped: false };
    const bodyLimit = this.contentHeight - TABLE_GAP - header.height;
    const row = (spans: CellSpan[], font: string): Row => {
      const height = this.rowHeight(spans, font);
      return { spans, height: Math.min(height, bodyLimit), font, clipped: height > bodyLimit };
    };
    const rows = table.rows.map((cells) => row(this.spans(table, cells, false), REGULAR));
    if (table.footer) {
      rows.push(row(this.spans(table, table.footer, true), BOLD));
    }
    return [header, ...rows];
  }

  /** Rows never split; the header row is repeated at the top of every page the table reaches. */
  private table(table: Table): void {
    const { doc, theme } = this;
    const [header, ...rows] = this.tableRows(table);
    this.ensureSpace(TABLE_GAP + header.height + (rows[0]?.height ?? 0));
    doc.y += TABLE_GAP;
    let y = doc.y;
    this.drawRow(header, y, theme.colors.headerFill);
    y += header.height;
    for (const body of rows) {
      if (y + body.height > this.maxY) {
        doc.addPage();
        y = doc.page.margins.top;
        this.drawRow(header, y, theme.colors.headerFill);
        y += header.height;
      }
      this.drawRow(body, y, null);
      y += body.height;
    }
    doc.x = this.left;
    doc.y = y + theme.paragraphGap + 2;
  }

  private get signatureColumn(): number {
    return (this.width - 24) / 2;
  }

  private signatureRowHeights(rows: readonly (readonly [string, string])[]): number[] {
    const half = this.signatureColumn;
    this.doc.font(REGULAR, this.theme.size.body);
    return rows.map(([a, b]) => Math.max(this.textHeight(a, half), this.textHeight(b, half)));
  }

  private signaturesHeight(rows: readonly (readonly [string, string])[]): number {
    return this.signatureRowHeights(rows).reduce((sum, h) => sum + h + this.theme.signatureRowGap, 0);
  }

  private signatures(rows: readonly (readonly [string, string])[]): void {
    const { doc, theme } = this;
    const half = this.signatureColumn;
    const right = this.left + half + 24;
    const heights = this.signatureRowHeights(rows);
    this.ensureSpace(this.signaturesHeight(rows));
    let y = doc.y + theme.signatureRowGap;
    rows.forEach(([a, b], i) => {
      doc.text(a, this.left, y, { width: half, lineGap: theme.lineGap });
      doc.text(b, right, y, { width: half, lineGap: theme.lineGap });
      y += heights[i] + theme.signatureRowGap;
    });
    doc.x = this.left;
    doc.y = y;
  }
}
