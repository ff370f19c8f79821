import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';

/** One text message to one mobile number. */
export interface SmsMessage {
  /** 11 digits: a voter's number is used to send and then forgotten; an organization's is its contact number. */
  readonly to: string;
  readonly text: string;
}

/**
 * Sends text messages: the public vote's codes and the copies of notifications to organizations.
 * A real gateway implements this one method and is chosen by SMS_PROVIDER; the platform never
 * stores a voter's number it was given.
 */
export interface SmsProvider {
  /** False when no provider is configured: phone verification is then refused, not faked. */
  readonly available: boolean;
  send(message: SmsMessage): Promise<void>;
}

/** The injection token of the configured SmsProvider. */
export const SMS_PROVIDER = Symbol('SmsProvider');

/**
 * Development and tests: the message goes to the process's log and nowhere else, so a developer
 * reads the code there and no real SMS ever leaves a test run. The number is masked even here.
 */
export class LogSmsProvider implements SmsProvider {
  readonly available = true;
  private readonly logger = new Logger('SmsProvider');

  send(message: SmsMessage): Promise<void> {
    this.logger.log(`短信 / SMS to ${maskedPhone(message.to)}: ${message.text}`);
    return Promise.resolve();
  }
}

/** No provider: nothing is sent, phone verification answers that it is unavailable, notifications stay in-app. */
export class NoSmsProvider implements SmsProvider {
  readonly available = false;

  send(): Promise<void> {
    return Promise.resolve();
  }
}

export function smsProviderOf(config: AppConfig): SmsProvider {
  switch (config.sms.provider) {
    case 'log':
      return new LogSmsProvider();
    case 'none':
      return new NoSmsProvider();
  }
}

/** 138****5678: enough for a voter to recognize their number, not enough to call it. */
export function maskedPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
