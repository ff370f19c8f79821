import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SMS_PROVIDER, SmsMessage, SmsProvider } from '@app/application';

/** The phone a test reads its codes on: what the app asked its SMS provider to send, in order. */
export interface SmsInbox {
  readonly sent: readonly SmsMessage[];
  /** The six-digit code in the `index`-th message (the first by default), as a resident would read it. */
  codeIn(index?: number): string;
  /** Gives the app its provider back; call it when the test is done, passed or failed. */
  restore(): void;
}

/**
 * Keeps the messages the app sends from now on instead of handing them to its provider: the
 * development provider only logs the code, and a test has to type it in as a resident would.
 */
export function openSmsInbox(app: NestFastifyApplication): SmsInbox {
  const sent: SmsMessage[] = [];
  const spy = jest.spyOn(app.get<SmsProvider>(SMS_PROVIDER), 'send').mockImplementation((message) => {
    sent.push(message);
    return Promise.resolve();
  });
  return {
    sent,
    codeIn(index = 0) {
      const code = /(\d{6})/.exec(sent[index]?.text ?? '')?.[1];
      if (!code) throw new Error(`no SMS code in message ${index} of ${sent.length}`);
      return code;
    },
    restore: () => spy.mockRestore(),
  };
}

/** A code one digit off `code`: what a resident who mistyped it sends. */
export function mistyped(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
