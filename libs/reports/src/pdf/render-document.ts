import PDFDocument from 'pdfkit';
import { AgreementFonts } from '../fonts/agreement-fonts';
import { LayoutBlock } from './layout-blocks';
import { BOLD, LayoutRenderer, REGULAR } from './layout-renderer';
import { EN_THEME, ZH_THEME } from './layout-theme';

export interface DocumentSpec {
  readonly locale: 'zh' | 'en';
  readonly blocks: readonly LayoutBlock[];
  readonly info: {
    readonly title: string;
    readonly author: string;
    readonly subject: string;
    readonly createdAt: Date;
  };
  /** Left footer text and the page label, on every page. */
  readonly footer: { readonly left: string; readonly page: (page: number, pages: number) => string };
}

/**
 * Draws an A4 document of layout blocks with the embedded CJK faces and returns it as a stream;
 * the PDF is complete when the stream ends. Output is a pure function of (spec, fonts): the
 * creation date comes from the spec and pdfkit derives the file ID from the document info, so
 * equal inputs give equal bytes.
 */
export function renderDocumentStream(spec: DocumentSpec, fonts: AgreementFonts): PDFKit.PDFDocument {
  const theme = spec.locale === 'zh' ? ZH_THEME : EN_THEME;
  const doc = new PDFDocument({
    size: 'A4',
    margins: theme.margins,
    bufferPages: true,
    lang: spec.locale === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: {
      Title: spec.info.title,
      Author: spec.info.author,
      Subject: spec.info.subject,
      Creator: 'gongyi-chuangtou reports',
      CreationDate: spec.info.createdAt,
      ModDate: spec.info.createdAt,
    },
  });
  // pdfkit 0.20 takes parsed fontkit fonts (see its changelog); @types/pdfkit only lists paths and bytes.
  doc.registerFont(REGULAR, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(BOLD, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  const renderer = new LayoutRenderer(doc, theme);
  renderer.draw(spec.blocks);
  renderer.footers(spec.footer.left, spec.footer.page);
  doc.end();
  return doc;
}

/** A rendered document's bytes, in memory. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
