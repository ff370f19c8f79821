import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { attachment } from './content-disposition';

/** A file the API made or keeps, with the name a person saves it under. */
export interface NamedFile {
  readonly bytes: Buffer;
  readonly filename: string;
  readonly contentType: string;
}

/** Sends the file as an attachment under its own (often Chinese) name. */
export function attachmentFile(file: NamedFile): StreamableFile {
  return new StreamableFile(file.bytes, { type: file.contentType, disposition: attachment(file.filename) });
}

/** A file the API keeps, with the hash it was stored under. */
export interface StoredFile extends NamedFile {
  readonly sha256: string;
}

/**
 * Sends a stored file with the hash it was stored under, so the receiver can check it arrived whole;
 * it is one organization's own document, so no shared cache may keep it.
 */
export function storedFile(file: StoredFile, reply: FastifyReply): StreamableFile {
  void reply.header('x-content-sha256', file.sha256).header('cache-control', 'private, no-store');
  return attachmentFile(file);
}
