import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DASHBOARD_PATH } from '../src/ops/queue-dashboard-access.service';
import { pageUrls } from '../src/pages/page-shell';
import { PAGES } from '../src/pages/page-table';

/**
 * Every response the tests receive from the API is checked against its own OpenAPI document:
 * the status must be documented for the route, the content type must be one the route documents
 * for that status, and a JSON body must match the documented schema — with no property the
 * document does not name. Other bodies (PDF, ZIP, CSV, event streams) are checked for status and
 * content type only. A test file fails when any response broke the document (jest setup file).
 */

type Json = { [key: string]: unknown };
interface MediaType {
  readonly schema?: Json;
}
interface ResponseObject {
  readonly content?: Record<string, MediaType>;
}
interface Operation {
  readonly responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Json> };
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const violations = new Set<string>();

/**
 * Event streams write their headers with `writeHead`, past Fastify's reply, where no header
 * getter sees them: the content type they send is kept here per response.
 */
const writtenContentType = new WeakMap<ServerResponse, string>();

function keepWrittenContentType(raw: ServerResponse): void {
  const writeHead = raw.writeHead.bind(raw) as (...args: unknown[]) => ServerResponse;
  raw.writeHead = (...args: unknown[]) => {
    const headers = args.find(isObject);
    const type = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    if (typeof type === 'string') writtenContentType.set(raw, type);
    return writeHead(...args);
  };
}

/** What the responses so far did that the document does not allow, one line each. */
export function contractViolations(): readonly string[] {
  return [...violations];
}

const WEB_ROOT = join(__dirname, '..', 'web');
const SCHEMA_ROOT = 'openapi';

/**
 * The document's schemas as the check reads them: references point into one registered root, and
 * an object that lists its properties allows no others, so a field the code adds without
 * documenting it is caught. (The published document leaves objects open, so clients tolerate
 * fields added later.)
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', `${SCHEMA_ROOT}#/$defs/`)
        : closed(value);
  }
  if (isObject(out.properties) && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** The documented operation of a route pattern: Fastify writes `:id` where OpenAPI writes `{id}`. */
function operationOf(document: OpenApiDocument, method: string, route: string): Operation | undefined {
  const path = route.replace(/:(\w+)/g, '{$1}');
  return document.paths[path]?.[(method === 'HEAD' ? 'GET' : method).toLowerCase()];
}

/** The pages, the documentation itself and the queue dashboard are served beside the API but are not part of it. */
function outsideTheApi(route: string): boolean {
  return (
    route.startsWith('/api/docs') ||
    route.startsWith('/api/openapi') ||
    route.startsWith(DASHBOARD_PATH) ||
    PAGES.some((page) => pageUrls(page).includes(route)) ||
    existsSync(join(WEB_ROOT, route))
  );
}

const isJson = (mediaType: string): boolean => mediaType === 'application/json' || mediaType.endsWith('+json');

async function bufferOf(payload: unknown): Promise<Buffer | undefined> {
  if (typeof payload === 'string') return Buffer.from(payload);
  if (Buffer.isBuffer(payload)) return payload;
  if (payload instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  return undefined;
}

class Contract {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly notFound: Operation;

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: SCHEMA_ROOT, $defs: closed(document.components.schemas) });
    // A path nobody serves answers 404, or refuses its body first (bad JSON, too large, not JSON),
    // always with the same error body as every refusal.
    const refusal = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } };
    this.notFound = { responses: { 400: refusal, 404: refusal, 413: refusal, 415: refusal } };
  }

  /** Checks one response; returns the body to send on (a JSON stream is read into memory to be checked). */
  async check(request: FastifyRequest, reply: FastifyReply, payload: unknown, streamed = false): Promise<unknown> {
    const route = request.routeOptions.url;
    const operation = route === undefined ? this.notFound : operationOf(this.document, request.method, route);
    const where = `${request.method} ${route === undefined ? request.url : route.replace(/:(\w+)/g, '{$1}')}`;
    if (!operation) {
      if (route !== undefined && !outsideTheApi(route)) violations.add(`${where}: served but not in the document`);
      return payload;
    }
    const status = reply.statusCode;
    const documented = operation.responses[String(status)] ?? operation.responses.default;
    if (!documented) {
      violations.add(`${where} → ${status}: status not documented`);
      return payload;
    }
    const mediaType = String(reply.getHeader('content-type') ?? writtenContentType.get(reply.raw) ?? '')
      .split(';')[0]
      .trim();
    const hasBody = streamed || (payload !== undefined && payload !== null && payload !== '' && status !== 204);
    if (!hasBody) return payload;
    const content = documented.content?.[mediaType];
    if (!content) {
      const allowed = Object.keys(documented.content ?? {}).join(', ') || 'no body';
      violations.add(
        `${where} → ${status}: sent ${mediaType || 'a body without a content type'}, documented ${allowed}`,
      );
      return payload;
    }
    if (streamed || !isJson(mediaType) || !content.schema || request.method === 'HEAD') return payload;
    const bytes = await bufferOf(payload);
    if (bytes === undefined) return payload;
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      violations.add(`${where} → ${status}: sent ${mediaType} that is not JSON`);
      return payload instanceof Readable ? bytes : payload;
    }
    const validate = this.validator(`${where} ${status} ${mediaType}`, content.schema);
    if (!validate(body)) {
      for (const error of validate.errors ?? []) {
        const at = error.instancePath === '' ? 'body' : `body${error.instancePath.replace(/\//g, '.')}`;
        const detail = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
        violations.add(`${where} → ${status}: ${at} ${error.message ?? error.keyword}${detail}`);
      }
    }
    return payload instanceof Readable ? bytes : payload;
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(closed(schema) as Json);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * Registers the check on the app before it starts; the document is read once the app is ready,
 * from the address every client reads it at.
 */
export function checkResponsesAgainstDocument(fastify: FastifyInstance): { load(): Promise<void> } {
  let contract: Contract | undefined;
  const checked = new WeakSet<FastifyRequest>();
  fastify.addHook('onRequest', async (_request, reply) => {
    keepWrittenContentType(reply.raw);
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    checked.add(request);
    return contract ? contract.check(request, reply, payload) : payload;
  });
  // Event streams are written past Fastify's send; their status and content type are checked here.
  fastify.addHook('onResponse', async (request, reply) => {
    if (contract && !checked.has(request)) await contract.check(request, reply, undefined, true);
  });
  return {
    async load() {
      const response = await fastify.inject({ method: 'GET', url: '/api/openapi.json' });
      contract = new Contract(response.json<OpenApiDocument>());
    },
  };
}
