import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization, PersistenceModule } from '@app/persistence';
import { AccountabilityModule } from '../accountability/accountability.module';
import { SanctionsModule } from '../sanctions/sanctions.module';
import { OrganizationHistoryController } from './organization-history.controller';
import { OrganizationHistoryRepository } from './organization-history.repository';
import { OrganizationHistoryService } from './organization-history.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { RegistrationLimiter } from './registration-limiter';

@Module({
  imports: [PersistenceModule, TypeOrmModule.forFeature([Organization]), AccountabilityModule, SanctionsModule],
  controllers: [OrganizationsController, OrganizationHistoryController],
  providers: [
    OrganizationsService,
    OrganizationsRepository,
    RegistrationLimiter,
    OrganizationHistoryService,
    OrganizationHistoryRepository,
  ],
})
export class OrganizationsModule {}
