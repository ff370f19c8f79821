/**
 * Where a public page's request came from, as the connection and the browser say: what the public
 * vote's and the needs walls' burst counts read, keyed-hashed before anything is kept.
 */
export interface RequestOrigin {
  readonly address: string;
  readonly userAgent: string;
}
