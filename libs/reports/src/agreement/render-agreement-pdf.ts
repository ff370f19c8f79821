import { AgreementFonts } from '../fonts/agreement-fonts';
import { collectPdf, renderDocumentStream } from '../pdf/render-document';
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
  const number = prepared.context.agreementNumber;
  return renderDocumentStream(
    {
      locale: prepared.locale,
      blocks: agreementLayout(prepared.locale, prepared.context),
      info: {
        title: prepared.documentTitle,
        author: prepared.context.funder.name,
        subject: prepared.context.project.title,
        createdAt: prepared.createdAt,
      },
      footer:
        prepared.locale === 'zh'
          ? { left: `协议编号：${number}`, page: (page, pages) => `第 ${page} 页 / 共 ${pages} 页` }
          : { left: `Agreement No. ${number}`, page: (page, pages) => `Page ${page} of ${pages}` },
    },
    fonts,
  );
}

/** The whole agreement PDF in memory; see renderAgreementPdfStream. */
export function renderAgreementPdf(view: AgreementView, fonts: AgreementFonts): Promise<Buffer> {
  return collectPdf(renderAgreementPdfStream(view, fonts));
}
