import { ApiResponse } from '@nestjs/swagger';

/** A file sent as it is stored, as the document describes a download's body. */
const BINARY = { schema: { type: 'string', format: 'binary' } };

/** Documents a download: the stored file as it is, of one of `mediaTypes`. */
export function ApiDownload(description: string, mediaTypes: readonly string[] = ['application/pdf']): MethodDecorator {
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, BINARY])),
  });
}

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
export function attachment(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
