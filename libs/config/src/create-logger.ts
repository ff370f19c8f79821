import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { AppConfig } from './app-config';
import { logContext } from './log-context';

const ORDER: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Adds the current request's or job's fields (logContext) to each line, as JSON keys or as `key=value` text. */
class ContextLogger extends ConsoleLogger {
  protected override getJsonLogObject(message: unknown, options: { context: string; logLevel: LogLevel }) {
    return { ...logContext.current(), ...super.getJsonLogObject(message, options) };
  }

  protected override formatContext(context: string): string {
    const fields = logContext.current();
    const tags = fields ? Object.entries(fields).map(([key, value]) => `${key}=${value} `) : [];
    return `${super.formatContext(context)}${tags.join('')}`;
  }
}

/** One JSON object per line in production so log shippers need no parsing rules; text for a person at a terminal. */
export function createLogger(log: AppConfig['log'], context: string): ConsoleLogger {
  const logLevels = ORDER.slice(0, ORDER.indexOf(log.level) + 1);
  return new ContextLogger(context, { json: log.format === 'json', colors: false, logLevels, timestamp: true });
}
