import { createHash } from 'node:crypto';
import type { Sha256Hex } from '../bundle';

/** The digest the engine's result hash needs, from Node; the CLI is where the engine meets the platform. */
export const sha256Hex: Sha256Hex = (utf8Text) => createHash('sha256').update(utf8Text, 'utf8').digest('hex');
