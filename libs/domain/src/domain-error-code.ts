/**
 * Every refusal the platform can give, by code. The API's exception filter maps each code to an
 * HTTP status with an exhaustive switch, so adding a code without deciding its status fails to compile.
 */
export enum DomainErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  Conflict = 'CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** A request body in a media type or charset the API does not read (it reads UTF-8 JSON and one upload). */
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  /** A path segment longer than any identifier the API uses. */
  UriTooLong = 'URI_TOO_LONG',
  HeadersTooLarge = 'HEADERS_TOO_LARGE',
  /** The client did not finish sending its request in time. */
  RequestTimeout = 'REQUEST_TIMEOUT',
  RateLimited = 'RATE_LIMITED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}
