import type { FastifyReply } from 'fastify';
import { attachmentFile, storedFile } from './file-response';

const AGREEMENT = {
  bytes: Buffer.from('%PDF-1.7'),
  filename: 'GY-2026-001-党群心连心·关爱母婴行.pdf',
  contentType: 'application/pdf',
  sha256: 'a'.repeat(64),
};

function recordingReply(): { reply: FastifyReply; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  const reply = {
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, headers };
}

describe('attachmentFile', () => {
  it('saves under the file’s own Chinese name, with an ASCII fallback for old browsers', () => {
    const headers = attachmentFile(AGREEMENT).getHeaders();
    expect(headers.type).toBe('application/pdf');
    expect(headers.disposition).toBe(
      `attachment; filename="GY-2026-001-_.pdf"; filename*=UTF-8''${encodeURIComponent(AGREEMENT.filename)}`,
    );
  });
});

describe('storedFile', () => {
  it('carries the stored hash and keeps the document out of shared caches', () => {
    const { reply, headers } = recordingReply();
    const file = storedFile(AGREEMENT, reply);
    expect(headers).toEqual({ 'x-content-sha256': AGREEMENT.sha256, 'cache-control': 'private, no-store' });
    expect(file.getHeaders().disposition).toContain('filename*=UTF-8');
  });
});
