import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditRepository } from './audit/audit.repository';
import { dataSourceOptions } from './data-source';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
    }),
    TypeOrmModule.forFeature([AuditEvent]),
  ],
  providers: [AuditRepository],
  exports: [AuditRepository],
})
export class PersistenceModule {}
