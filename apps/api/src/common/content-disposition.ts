/** A file sent as it is stored, for a route's documented response content. */
export const BINARY = { schema: { type: 'string', format: 'binary' } };

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
export function attachment(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
