import type { FastifyRequest } from 'fastify';
import { AgreementErrors } from '@app/domain';
import { FileUpload, UPLOAD_MAX_MIB, readFileUpload } from '../common/file-upload';

/** The signed scan as read from the request: its bytes and the name it was uploaded with. */
export type SignedScanUpload = FileUpload;

/** Reads the signed scan, every problem with it refused in the agreement's words. */
export function readSignedScanUpload(request: FastifyRequest): Promise<SignedScanUpload> {
  return readFileUpload(request, {
    missing: () => AgreementErrors.scanFileMissing(UPLOAD_MAX_MIB),
    tooLarge: () => AgreementErrors.scanTooLarge(UPLOAD_MAX_MIB),
    notReadable: () => AgreementErrors.scanNotReadable(),
    badName: () => AgreementErrors.scanFileName(),
  });
}
