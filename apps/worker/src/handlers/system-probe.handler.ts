import { Injectable } from '@nestjs/common';
import { SystemProbePayload, SystemProbeResult } from '@app/queue';

/** Answers a readiness probe: proves Redis, the queue and this process all work end to end. */
@Injectable()
export class SystemProbeHandler {
  handle(data: SystemProbePayload): SystemProbeResult {
    return { requestedBy: data.requestedBy, workerPid: process.pid };
  }
}
