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

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
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
    return { bytes: await part.toBuffer(), filename: part.filename };
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
    throw error;
  }
}
