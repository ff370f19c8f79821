import { createHash } from 'node:crypto';

/**
 * Malformed variants of every operation of the API's own OpenAPI document, each one a request the
 * API must refuse: a bad path id, a bad query value, a body or a field of the wrong type, texts no
 * column can hold, lists too long to check, media types the API does not read, bad headers.
 * Deterministic: the same seed gives the same variants.
 */

export interface Schema {
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly nullable?: boolean;
}

interface Parameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}

export interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
  readonly responses: Readonly<Record<string, unknown>>;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, Schema>> };
}

export interface MalformedRequest {
  readonly label: string;
  readonly method: string;
  /** Path and query, already encoded (or deliberately mis-encoded). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

/** What a variant is built on: real ids for the path, a well-formed value for required headers. */
export interface Context {
  readonly idFor: (template: string, parameter: string) => string;
  readonly auth?: string;
}

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const JSON_TYPE = 'application/json';

/** Headers that make a request conditional: one naming nothing current is a miss, not an error. */
const CONDITIONAL_HEADERS: ReadonlySet<string> = new Set(['if-none-match']);

/** The first `count` items in an order the seed decides: the same sample on every run and machine. */
function pick<T extends { readonly label: string }>(items: readonly T[], count: number, seed: string): T[] {
  const rank = (item: T) => createHash('sha256').update(`${seed}:${item.label}`).digest('hex');
  return items
    .map((item) => ({ item, key: rank(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, count)
    .map(({ item }) => item);
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').at(-1) as string]);
  if (schema.allOf?.length === 1) return resolve(document, schema.allOf[0]);
  return withoutNullType(schema);
}

/** OpenAPI 3.1 writes a nullable field's type as [T, "null"]: the variants read it as T, nullable. */
function withoutNullType(schema: Schema): Schema {
  if (!Array.isArray(schema.type)) return schema;
  const types = (schema.type as readonly string[]).filter((type) => type !== 'null');
  return { ...schema, type: types.length === 1 ? types[0] : undefined, nullable: types.length < schema.type.length };
}

/** A value the schema describes, from its example where it has one. */
function sample(document: OpenApiDocument, raw: Schema, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return '公益创投';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !schema.items ? [] : [sample(document, schema.items, depth + 1)];
    default:
      if (depth > 4 || !schema.properties) return {};
      return Object.fromEntries(
        Object.entries(schema.properties).map(([name, property]) => [name, sample(document, property, depth + 1)]),
      );
  }
}

function wrongType(schema: Schema): unknown {
  switch (schema.type) {
    case 'string':
      return 20_260_520;
    case 'integer':
    case 'number':
      return '12';
    case 'boolean':
      return 'yes';
    case 'array':
      return { 0: '公益' };
    case 'object':
      return ['公益'];
    default:
      return undefined;
  }
}

type Path = readonly (string | number)[];

function setAt(target: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(target)) {
    const copy: unknown[] = [...(target as unknown[])];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

interface FieldMutation {
  readonly label: string;
  readonly path: Path;
  readonly value: unknown;
}

/** Every mutation of every field the body schema names, down through nested objects and lists. */
function fieldMutations(document: OpenApiDocument, root: Schema): FieldMutation[] {
  const out: FieldMutation[] = [];
  const visit = (raw: Schema, path: Path, required: boolean, depth: number): void => {
    const schema = resolve(document, raw);
    const name = path.join('.');
    const wrong = wrongType(schema);
    if (wrong !== undefined) out.push({ label: `${name}: wrong type`, path, value: wrong });
    if (required && !schema.nullable) out.push({ label: `${name}: null`, path, value: null });
    out.push({ label: `${name}: NUL`, path, value: '社区\u0000创投' });
    out.push({ label: `${name}: lone surrogate`, path, value: '\ud800创投' });
    if (schema.enum?.length) out.push({ label: `${name}: not in the enum`, path, value: 'no-such-value' });
    if (schema.type === 'string' && schema.maxLength !== undefined) {
      out.push({ label: `${name}: one too long`, path, value: '长'.repeat(schema.maxLength + 1) });
    }
    if (schema.type === 'array') {
      out.push({ label: `${name}: 100,000 items`, path, value: Array.from({ length: 100_000 }, () => 1) });
      if (schema.items && depth < 3) visit(schema.items, [...path, 0], true, depth + 1);
    }
    if (schema.properties && depth < 3) {
      out.push({ label: `${name}: unknown property`, path: [...path, 'unexpectedProperty'], value: '多余' });
      for (const [property, child] of Object.entries(schema.properties)) {
        visit(child, [...path, property], schema.required?.includes(property) ?? false, depth + 1);
      }
    }
  };
  const schema = resolve(document, root);
  out.push({ label: 'unknown top-level property', path: ['unexpectedProperty'], value: '多余' });
  for (const [property, child] of Object.entries(schema.properties ?? {})) {
    visit(child, [property], schema.required?.includes(property) ?? false, 1);
  }
  return out;
}

function pathVariants(template: string, parameters: readonly Parameter[], context: Context): [string, string][] {
  const fill = (bad?: { name: string; value: string }) =>
    template.replace(/\{([^}]+)\}/g, (_, name: string) =>
      bad?.name === name ? bad.value : encodeURIComponent(context.idFor(template, name)),
    );
  return parameters
    .filter((parameter) => parameter.in === 'path')
    .flatMap(({ name }) => [
      [`${name} not a UUID`, fill({ name, value: 'not-a-uuid' })],
      [`${name} with NUL`, fill({ name, value: `${context.idFor(template, name)}%00` })],
      [`${name} 101 characters`, fill({ name, value: 'a'.repeat(101) })],
      [`${name} bad percent-escape`, fill({ name, value: '%ZZ' })],
      [`${name} not UTF-8`, fill({ name, value: '%ED%A0%80' })],
    ]);
}

function queryVariants(parameters: readonly Parameter[], document: OpenApiDocument): [string, string][] {
  const query = parameters.filter((parameter) => parameter.in === 'query');
  if (query.length === 0) return [];
  return [
    ['unknown query parameter', 'unexpectedParameter=1'],
    ...query.flatMap(({ name, schema = {} }): [string, string][] => {
      const resolved = resolve(document, schema);
      const typed: [string, string][] =
        resolved.type === 'number' || resolved.type === 'integer'
          ? [
              [`${name} not a number`, `${name}=abc`],
              [`${name} out of range`, `${name}=-1`],
            ]
          : resolved.type === 'boolean'
            ? [[`${name} not a boolean`, `${name}=maybe`]]
            : resolved.enum?.length
              ? [[`${name} not in the enum`, `${name}=no-such-value`]]
              : [];
      return [
        ...typed,
        [`${name} with NUL`, `${name}=a%00b`],
        [`${name} bad percent-escape`, `${name}=%ZZ`],
        [`${name} not UTF-8`, `${name}=%ED%A0%80`],
        [`${name} twice`, `${name}=a&${name}=b`],
      ];
    }),
  ];
}

/** Bodies no route may take, whatever it expects: refused before any guard or handler runs. */
const EDGE_BODIES: readonly [string, string, Buffer][] = [
  ['body not UTF-8', JSON_TYPE, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ['body not JSON', JSON_TYPE, Buffer.from('{"title": ')],
  ['body in Latin-1', `${JSON_TYPE}; charset=iso-8859-1`, Buffer.from('{}')],
  ['body in UTF-16', `${JSON_TYPE}; charset=utf-16`, Buffer.from('{}', 'utf16le')],
  ['body as text/plain', 'text/plain', Buffer.from('公益创投')],
  ['body as a form', 'application/x-www-form-urlencoded', Buffer.from('title=%E5%85%AC')],
  ['body with NUL', JSON_TYPE, Buffer.from(JSON.stringify({ junk: 'a\u0000b' }))],
  ['body with a lone surrogate', JSON_TYPE, Buffer.from('{"junk":"\\udc00"}')],
  ['body nested 10,000 deep', JSON_TYPE, Buffer.from(`{"junk":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)],
  [
    'body with 100,000 items',
    JSON_TYPE,
    Buffer.from(JSON.stringify({ junk: Array.from({ length: 100_000 }, () => 0) })),
  ],
];

const MULTIPART_BODIES: readonly [string, string, Buffer][] = [
  ['multipart without a boundary', 'multipart/form-data', Buffer.from('%PDF-1.4 签字盖章')],
  ['multipart garbage', 'multipart/form-data; boundary=XX', Buffer.from('garbage, no parts at all')],
  [
    'multipart cut short',
    'multipart/form-data; boundary=XX',
    Buffer.from(
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="协议书.pdf"\r\n' +
        'Content-Type: application/pdf\r\n\r\n%PDF-1.4 签字',
    ),
  ],
  [
    'multipart with a text field only',
    'multipart/form-data; boundary=XX',
    Buffer.from('--XX\r\nContent-Disposition: form-data; name="note"\r\n\r\n签字\r\n--XX--\r\n'),
  ],
];

/**
 * Every variant of one operation, for one caller; the body-field mutations are a sample of
 * `fieldSample` chosen by `seed`.
 */
export function malformedRequests(
  document: OpenApiDocument,
  method: string,
  template: string,
  operation: Operation,
  context: Context,
  seed: string,
  fieldSample: number,
): MalformedRequest[] {
  const parameters = operation.parameters ?? [];
  const headers: Record<string, string> = context.auth ? { authorization: context.auth } : {};
  for (const parameter of parameters) {
    if (parameter.in === 'header' && parameter.required)
      headers[parameter.name.toLowerCase()] = `fuzz-${template.length}-key`;
  }
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(context.idFor(template, name)));
  const out: MalformedRequest[] = [];
  const add = (label: string, url: string, extra: Record<string, string> = {}, body?: Buffer) =>
    out.push({ label, method: method.toUpperCase(), url, headers: { ...headers, ...extra }, body });

  for (const [label, url] of pathVariants(template, parameters, context)) add(label, url);
  for (const [label, query] of queryVariants(parameters, document)) add(label, `${path}?${query}`);
  add('headers past the size limit', path, { 'x-filler': 'a'.repeat(20_000) });
  if (operation.responses['401'] !== undefined)
    add('a token that is not one', path, { authorization: 'Bearer not.a.token' });
  for (const parameter of parameters) {
    // A header the document leaves free (If-None-Match: an unknown tag is simply not a match) is not malformed.
    const constrained = parameter.required || parameter.schema?.pattern !== undefined;
    if (parameter.in !== 'header' || !constrained) continue;
    const name = parameter.name.toLowerCase();
    // A conditional header that names no current ETag is simply no match (RFC 9110): the full answer is right.
    if (CONDITIONAL_HEADERS.has(name)) continue;
    add(`${parameter.name} too short`, path, { [name]: 'ab' });
    add(`${parameter.name} too long`, path, { [name]: 'k'.repeat(101) });
    add(`${parameter.name} not ASCII`, path, { [name]: 'ÿþÿþÿþÿþÿþ' });
  }
  if (!BODY_METHODS.has(method)) return out;

  for (const [label, type, body] of EDGE_BODIES) add(label, path, { 'content-type': type }, body);
  const content = operation.requestBody?.content ?? {};
  if (content['multipart/form-data']) {
    for (const [label, type, body] of MULTIPART_BODIES) add(label, path, { 'content-type': type }, body);
  }
  const schema = content[JSON_TYPE]?.schema;
  if (!schema) return out;
  const json = (label: string, value: unknown) =>
    add(label, path, { 'content-type': JSON_TYPE }, Buffer.from(JSON.stringify(value)));
  json('body null', null);
  json('body an array', [sample(document, schema)]);
  json('body a number', 2026);
  const base = sample(document, schema);
  for (const mutation of pick(fieldMutations(document, schema), fieldSample, `${seed}:${method} ${template}`)) {
    json(mutation.label, setAt(base, mutation.path, mutation.value));
  }
  return out;
}
