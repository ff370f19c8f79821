// The pages speak to the same REST API as every other client.
import { currentLang } from './i18n.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message_en ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? 'NETWORK';
    /** What happened (SLOT_LOCKED, JUDGES_MISSING, …): pages decide by it, never by the message. */
    this.reason = body?.reason ?? this.code;
    this.messageZh = body?.message_zh ?? '网络错误';
    this.messageEn = body?.message_en ?? 'network error';
    this.field = body?.field;
    this.details = body?.details ?? [];
  }

  /** The message in the page's language, for showing to a person. */
  text() {
    return currentLang() === 'en' ? this.messageEn : this.messageZh;
  }
}

/**
 * `signal` aborts a request that hangs on a weak network (it then fails like a network error);
 * `onResponse` sees the raw response, e.g. its Date header to correct a wrong device clock.
 * `form` (a FormData) is sent as multipart/form-data, with the boundary the browser chooses.
 */
export async function api(path, { method = 'GET', body, form, token, headers = {}, signal, onResponse } = {}) {
  const init = { method, headers: { accept: 'application/json', ...headers }, signal };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (form !== undefined) {
    init.body = form;
  } else if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, undefined);
  }
  onResponse?.(response);
  let text;
  try {
    text = await response.text();
  } catch {
    throw new ApiError(0, undefined);
  }
  const parsed = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) throw new ApiError(response.status, typeof parsed === 'object' ? parsed : undefined);
  return parsed;
}
