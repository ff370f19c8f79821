/**
 * The demo speaks to the platform only through its public REST API, as the office, applicants
 * and judges do. A refusal stops the demo with the API's bilingual message.
 */
export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const zh = typeof fields.message_zh === 'string' ? fields.message_zh : '';
    const en = typeof fields.message_en === 'string' ? fields.message_en : JSON.stringify(body);
    super(`${what}: HTTP ${status} ${zh} / ${en}`);
    this.name = 'DemoApiError';
  }
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<T> {
    return this.send<T>('POST', path, body, headers);
  }

  put<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.send<T>('PUT', path, body, headers);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', path, body);
  }

  /** A file sent as multipart/form-data under the field `file`, as the pages send it. */
  async upload<T>(path: string, filename: string, contentType: string, bytes: Buffer): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), filename);
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: this.headers(), body: form });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new DemoApiError(response.status, parsed, `POST ${path}`);
    return parsed as T;
  }

  async download(path: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers() });
    if (!response.ok) throw new DemoApiError(response.status, await response.text(), `GET ${path}`);
    return Buffer.from(await response.arrayBuffer());
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { accept: 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...extra };
  }

  private async send<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: this.headers(body === undefined ? headers : { 'content-type': 'application/json', ...headers }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new DemoApiError(response.status, parsed, `${method} ${path}`);
    return parsed as T;
  }
}
