import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { AppConfig, LogLevelName, logContext } from '@app/config';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An id a proxy or client sent is kept when it is a short token, so one id follows a request
 * through every hop; anything longer or stranger could forge or flood log lines, and is replaced.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(raw: IncomingMessage): string {
  const sent = raw.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** Query parameters that carry a credential (a dashboard ticket, a code): their values never reach a log. */
const SECRET_QUERY = /^(ticket|token|code|key|secret|password)$/i;

export function loggableUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  for (const name of [...params.keys()]) if (SECRET_QUERY.test(name)) params.set(name, 'redacted');
  return `${url.slice(0, query)}?${params.toString()}`;
}

const PINO_LEVEL: Record<LogLevelName, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Probes every few seconds from an orchestrator or a scraper would drown the lines that matter. */
const QUIET_PATHS = ['/health', '/metrics'];

function isQuiet(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  return QUIET_PATHS.some((quiet) => path === quiet || path.startsWith(`${quiet}/`));
}

/**
 * For a person at a terminal (LOG_FORMAT=text) the JSON lines are rewritten as the
 * application's other text lines are: time, level, `[http]`, the request id, the message.
 */
function textLines(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString('utf8')) as {
        timestamp: number;
        level: string;
        reqId?: string;
        message?: string;
        req?: { method: string; url: string };
        res?: { statusCode: number };
        responseTime?: number;
        err?: { message: string };
      };
      const parts = [
        new Date(line.timestamp).toISOString(),
        line.level.toUpperCase().padStart(7, ' '),
        '[http]',
        line.reqId ? `reqId=${line.reqId}` : '',
        line.message ?? '',
        line.req ? `${line.req.method} ${line.req.url}` : '',
        line.res ? String(line.res.statusCode) : '',
        line.responseTime === undefined ? '' : `${Math.round(line.responseTime)} ms`,
        line.err ? line.err.message : '',
      ];
      process.stdout.write(`${parts.filter((part) => part !== '').join(' ')}\n`);
      done();
    },
  });
}

/** Pino's level names back to the application's, so one LOG_LEVEL vocabulary reads every line. */
const APP_LEVEL: Record<string, LogLevelName> = Object.fromEntries(
  Object.entries(PINO_LEVEL).map(([app, pino]) => [pino, app as LogLevelName]),
);

/**
 * Fastify's own request logging (pino): a line when a request arrives and one when it is answered,
 * each with the request's id. Credentials never reach them: the serializers leave headers out and
 * mask credential query values.
 */
export function requestLogOptions(
  log: AppConfig['log'],
): Pick<FastifyServerOptions, 'logger' | 'logController' | 'genReqId' | 'requestIdHeader'> {
  return {
    logger: {
      level: PINO_LEVEL[log.level],
      // The keys and level names of the application's own JSON lines (createLogger), so a log shipper
      // reads one shape: level, pid, timestamp, message, and here reqId, req, res and responseTime.
      base: { pid: process.pid },
      messageKey: 'message',
      timestamp: () => `,"timestamp":${Date.now()}`,
      formatters: { level: (label: string) => ({ level: APP_LEVEL[label] ?? label }) },
      ...(log.format === 'text' ? { stream: textLines() } : {}),
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: loggableUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    logController: new LogController({ disableRequestLogging: isQuiet }),
    genReqId: requestIdOf,
    requestIdHeader: false,
  };
}

/**
 * Names the request in its answer (refusals included) and in every log line written while it is
 * served, the application's own lines as well as Fastify's.
 */
export function tagRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  void reply.header(REQUEST_ID_HEADER, request.id);
  logContext.run({ reqId: request.id }, done);
}
