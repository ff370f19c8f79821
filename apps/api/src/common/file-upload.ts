import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@app/domain';

/** The ceiling the multipart plugin enforces for every upload (create-api-app.ts). */
export const UPLOAD_MAX_MIB = 10;
export const UPLOAD_MAX_BYTES = UPLOAD_MAX_MIB * 1024 * 1024;

export interface FileUpload {
  readonly bytes: Buffer;
  readonly filename: string;
}

/** How an upload's route refuses, in its own words: each a fresh refusal naming `file`. */
export interface UploadRefusals {
  readonly missing: () => DomainError;
  readonly tooLarge: (filename: string) => DomainError;
  readonly notReadable: () => DomainError;
  readonly badName: () => DomainError;
}

/** The audit log keeps at most this many UTF-16 units of the name the file was uploaded with. */
const FILENAME_MAX = 200;
// eslint-disable-next-line no-control-regex -- no person names a file so; it would garble the audit log
const CONTROL = /[\u0000-\u001f\u007f]/;

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** The name as sent, cut at a character boundary so no half of a surrogate pair is ever stored. */
function filenameOf(name: string, refusals: UploadRefusals): string {
  if (CONTROL.test(name)) throw refusals.badName();
  let cut = '';
  for (const character of name) {
    if (cut.length + character.length > FILENAME_MAX) break;
    cut += character;
  }
  return cut;
}

/**
 * Reads the single uploaded file named `file` into memory; the plugin stops reading past the size
 * limit, so at most 10 MiB is ever buffered, and nothing is stored before the whole file is read.
 * Every problem with the client's bytes becomes one of the route's refusals, never a server fault.
 */
export async function readFileUpload(request: FastifyRequest, refusals: UploadRefusals): Promise<FileUpload> {
  if (!request.isMultipart()) throw refusals.missing();
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') throw refusals.missing();
    const bytes = await part.toBuffer();
    return { bytes, filename: filenameOf(part.filename, refusals) };
  } catch (error) {
    if (codeOf(error) === 'FST_REQ_FILE_TOO_LARGE') throw refusals.tooLarge(part?.filename ?? '');
    if (error instanceof DomainError) throw error;
    if (typeof codeOf(error) === 'string' && String(codeOf(error)).startsWith('FST_')) throw refusals.missing();
    // The rest come from parsing the client's bytes (busboy: no boundary, unexpected end, a part
    // cut short): a refusal, not a server fault.
    throw refusals.notReadable();
  }
}
