import PDFDocument from 'pdfkit';
import { AgreementFonts } from '../fonts/agreement-fonts';
import { BOLD, LayoutRenderer, REGULAR } from '../pdf/layout-renderer';
import { EN_THEME, ZH_THEME } from '../pdf/layout-theme';
import { prepareAgreement } from './agreement-context';
import { agreementLayout } from './agreement-template';
import { AgreementView } from './agreement-view.types';

/**
 * Draws the agreement and returns the document as a stream; the PDF is complete when the
 * stream ends. Invalid views throw a ReportsError before any byte is produced.
 *
 * Output is a pure function of (view, fonts): the creation date comes from view.generatedAt
 * and pdfkit derives the file ID from the document info, so equal inputs give equal bytes.
 */
export function renderAgreementPdfStream(view: AgreementView, fonts: AgreementFonts): PDFKit.PDFDocument {
  const prepared = prepareAgreement(view);
  const blocks = agreementLayout(prepared.locale, prepared.context);
  const theme = prepared.locale === 'zh' ? ZH_THEME : EN_THEME;
  const doc = new PDFDocument({
    size: 'A4',
    margins: theme.margins,
    bufferPages: true,
    lang: prepared.locale === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: {
      Title: prepared.documentTitle,
      Author: prepared.context.funder.name,
      Subject: prepared.context.project.title,
      Creator: 'gongyi-chuangtou reports',
      CreationDate: prepared.createdAt,
      ModDate: prepared.createdAt,
    },
  });
  // pdfkit 0.20 takes parsed fontkit fonts (see its changelog); @types/pdfkit only lists paths and bytes.
  doc.registerFont(REGULAR, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(BOLD, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  const renderer = new LayoutRenderer(doc, theme);
  renderer.draw(blocks);
  const number = prepared.context.agreementNumber;
  if (prepared.locale === 'zh') {
    renderer.footers(`协议编号：${number}`, (page, pages) => `第 ${page} 页 / 共 ${pages} 页`);
  } else {
    renderer.footers(`Agreement No. ${number}`, (page, pages) => `Page ${page} of ${pages}`);
  }
  doc.end();
  return doc;
}

/** The whole agreement PDF in memory; see renderAgreementPdfStream. */
export function renderAgreementPdf(view: AgreementView, fonts: AgreementFonts): Promise<Buffer> {
  const doc = renderAgreementPdfStream(view, fonts);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
