import { join } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createLogger } from '@app/config';
import { NO_TENANT_SCOPE, runInTenantScope } from '@app/persistence';
import { AppModule } from './app.module';
import { SECURITY_SCHEMES } from './auth/security-schemes';
import { DomainErrorFilter } from './common/domain-error.filter';
import {
  MAX_PATH_PARAMETER_LENGTH,
  refuseMalformedInput,
  refuseUnparsable,
  refuseUnroutable,
} from './common/edge-refusals';
import { jsonBodyParser } from './common/json-body-parser';
import { UPLOAD_MAX_BYTES } from './common/file-upload';
import { API_DESCRIPTION, toOpenApi31, withBodyRefusals, withEdgeRefusals } from './common/openapi-document';
import { requestLogOptions, tagRequest } from './common/request-log';
import { RequestValidationPipe } from './common/request-validation.pipe';
import { SECURITY_HEADERS, relaxPolicyForThirdPartyPages } from './common/security-headers';
import { metricsHooks } from './ops/http-metrics';
import { MetricsService } from './ops/metrics.service';
import { mountQueueDashboard } from './ops/queue-dashboard';
import { PAGES } from './pages/page-table';
import { servePages } from './pages/serve-pages';

/**
 * Builds the API exactly as production runs it; the e2e tests use this too, so what they check
 * is what users get (pipes, filters, OpenAPI, body limit).
 */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  // Behind a reverse proxy the client's address (request.ip, the per-address limits) comes from
  // X-Forwarded-For, but only as far as the proxies named in TRUST_PROXY vouch for it.
  const { trustProxy } = config.api;
  const adapter = new FastifyAdapter({
    bodyLimit: config.api.bodyLimitBytes,
    ...requestLogOptions(config.log),
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER_LENGTH },
    frameworkErrors: refuseUnroutable,
    clientErrorHandler: refuseUnparsable,
    trustProxy:
      typeof trustProxy === 'number'
        ? (_address: string, hop: number) => hop < trustProxy
        : trustProxy === false
          ? false
          : [...trustProxy],
  });
  // The API reads UTF-8 JSON and one multipart upload; every other media type gets 415.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: createLogger(config.log, 'api'),
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', tagRequest);
  const observe = metricsHooks(app.get(MetricsService));
  fastify.addHook('onSend', observe.onSend);
  fastify.addHook('onResponse', observe.onResponse);
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, jsonBodyParser(fastify));
  fastify.addHook('preValidation', refuseMalformedInput);
  // Last hook before the route, after the body is read (a parser's stream events would leave the
  // context): the request's queries see no office's rows until the auth guard says whose they are.
  fastify.addHook('preHandler', (_request, _reply, done) => runInTenantScope(NO_TENANT_SCOPE, done));

  // Before helmet and before any route, so that the documentation's routes are registered with their policy.
  fastify.addHook('onRoute', relaxPolicyForThirdPartyPages);
  await app.register(helmet, SECURITY_HEADERS);
  // Only the signed agreement scan is uploaded: one file of at most 10 MiB, no other fields.
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 0, parts: 1, fieldNameSize: 100, headerPairs: 20 },
  });

  await mountQueueDashboard(app);

  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  // The pages are served by the API itself: no separate front-end server, no CDN. Their HTML comes
  // from one layout and the page table; their scripts and stylesheets are plain files, and
  // wildcard: false registers a route per existing file, so unknown paths still get the JSON 404.
  servePages(fastify, PAGES);
  app.useStaticAssets({ root: join(__dirname, '..', 'web'), prefix: '/', wildcard: false, index: false });
  app.enableShutdownHooks();

  const builder = new DocumentBuilder()
    .setTitle('公益创投大赛平台 API / Public-benefit venture competition API')
    .setDescription(API_DESCRIPTION)
    .setVersion('0.1.0');
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) builder.addSecurity(name, scheme);
  const document = withEdgeRefusals(toOpenApi31(withBodyRefusals(SwaggerModule.createDocument(app, builder.build()))));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}
