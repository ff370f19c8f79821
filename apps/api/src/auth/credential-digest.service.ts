import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, KeyRing, NamedKey } from '@app/config';

/** What a credential is for. Part of what is keyed, so an API key's digest never matches a judge code's. */
export type CredentialKind =
  | 'api-key'
  | 'invitation'
  | 'judge-code'
  | 'evaluator-code'
  | 'voter-code'
  | 'voter-phone'
  | 'voter-address'
  | 'voter-device'
  | 'needs-wall-code'
  | 'resident-phone';

/** A credential's digest and the id of the credential key that made it: stored together, matched together. */
export interface KeyedDigest {
  readonly keyId: string;
  readonly digest: string;
}

/**
 * Keyed digests of API keys, judges', evaluators' and voters' codes, voters' phone numbers, and the
 * addresses and devices votes came from, so none is stored in clear. New credentials use the
 * current key of CREDENTIAL_KEYS; a lookup tries every listed key, so rotating the credential key
 * voids nothing until the old key is taken off the list.
 */
@Injectable()
export class CredentialDigestService {
  private readonly keys: KeyRing;

  constructor(config: AppConfig) {
    this.keys = config.auth.credentialKeys;
  }

  /** What a new credential stores. */
  current(kind: CredentialKind, credential: string): KeyedDigest {
    return digestUnder(this.keys[0], kind, credential);
  }

  /** One per listed key: a stored credential matches the one whose key id and digest both equal its own. */
  candidates(kind: CredentialKind, credential: string): KeyedDigest[] {
    return this.keys.map((key) => digestUnder(key, kind, credential));
  }
}

// `kind:credential` is exactly what digests were keyed over before keys had ids, so the rows made
// then are found under a key listed with the old secret.
function digestUnder(key: NamedKey, kind: CredentialKind, credential: string): KeyedDigest {
  return {
    keyId: key.id,
    digest: createHmac('sha256', key.secret).update(`${kind}:${credential}`).digest('base64url'),
  };
}
