import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '@app/domain';

/** The ceiling the multipart plugin enforces (create-api-app.ts) and the messages name. */
export const SIGNED_SCAN_MAX_BYTES = 10 * 1024 * 1024;

export interface SignedScanUpload {
  readonly bytes: Buffer;
  readonly filename: string;
}

const NO_FILE = new DomainError(
  DomainErrorCode.ValidationFailed,
  {
    zh: '请以 multipart/form-data 上传一个文件（字段名 file）：签字盖章后的协议书扫描件，PDF、JPEG 或 PNG，不超过 10 MiB',
    en: 'upload one file as multipart/form-data (field "file"): the signed agreement as PDF, JPEG or PNG, at most 10 MiB',
  },
  'file',
);

function malformedUpload(): DomainError {
  return new DomainError(
    DomainErrorCode.ValidationFailed,
    {
      zh: '上传内容不是完整有效的 multipart/form-data（缺少 boundary、内容被截断或格式错误），请重新上传扫描件',
      en: 'the upload is not complete, valid multipart/form-data (no boundary, cut short or garbled); upload the scan again',
    },
    'file',
    'MALFORMED_MULTIPART',
  );
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
  if (CONTROL.test(name)) {
    throw new DomainError(
      DomainErrorCode.ValidationFailed,
      {
        zh: '文件名含有控制字符，请重命名后上传',
        en: 'the file name has control characters; rename the file and upload it again',
      },
      'file',
      'INVALID_FILENAME',
    );
  }
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
  if (!request.isMultipart()) throw NO_FILE;
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') throw NO_FILE;
    const bytes = await part.toBuffer();
    return { bytes, filename: filenameOf(part.filename) };
  } catch (error) {
    if (codeOf(error) === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError(
        DomainErrorCode.PayloadTooLarge,
        { zh: '扫描件不能超过 10 MiB', en: 'the scan must be at most 10 MiB' },
        'file',
      );
    }
    if (error instanceof DomainError) throw error;
    if (typeof codeOf(error) === 'string' && String(codeOf(error)).startsWith('FST_')) throw NO_FILE;
    // The rest come from parsing the client's bytes (busboy: no boundary, unexpected end, a part
    // cut short): a refusal, not a server fault.
    throw malformedUpload();
  }
}
