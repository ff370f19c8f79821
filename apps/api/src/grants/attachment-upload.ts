import type { FastifyRequest } from 'fastify';
import { GrantsErrors } from '@app/domain';
import { FileUpload, UPLOAD_MAX_MIB, readFileUpload } from '../common/file-upload';

/** A report's attachment as read from the request: its bytes and the name it was uploaded with. */
export type AttachmentUpload = FileUpload;

/** Reads a report's attachment, every problem with it refused in the report's words. */
export async function readAttachmentUpload(request: FastifyRequest): Promise<AttachmentUpload> {
  const upload = await readFileUpload(request, {
    missing: () => GrantsErrors.attachmentMissing(),
    tooLarge: (filename) => GrantsErrors.attachmentTooLarge(filename, UPLOAD_MAX_MIB),
    notReadable: () => GrantsErrors.attachmentNotReadable(),
    badName: () => GrantsErrors.attachmentFileName(),
  });
  if (upload.bytes.length === 0) throw GrantsErrors.attachmentType(upload.filename);
  return upload;
}
