import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { refusal } from './refusal';

/** Refusals of a request as a whole or of its form, before any feature reads it. */
export enum RequestRefusal {
  BadUrl = 'BAD_URL',
  PathParameterTooLong = 'PATH_PARAMETER_TOO_LONG',
  HeadersTooLarge = 'HEADERS_TOO_LARGE',
  RequestTimeout = 'REQUEST_TIMEOUT',
  MalformedRequest = 'MALFORMED_REQUEST',
  UnsupportedCharset = 'UNSUPPORTED_CHARSET',
  BodyNotUtf8 = 'BODY_NOT_UTF8',
  BodyNotJson = 'BODY_NOT_JSON',
  BodyNotObject = 'BODY_NOT_OBJECT',
  BodyMissing = 'BODY_MISSING',
  MalformedInput = 'MALFORMED_INPUT',
  EventIdMalformed = 'EVENT_ID_MALFORMED',
}

export const RequestErrors = {
  badUrl: () =>
    refusal(DomainErrorCode.ValidationFailed, RequestRefusal.BadUrl, {
      zh: '请求地址含有无效的百分号编码（如 %ZZ，或不是 UTF-8 的字节序列）',
      en: 'the request address has an invalid percent-escape (such as %ZZ, or bytes that are not UTF-8)',
    }),

  pathParameterTooLong: (max: number) =>
    refusal(DomainErrorCode.UriTooLong, RequestRefusal.PathParameterTooLong, {
      zh: `请求地址中的一段超过 ${max} 个字符`,
      en: `a segment of the request address is longer than ${max} characters`,
    }),

  headersTooLarge: () =>
    refusal(DomainErrorCode.HeadersTooLarge, RequestRefusal.HeadersTooLarge, {
      zh: '请求头过大',
      en: 'the request headers are too large',
    }),

  requestTimeout: () =>
    refusal(DomainErrorCode.RequestTimeout, RequestRefusal.RequestTimeout, {
      zh: '请求未在规定时间内发送完毕',
      en: 'the request was not sent completely in time',
    }),

  malformedRequest: () =>
    refusal(DomainErrorCode.ValidationFailed, RequestRefusal.MalformedRequest, {
      zh: '请求格式错误：请求行或请求头不符合 HTTP 规范（例如请求头中含有控制字符）',
      en: 'malformed request: the request line or a header is not valid HTTP (for example, a control character in a header)',
    }),

  unsupportedCharset: (charset: string) =>
    refusal(
      DomainErrorCode.UnsupportedMediaType,
      RequestRefusal.UnsupportedCharset,
      {
        zh: `不支持字符集「${charset.slice(0, 40)}」：请求体须为 UTF-8 编码的 JSON`,
        en: `charset "${charset.slice(0, 40)}" is not supported: send the body as UTF-8 JSON`,
      },
      'content-type',
    ),

  bodyNotUtf8: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RequestRefusal.BodyNotUtf8,
      { zh: '请求体不是有效的 UTF-8 文本', en: 'the request body is not valid UTF-8' },
      'body',
    ),

  bodyNotJson: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RequestRefusal.BodyNotJson,
      {
        zh: '请求无效：请求体不是有效的 JSON，或含有可能篡改对象原型的字段名',
        en: 'bad request: the body is not valid JSON, or it has a key that could tamper with object prototypes',
      },
      'body',
    ),

  /** `header` is the header's name, where the refusal points. */
  eventIdMalformed: (header: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RequestRefusal.EventIdMalformed,
      {
        zh: '最后收到的事件编号必须是数字',
        en: 'the ID of the last event received must be digits',
      },
      header,
    ),
} as const;

/** A text of the request with a problem: a field's value, or the name the request gave a field. */
export type TextPart = 'value' | 'name';

const TEXT_PART: Readonly<Record<TextPart, BilingualMessage>> = {
  value: { zh: '此项', en: 'this field' },
  name: { zh: '字段名', en: 'the field name' },
};

/**
 * The words for problems the edge finds in a request's form, field by field (a request listing
 * several at once). They name no field: the problem's `field` does, as the request writes it.
 */
export const RequestProblems = {
  bodyNotObject: (): BilingualMessage => ({
    zh: '请求体必须是 JSON 对象',
    en: 'the request body must be a JSON object',
  }),

  bodyMissing: (): BilingualMessage => ({
    zh: '缺少请求体：须为 JSON 对象',
    en: 'the request body is missing: send a JSON object',
  }),

  nulCharacter: (where: TextPart): BilingualMessage => ({
    zh: `${TEXT_PART[where].zh}含有空字符（U+0000）`,
    en: `${TEXT_PART[where].en} contains a NUL character (U+0000)`,
  }),

  loneSurrogate: (where: TextPart): BilingualMessage => ({
    zh: `${TEXT_PART[where].zh}含有不成对的 UTF-16 代理项，不是有效的 Unicode 文本`,
    en: `${TEXT_PART[where].en} contains an unpaired UTF-16 surrogate, so it is not valid Unicode text`,
  }),

  badPercentEscape: (): BilingualMessage => ({
    zh: '此查询参数含有无效的百分号编码（如 %ZZ，或不是 UTF-8 的字节序列）',
    en: 'this query parameter has an invalid percent-escape (such as %ZZ, or bytes that are not UTF-8)',
  }),

  nestedTooDeep: (levels: number): BilingualMessage => ({
    zh: `此项嵌套超过 ${levels} 层`,
    en: `this field is nested more than ${levels} levels deep`,
  }),

  tooManyEntries: (entries: number, max: number): BilingualMessage => ({
    zh: `此项有 ${entries} 项，最多 ${max} 项`,
    en: `this field has ${entries} entries; at most ${max} are allowed`,
  }),

  /** Said after the first problem when a refusal lists only the first of many. */
  moreProblems: (first: BilingualMessage, total: number, listed: number): BilingualMessage => ({
    zh: `${first.zh}（共 ${total} 个问题，仅列出前 ${listed} 个）`,
    en: `${first.en} (${total} problems in all; the first ${listed} are listed)`,
  }),
} as const;
