import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AgreementErrors, DomainError } from '@app/domain';

/** The ceiling the multipart plugin enforces (create-api-app.ts) and the messages name. */
const SIGNED_SCAN_MAX_MIB = 10;
export const SIGNED_SCAN_MAX_BYTES = SIGNED_SCAN_MAX_MIB * 1024 * 1024;

export interface SignedScanUpload {
  readonly bytes: Buffer;
  readonly filename: string;
}

/** The audit log keeps at most this many UTF-16 units of the name the file was uploaded with. */
const FILENAME_MAX = 200;
// eslint-disable-next-line no-control-regex -- no person names a file so; it would garble the audit log
const CONTROL = /[\u0000-\u001f\u007f]/;

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** The name as sent, cut at a character boundary so no half of a surrogate pair is ever stored. */
function filenameOf(name: string): string {
  if (CONTROL.test(name)) throw AgreementErrors.scanFileName();
  let cut = '';
  for (const character of name) {
    if (cut.length + character.length > FILENAME_MAX) break;
    cut += character;
  }
  return cut;
}

/**
 * Reads the single uploaded file into memory; the plugin stops reading past the size limit, so
 * at most 10 MiB is ever buffered. Transport problems become bilingual refusals naming `file`.
 */
export async function readSignedScanUpload(request: FastifyRequest): Promise<SignedScanUpload> {
  if (!request.isMultipart()) throw AgreementErrors.scanFileMissing(SIGNED_SCAN_MAX_MIB);
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') throw AgreementErrors.scanFileMissing(SIGNED_SCAN_MAX_MIB);
    const bytes = await part.toBuffer();
    return { bytes, filename: filenameOf(part.filename) };
  } catch (error) {
    if (codeOf(error) === 'FST_REQ_FILE_TOO_LARGE') throw AgreementErrors.scanTooLarge(SIGNED_SCAN_MAX_MIB);
    if (error instanceof DomainError) throw error;
    if (typeof codeOf(error) === 'string' && String(codeOf(error)).startsWith('FST_')) {
      throw AgreementErrors.scanFileMissing(SIGNED_SCAN_MAX_MIB);
    }
    // The rest come from parsing the client's bytes (busboy: no boundary, unexpected end, a part
    // cut short): a refusal, not a server fault.
    throw AgreementErrors.scanNotReadable();
  }
}
