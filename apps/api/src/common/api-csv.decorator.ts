import { ApiResponse } from '@nestjs/swagger';

/** Documents a CSV export: the text of the file, with its typical first rows when the route shows them. */
export function ApiCsv(options: { readonly description?: string; readonly example?: string } = {}): MethodDecorator {
  const { description = 'UTF-8 with a byte-order mark', example } = options;
  return ApiResponse({
    status: 200,
    description,
    content: { 'text/csv': { schema: { type: 'string' }, ...(example === undefined ? {} : { example }) } },
  });
}
