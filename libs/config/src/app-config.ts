import { KeyRing } from './key-ring';
import { TrustProxy } from './trust-proxy';

export type LogLevelName = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** The validated configuration, as typed values; injected by class token. */
export class AppConfig {
  readonly env: 'development' | 'test' | 'production';
  /**
   * `url` is the application role's connection (the API, the worker, the CLI); `ownerUrl` the
   * owner's, which only the migrations use; undefined when only the application's was given.
   */
  readonly database: { readonly url: string; readonly ownerUrl: string | undefined; readonly poolSize: number };
  readonly redis: { readonly url: string };
  readonly queue: { readonly prefix: string; readonly workerConcurrency: number; readonly lockMs: number };
  readonly api: {
    readonly host: string;
    readonly port: number;
    readonly bodyLimitBytes: number;
    readonly trustProxy: TrustProxy;
  };
  /** Public registrations allowed per hour, per client address and from all together. */
  readonly registration: { readonly perAddress: number; readonly total: number };
  readonly auth: { readonly sessionKeys: KeyRing; readonly credentialKeys: KeyRing };
  /** Who sends the public vote's SMS codes and notifications' SMS copies (see SMS_PROVIDER). */
  readonly sms: { readonly provider: 'log' | 'none' };
  /** Who sends the e-mail copies of notifications (see EMAIL_PROVIDER). */
  readonly email: { readonly provider: 'log' | 'none' };
  readonly fonts: { readonly dir: string };
  /**
   * Who may read the metrics: the holder of this token; nobody when it is not set. The worker serves
   * its own on `worker` when a port is given.
   */
  readonly metrics: { readonly token?: string; readonly worker?: { readonly host: string; readonly port: number } };
  readonly log: { readonly level: LogLevelName; readonly format: 'json' | 'text' };

  constructor(values: AppConfig) {
    Object.assign(this, values);
    Object.freeze(this);
  }
}
