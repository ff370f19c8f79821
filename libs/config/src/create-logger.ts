import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { AppConfig } from './app-config';

const ORDER: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** One JSON object per line in production so log shippers need no parsing rules; text for a person at a terminal. */
export function createLogger(log: AppConfig['log'], context: string): ConsoleLogger {
  const logLevels = ORDER.slice(0, ORDER.indexOf(log.level) + 1);
  return new ConsoleLogger(context, { json: log.format === 'json', colors: false, logLevels, timestamp: true });
}
