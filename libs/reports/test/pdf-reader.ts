import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A rendered PDF read back with poppler-utils and qpdf, as a person or a checker would see it. */
export interface PdfReading {
  /** `pdftotext -layout` text of each page, in order. */
  readonly pages: readonly string[];
  /** The right edge of every word, in points, to catch text drawn off the page. */
  readonly wordRightEdges: readonly number[];
  readonly pageWidth: number;
  /** qpdf --check exit status: 0 clean, 2 errors, 3 warnings. */
  readonly qpdfStatus: number | null;
  readonly qpdfOutput: string;
}

export function readPdf(pdf: Uint8Array): PdfReading {
  const dir = mkdtempSync(join(tmpdir(), 'reports-spec-'));
  try {
    const file = join(dir, 'agreement.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages.at(-1)?.trim() === '') {
      pages.pop();
    }
    return {
      pages,
      wordRightEdges: [...bbox.matchAll(/<word [^>]*xMax="([\d.]+)"/g)].map((m) => Number(m[1])),
      pageWidth: Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]),
      qpdfStatus: qpdf.status,
      qpdfOutput: `${qpdf.stdout}${qpdf.stderr}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with layout spacing and line breaks removed, for phrases that may wrap. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, '');
}
