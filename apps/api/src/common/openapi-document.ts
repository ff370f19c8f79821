import type { OpenAPIObject } from '@nestjs/swagger';
import { typicalRefusal } from './api-error.decorator';

export const API_DESCRIPTION =
  '申报、路演评分、排名、资金分配与资助协议书。\n\n' +
  '- 拒绝统一为 { code, reason, message_zh, message_en, field?, details?, detailsOmitted? }：code 为类别并决定 HTTP 状态，' +
  'reason 为具体原因，details 为请求校验发现的问题（最多列出前 20 个，其余个数见 detailsOmitted）。请求体须为 UTF-8 编码的 JSON。\n' +
  '- 列表统一为 { items, total, page, pageSize }，查询参数 page（从 1 开始）和 pageSize；各列表的默认值与上限见其参数。\n' +
  '- 认证：账号令牌（bearer）或 API 密钥（api-key）；评委令牌（judge）来自 POST /judge-sessions。公开接口不声明认证。\n\n' +
  'Submissions, roadshow scoring, ranking, allocation and funding agreements.\n\n' +
  '- Every refusal is { code, reason, message_zh, message_en, field?, details?, detailsOmitted? }: code is the kind ' +
  'and decides the HTTP status, reason says what happened, details lists the problems request validation found ' +
  '(the first 20; detailsOmitted says how many more). Request bodies are UTF-8 JSON.\n' +
  '- Every list is { items, total, page, pageSize } with the query parameters page (from 1) and pageSize; each ' +
  'list states its default and maximum.\n' +
  '- Security: an account token (bearer) or an API key (api-key); judges use the token of POST /judge-sessions ' +
  '(judge). Public routes declare none.';

type Json = { [key: string]: unknown };

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * OpenAPI 3.0's `nullable` beside a `$ref` is read differently by different tools (the generator
 * emits `{ nullable, type: object, allOf: [$ref] }`, which many show as a free-form object); 3.1
 * says "this schema or null" in plain JSON Schema, so clients and validators read one meaning.
 */
function withNull(schema: Json): Json {
  const { nullable: _nullable, ...rest } = schema;
  const allOf: unknown[] = Array.isArray(rest.allOf) ? rest.allOf : [];
  if (allOf.length === 1 && rest.properties === undefined) {
    const { allOf: _allOf, type: _type, ...annotations } = rest;
    return { ...annotations, oneOf: [allOf[0], { type: 'null' }] };
  }
  if (typeof rest.type === 'string') {
    const values: unknown[] | undefined = Array.isArray(rest.enum) ? rest.enum : undefined;
    const enumeration = values && !values.includes(null) ? [...values, null] : values;
    return { ...rest, type: [rest.type, 'null'], ...(enumeration ? { enum: enumeration } : {}) };
  }
  return { oneOf: [rest, { type: 'null' }] };
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === 'example' || key === 'examples' ? value : convert(value);
  }
  return out.nullable === true ? withNull(out) : out;
}

/** The generated document, stated as OpenAPI 3.1 (JSON Schema 2020-12 for every schema). */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  return { ...(convert(document) as OpenAPIObject), openapi: '3.1.0' };
}

const ERROR_BODY = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } };

/** What the edge (common/edge-refusals.ts) answers on any route, before the route runs. */
const EDGE_REFUSALS: Readonly<Record<string, string>> = {
  '400': '请求格式错误（含空字符、无效转义等） / a malformed request (NUL characters, bad escapes, …)',
  '414': '路径参数过长 / a path parameter too long',
  '431': '请求头过大 / headers too large',
};

/**
 * Every operation also states the refusals the edge gives before the route runs, so the document
 * says what a client can get from every route, not only what the route's own code refuses. What
 * the edge refuses of a body (413, 415) is withBodyRefusals' to state.
 */
export function withEdgeRefusals(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, unknown>)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, description] of Object.entries(EDGE_REFUSALS)) {
        operation.responses[status] ??= { description, content: ERROR_BODY };
      }
    }
  }
  return document;
}

/** Methods whose requests may carry a body. */
const BODY_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);
const BODY_REFUSALS = [413, 415] as const;

/**
 * The edge reads a body before any route does, so every operation a body can be sent to may
 * refuse one that is too large (413) or not JSON (415), even an operation that takes no body.
 */
export function withBodyRefusals(document: OpenAPIObject): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, operation]) => {
          const responses: unknown = isObject(operation) ? operation.responses : undefined;
          if (!BODY_METHODS.has(method) || !isObject(responses)) return [method, operation];
          const missing = BODY_REFUSALS.filter((status) => responses[String(status)] === undefined);
          const added = Object.fromEntries(missing.map((status) => [String(status), typicalRefusal(status)]));
          return [method, { ...(operation as Json), responses: { ...responses, ...added } }];
        }),
      ),
    ]),
  );
  return { ...document, paths };
}
