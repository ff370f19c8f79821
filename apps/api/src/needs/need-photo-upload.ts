import type { FastifyRequest } from 'fastify';
import { NEED_PHOTO_MAX_MIB, NEED_PHOTO_TYPES, NeedPhotoType, NeedsErrors } from '@app/domain';
import { scanContentType } from '../agreements/scan-file-type';
import { FileUpload, readFileUpload } from '../common/file-upload';

/** A need's photo as read from the request, its type judged by its bytes. */
export interface NeedPhotoUpload extends FileUpload {
  readonly contentType: NeedPhotoType;
}

const MAX_BYTES = NEED_PHOTO_MAX_MIB * 1024 * 1024;

function isPhotoType(type: string | undefined): type is NeedPhotoType {
  return (NEED_PHOTO_TYPES as readonly string[]).includes(type ?? '');
}

/**
 * Reads a resident's photo: one file named `file`, JPEG or PNG by its magic number (a PDF a report
 * may carry is no photo), at most NEED_PHOTO_MAX_MIB; every problem refused in the walls' words.
 */
export async function readNeedPhotoUpload(request: FastifyRequest): Promise<NeedPhotoUpload> {
  const upload = await readFileUpload(request, {
    missing: () => NeedsErrors.photoMissing(NEED_PHOTO_MAX_MIB),
    tooLarge: () => NeedsErrors.photoTooLarge(NEED_PHOTO_MAX_MIB),
    notReadable: () => NeedsErrors.photoNotReadable(),
    badName: () => NeedsErrors.photoFileName(),
  });
  if (upload.bytes.length > MAX_BYTES) throw NeedsErrors.photoTooLarge(NEED_PHOTO_MAX_MIB);
  const contentType = scanContentType(upload.bytes);
  if (!isPhotoType(contentType)) throw NeedsErrors.photoType(upload.filename);
  return { ...upload, contentType };
}
