import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { toOpenApi31, withBodyRefusals } from './openapi-document';

const SOURCE = join(__dirname, '..');

function documentWith(properties: Record<string, unknown>): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { SlotDto: { type: 'object', properties } } },
  } as OpenAPIObject;
}

function propertiesOf(document: OpenAPIObject): Record<string, unknown> {
  return (document.components?.schemas?.SlotDto as { properties: Record<string, unknown> }).properties;
}

describe('the published document as OpenAPI 3.1', () => {
  it('states a nullable reference as that schema or null, not as a free-form object', () => {
    const document = toOpenApi31(
      documentWith({
        currentSlot: {
          nullable: true,
          type: 'object',
          description: 'on stage',
          allOf: [{ $ref: '#/components/schemas/SlotResponseDto' }],
        },
      }),
    );
    expect(document.openapi).toBe('3.1.0');
    expect(propertiesOf(document).currentSlot).toEqual({
      description: 'on stage',
      oneOf: [{ $ref: '#/components/schemas/SlotResponseDto' }, { type: 'null' }],
    });
  });

  it('adds null to the type, and to the values of an enumeration', () => {
    const document = toOpenApi31(
      documentWith({
        announcedScore: { type: 'string', nullable: true, pattern: '^\\d+(\\.\\d+)?$' },
        dropped: { type: 'string', nullable: true, enum: ['high', 'low'] },
      }),
    );
    expect(propertiesOf(document)).toEqual({
      announcedScore: { type: ['string', 'null'], pattern: '^\\d+(\\.\\d+)?$' },
      dropped: { type: ['string', 'null'], enum: ['high', 'low', null] },
    });
  });

  it('leaves examples as written', () => {
    const example = { nullable: true, note: null };
    const document = toOpenApi31(documentWith({ note: { type: 'object', example } }));
    expect(propertiesOf(document).note).toEqual({ type: 'object', example });
  });
});

describe('refusals of a body the edge cannot read', () => {
  const own = { description: 'not multipart', content: {} };
  const document = withBodyRefusals({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/runs': { post: { responses: { 202: { description: 'queued' } } } },
      '/scans': { post: { responses: { 201: { description: 'stored' }, 415: own } } },
      '/health': { get: { responses: { 200: { description: 'up' } } } },
    },
  });
  const statuses = (path: string, method: 'get' | 'post') =>
    Object.keys((document.paths[path][method] as { responses: object }).responses);

  it('documents 413 and 415 on a route that takes no body, since a body can still be sent to it', () => {
    expect(statuses('/runs', 'post')).toEqual(['202', '413', '415']);
  });

  it('keeps a route’s own description and leaves methods without a body alone', () => {
    expect((document.paths['/scans'].post as { responses: Record<string, unknown> }).responses['415']).toBe(own);
    expect(statuses('/health', 'get')).toEqual(['200']);
  });
});

describe('schema names', () => {
  /** Every class the API's source exports, by name, with the files that export it. */
  function exportedClasses(folder: string, found = new Map<string, string[]>()): Map<string, string[]> {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) exportedClasses(path, found);
      else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) {
        for (const [, name] of readFileSync(path, 'utf8').matchAll(/^export class (\w+)/gm)) {
          found.set(name, [...(found.get(name) ?? []), relative(SOURCE, path)]);
        }
      }
    }
    return found;
  }

  it('gives every class one name: the document keys its schemas by class name and keeps only the last', () => {
    const repeated = [...exportedClasses(SOURCE)].filter(([, files]) => files.length > 1);
    expect(repeated).toEqual([]);
  });
});
