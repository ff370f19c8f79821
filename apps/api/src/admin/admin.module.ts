import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { TenantApiKeysController } from './tenant-api-keys.controller';
import { TenantApiKeysService } from './tenant-api-keys.service';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

/** The admin console's API: offices, their accounts, their API keys and their settings. */
@Module({
  imports: [PersistenceModule],
  controllers: [TenantsController, AccountsController, TenantApiKeysController],
  providers: [TenantsService, AccountsService, TenantApiKeysService],
})
export class AdminModule {}
