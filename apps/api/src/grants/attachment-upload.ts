import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError, GrantsErrors } from '@app/domain';
import { SIGNED_SCAN_MAX_BYTES } from '../agreements/signed-scan-upload';

/** Attachments share the multipart plugin's one ceiling with the signed scans (create-api-app.ts). */
export const ATTACHMENT_MAX_BYTES = SIGNED_SCAN_MAX_BYTES;

export interface AttachmentUpload {
  readonly bytes: Buffer;
  readonly filename: string;
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Reads the one uploaded file into memory; the plugin stops reading past the size limit, so at
 * most the limit is ever buffered, and nothing is stored before the whole file is read. Transport
 * problems become refusals naming the file.
 */
export async function readAttachmentUpload(request: FastifyRequest): Promise<AttachmentUpload> {
  if (!request.isMultipart()) throw GrantsErrors.attachmentMissing();
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') throw GrantsErrors.attachmentMissing();
    const bytes = await part.toBuffer();
    if (bytes.length === 0) throw GrantsErrors.attachmentType(part.filename);
    return { bytes, filename: part.filename.slice(0, 200) };
  } catch (error) {
    if (codeOf(error) === 'FST_REQ_FILE_TOO_LARGE') {
      throw GrantsErrors.attachmentTooLarge(part?.filename ?? '', ATTACHMENT_MAX_BYTES / (1024 * 1024));
    }
    if (error instanceof DomainError) throw error;
    if (typeof codeOf(error) === 'string' && String(codeOf(error)).startsWith('FST_')) {
      throw GrantsErrors.attachmentMissing();
    }
    throw error;
  }
}
