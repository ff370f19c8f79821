import { PassThrough } from 'node:stream';
import { refuseUnparsable } from './edge-refusals';

/** A socket that keeps what is written to it. */
function socket(): { stream: PassThrough; written: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, written: () => Buffer.concat(chunks).toString('utf8') };
}

function errorWithCode(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('answers to what the HTTP parser refuses', () => {
  it('answers a request that took too long with 408 in the documented body, and closes', async () => {
    const { stream, written } = socket();
    refuseUnparsable(errorWithCode('ERR_HTTP_REQUEST_TIMEOUT'), stream);
    await new Promise((resolve) => stream.on('finish', resolve));
    const [head, body] = written().split('\r\n\r\n');
    expect(head.split('\r\n')).toEqual(
      expect.arrayContaining([
        'HTTP/1.1 408 Request Timeout',
        'connection: close',
        'x-content-type-options: nosniff',
        `content-length: ${Buffer.byteLength(body)}`,
      ]),
    );
    expect(JSON.parse(body)).toEqual({
      code: 'REQUEST_TIMEOUT',
      reason: 'REQUEST_TIMEOUT',
      message_zh: '请求未在规定时间内发送完毕',
      message_en: 'the request was not sent completely in time',
    });
  });

  it('writes nothing to a connection the client has already reset', () => {
    const { stream, written } = socket();
    refuseUnparsable(errorWithCode('ECONNRESET'), stream);
    expect(written()).toBe('');
    expect(stream.writableEnded).toBe(false);
  });
});
