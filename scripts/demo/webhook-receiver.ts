import { createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { WebhookTopic } from '@app/domain';
import { ApiClient } from './api-client';

const TOPICS: readonly string[] = Object.values(WebhookTopic);

/**
 * A receiver as an office would run one, on 127.0.0.1: registered for the demo's office, it checks
 * each delivery's signature as the README shows and counts the deliveries by topic.
 */
export class DemoWebhookReceiver {
  private readonly byTopic = new Map<string, number>();
  private unsigned = 0;
  private secret = '';
  private readonly server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-gongyi-timestamp'] ?? '');
      const expected = Buffer.from(
        `v1=${createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex')}`,
      );
      const given = Buffer.from(String(req.headers['x-gongyi-signature'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        this.unsigned += 1;
        res.statusCode = 401;
      } else {
        const topic = String(req.headers['x-gongyi-topic']);
        this.byTopic.set(topic, (this.byTopic.get(topic) ?? 0) + 1);
        res.statusCode = 204;
      }
      res.end();
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
  }

  async register(office: ApiClient): Promise<string> {
    const url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/gongyi-events`;
    const endpoint = await office.post<{ secret: string }>('/webhooks', {
      url,
      topics: TOPICS,
      description: '演示接收端 / demo receiver',
    });
    this.secret = endpoint.secret;
    return url;
  }

  private total(): number {
    return [...this.byTopic.values()].reduce((sum, count) => sum + count, 0) + this.unsigned;
  }

  /** Waits until no delivery has come for two seconds (at most thirty): the worker delivers after the API answers. */
  async settle(): Promise<void> {
    const deadline = Date.now() + 30_000;
    let seen = -1;
    while (Date.now() < deadline && seen !== this.total()) {
      seen = this.total();
      await new Promise((done) => setTimeout(done, 2_000));
    }
  }

  summary(): string {
    const lines = TOPICS.filter((topic) => this.byTopic.has(topic)).map(
      (topic) => `  ${topic}: ${this.byTopic.get(topic)}`,
    );
    return [
      `事件推送 / webhook deliveries received: ${this.total() - this.unsigned} signed, ${this.unsigned} with a bad signature`,
      ...lines,
    ].join('\n');
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}
