import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization, PersistenceModule } from '@app/persistence';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { RegistrationLimiter } from './registration-limiter';

@Module({
  imports: [PersistenceModule, TypeOrmModule.forFeature([Organization])],
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrganizationsRepository, RegistrationLimiter],
})
export class OrganizationsModule {}
