import { ReportsError, ReportsErrorCode } from '../reports.error';

// The checks and formats every document view goes through before a template sees it.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export function invalid(field: string, message: string): never {
  throw new ReportsError(ReportsErrorCode.InvalidView, `${field} ${message}`, field);
}

/**
 * Values go on one line each in the template markup, so line breaks and control characters
 * become spaces. U+2022 is drawn with the same Noto glyph as the middle dot in 发挥先锋作用·真情
 * 服务群众, and text extraction would then read every dot as whichever came first; the dot
 * looks identical, so it replaces the bullet.
 */
export function text(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    invalid(field, 'must be a string');
  }
  const cleaned = value
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .replace(/\u2022/g, '\u00b7')
    .trim();
  if (cleaned === '') {
    invalid(field, 'must not be blank');
  }
  return cleaned;
}

export function isoDate(value: string, field: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    invalid(field, `must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

export function formatDate(value: string, field: string, locale: 'zh' | 'en'): string {
  const { y, m, d } = isoDate(value, field);
  return locale === 'zh' ? `${y}年${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}
