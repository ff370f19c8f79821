import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Competition, PersistenceModule, Roadshow } from '@app/persistence';
import { CompetitionsController } from './competitions.controller';
import { CompetitionsRepository } from './competitions.repository';
import { CompetitionsService } from './competitions.service';

@Module({
  imports: [PersistenceModule, TypeOrmModule.forFeature([Competition, Roadshow])],
  controllers: [CompetitionsController],
  providers: [CompetitionsService, CompetitionsRepository],
  exports: [CompetitionsRepository],
})
export class CompetitionsModule {}
