import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, loadConfig } from '@app/config';
import { WorkerModule } from './worker.module';

/** No HTTP: the worker only consumes queues. Shutdown hooks let BullMQ finish the current job on SIGTERM. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: createLogger(config.log, 'worker'),
  });
  app.enableShutdownHooks();
  new Logger('worker').log(`worker ready (pid ${process.pid}, concurrency ${config.queue.workerConcurrency})`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
