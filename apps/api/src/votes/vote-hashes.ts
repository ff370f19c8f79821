import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { VoteRecord, voteRecordText } from '@app/scoring';
import { CredentialDigestService, CredentialKind } from '../auth/credential-digest.service';
import { networkBlockOf } from './network-block';

/** 96 bits: no two addresses or devices of one round collide, and the export stays readable. */
const HASH_HEX_CHARS = 24;

/**
 * The keyed hashes a vote keeps instead of where it came from. Keyed with the current credential
 * key and salted with the round, so the same address reads differently in two rounds and nobody
 * without the key can test an address against the export. Hex, so no hash starts like a formula
 * in the office's spreadsheet.
 */
@Injectable()
export class VoteHashes {
  constructor(private readonly digests: CredentialDigestService) {}

  address(roundId: string, address: string): string {
    return this.keyed('voter-address', `${roundId}\n${address}`);
  }

  network(roundId: string, address: string): string {
    return this.keyed('voter-address', `${roundId}\n${networkBlockOf(address)}`);
  }

  /** The page's own device id with the browser's user agent: a wiped id on the same phone still looks alike. */
  device(roundId: string, deviceId: string, userAgent: string): string {
    return this.keyed('voter-device', `${roundId}\n${deviceId}\n${userAgent}`);
  }

  /** The SHA-256 the vote is identified by; the auditors' CLI computes the same from the export. */
  record(vote: VoteRecord): string {
    return createHash('sha256').update(voteRecordText(vote), 'utf8').digest('hex');
  }

  private keyed(kind: CredentialKind, text: string): string {
    return Buffer.from(this.digests.current(kind, text).digest, 'base64url').toString('hex').slice(0, HASH_HEX_CHARS);
  }
}
