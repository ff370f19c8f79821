import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';

/** One e-mail to one address. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends e-mail. A real mail service implements this one method and is chosen by EMAIL_PROVIDER. */
export interface EmailProvider {
  readonly available: boolean;
  send(message: EmailMessage): Promise<void>;
}

/** The injection token of the configured EmailProvider. */
export const EMAIL_PROVIDER = Symbol('EmailProvider');

/** Development and tests: the mail goes to the worker's log, so no message leaves a test run. */
export class LogEmailProvider implements EmailProvider {
  readonly available = true;
  private readonly logger = new Logger('EmailProvider');

  send(message: EmailMessage): Promise<void> {
    this.logger.log(`邮件 / e-mail to ${maskedEmail(message.to)}: ${message.subject}`);
    return Promise.resolve();
  }
}

/** No provider: notifications stay in the in-app inbox. */
export class NoEmailProvider implements EmailProvider {
  readonly available = false;

  send(): Promise<void> {
    return Promise.resolve();
  }
}

export function emailProviderOf(config: AppConfig): EmailProvider {
  switch (config.email.provider) {
    case 'log':
      return new LogEmailProvider();
    case 'none':
      return new NoEmailProvider();
  }
}

/** l***@example.org: enough for a developer to tell accounts apart in the log. */
export function maskedEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
