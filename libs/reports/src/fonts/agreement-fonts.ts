import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, Font } from 'fontkit';
import { ReportsError, ReportsErrorCode } from '../reports.error';

/**
 * The CJK faces every agreement is drawn with, parsed once. Parsing a 10 MB TrueType font costs
 * more than drawing a whole agreement, so a process parses at start-up and reuses the result.
 */
export interface AgreementFonts {
  readonly regular: Font;
  readonly bold: Font;
}

/** Full TrueType Noto Sans SC: WOFF sources take close to a minute per document in pdfkit. */
const REGULAR_FILE = join('400Regular', 'NotoSansSC_400Regular.ttf');
const BOLD_FILE = join('700Bold', 'NotoSansSC_700Bold.ttf');

function parse(data: Uint8Array, field: string): Font {
  let font: Font;
  try {
    font = create(data);
  } catch (error) {
    throw new ReportsError(ReportsErrorCode.InvalidFont, `${field} is not a font: ${String(error)}`, field);
  }
  if (typeof font.layout !== 'function') {
    throw new ReportsError(ReportsErrorCode.InvalidFont, `${field} must be a single font, not a collection`, field);
  }
  return font;
}

/** Parses TrueType font files already read into memory. */
export function parseAgreementFonts(regular: Uint8Array, bold: Uint8Array): AgreementFonts {
  return { regular: parse(regular, 'regular'), bold: parse(bold, 'bold') };
}

/** Reads Regular and Bold from a directory laid out like `@expo-google-fonts/noto-sans-sc`. */
export function loadAgreementFonts(dir: string): AgreementFonts {
  return parseAgreementFonts(readFileSync(join(dir, REGULAR_FILE)), readFileSync(join(dir, BOLD_FILE)));
}

/** Where the installed `@expo-google-fonts/noto-sans-sc` package lives. */
export function notoSansScDirectory(): string {
  return dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}
