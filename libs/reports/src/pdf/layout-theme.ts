/** Sizes in PDF points (1/72 inch). A4 is 595.28 × 841.89. */
export interface LayoutTheme {
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly size: {
    readonly title: number;
    readonly subtitle: number;
    readonly meta: number;
    readonly heading: number;
    readonly body: number;
    readonly table: number;
    readonly footer: number;
  };
  readonly lineGap: number;
  readonly paragraphGap: number;
  readonly paragraphAlign: 'left' | 'justify';
  /** First-line indent: two characters in Chinese, none in English. */
  readonly paragraphIndent: number;
  readonly fieldLabelWidth: number;
  readonly itemHang: number;
  readonly cellPadding: { readonly x: number; readonly y: number };
  readonly signatureRowGap: number;
  /** Distance of the footer's baseline area from the bottom edge of the page. */
  readonly footerOffset: number;
  /**
   * Extra width of each space in the footer. A plain space beside a CJK glyph is too narrow
   * for text extraction to keep, and "第 1 页 / 共 3 页" would read back as "第1页/共3页".
   */
  readonly footerWordSpacing: number;
  readonly colors: {
    readonly text: string;
    readonly muted: string;
    readonly rule: string;
    readonly headerFill: string;
  };
}

const BASE = {
  margins: { top: 62, bottom: 70, left: 64, right: 64 },
  size: { title: 22, subtitle: 15, meta: 10.5, heading: 12.5, body: 11, table: 10, footer: 9 },
  lineGap: 4,
  paragraphGap: 6,
  cellPadding: { x: 5, y: 4 },
  signatureRowGap: 20,
  footerOffset: 44,
  colors: { text: '#111111', muted: '#555555', rule: '#444444', headerFill: '#eeeeee' },
} as const;

export const ZH_THEME: LayoutTheme = {
  ...BASE,
  paragraphAlign: 'left',
  paragraphIndent: 22,
  fieldLabelWidth: 118,
  itemHang: 36,
  footerWordSpacing: 3,
};

export const EN_THEME: LayoutTheme = {
  ...BASE,
  paragraphAlign: 'justify',
  paragraphIndent: 0,
  fieldLabelWidth: 150,
  itemHang: 22,
  footerWordSpacing: 0,
};
