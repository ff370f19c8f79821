import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NeedPhoto } from '@app/persistence';

/**
 * Sends a need's photo inline with its hash. A wall's photo is public but revalidated on each view,
 * so one the community voids leaves the wall at once; the community's copy of a pending one stays private.
 */
export function sendPhoto(reply: FastifyReply, photo: NeedPhoto, audience: 'public' | 'community'): StreamableFile {
  void reply
    .header('x-content-sha256', photo.sha256)
    .header('cache-control', audience === 'public' ? 'public, no-cache' : 'private, no-store')
    .header('x-content-type-options', 'nosniff');
  return new StreamableFile(photo.bytes, { type: photo.contentType, disposition: 'inline' });
}
