import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { OutboxRepository } from '@app/persistence';
import { LiveStreamService } from '../live/live-stream.service';
import { OpsQueues } from './ops-queues';

/** Seconds; the tail is long because a burst of 30 judges' posts answers within 0.1–2 s on a busy machine. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type ScorePostOutcome =
  { readonly outcome: 'accepted' } | { readonly outcome: 'refused'; readonly reason: string };

/**
 * The process's Prometheus registry. A registry per app rather than prom-client's global one, so two
 * apps in one process (the tests) never count into each other. Queue counts and the outbox's age are
 * read when scraped, so they are as fresh as the scrape and cost nothing between scrapes.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('metrics');
  private readonly registry = new Registry();
  private readonly httpDuration: Histogram<'route' | 'method' | 'status_class'>;
  private readonly scorePosts: Counter<'outcome' | 'reason'>;

  constructor(
    private readonly queues: OpsQueues,
    outbox: OutboxRepository,
    live: LiveStreamService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status class (2xx, 4xx, ...), in seconds',
      labelNames: ['route', 'method', 'status_class'],
      buckets: HTTP_BUCKETS,
      registers: [this.registry],
    });
    this.scorePosts = new Counter({
      name: 'gongyi_score_posts_total',
      help: 'Judges’ score posts: accepted, or refused with the refusal’s reason',
      labelNames: ['outcome', 'reason'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'gongyi_live_connections',
      help: 'Open live event streams (big screens, office consoles) on this process',
      registers: [this.registry],
      collect() {
        this.set(live.connectionCount());
      },
    });
    const logger = this.logger;
    new Gauge({
      name: 'gongyi_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest job written to the outbox and not yet queued; 0 when none waits',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await outbox.oldestPendingAgeSeconds());
        } catch (error) {
          // Postgres down: the figure is absent from this scrape rather than a misleading 0.
          this.reset();
          logger.debug(`outbox age not read: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.httpDuration.observe({ route, method, status_class: `${Math.floor(status / 100)}xx` }, seconds);
  }

  countScorePost(post: ScorePostOutcome): void {
    this.scorePosts.inc({ outcome: post.outcome, reason: post.outcome === 'refused' ? post.reason : 'none' });
  }

  /** The registry's metrics, then BullMQ's own export per queue (job counts by state, completed and failed totals). */
  async render(): Promise<string> {
    const own = await this.registry.metrics();
    const queues = await Promise.all(
      this.queues.all.map((queue) =>
        queue.exportPrometheusMetrics().catch((error: unknown) => {
          this.logger.debug(`queue ${queue.name} not read: ${error instanceof Error ? error.message : String(error)}`);
          return '';
        }),
      ),
    );
    return `${own}${mergeFamilies(queues)}`;
  }
}

/**
 * BullMQ writes HELP and TYPE for each queue's export; the text format allows them once per metric
 * family, so the queues' samples are gathered under one header each.
 */
function mergeFamilies(exports: readonly string[]): string {
  const families = new Map<string, { header: string[]; samples: string[] }>();
  for (const text of exports) {
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const name = line.startsWith('#') ? line.split(' ')[2] : line.split(/[{ ]/)[0];
      const family = families.get(name) ?? { header: [], samples: [] };
      families.set(name, family);
      if (!line.startsWith('#')) family.samples.push(line);
      else if (!family.header.includes(line)) family.header.push(line);
    }
  }
  return [...families.values()].map((family) => [...family.header, ...family.samples, ''].join('\n')).join('');
}
