import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { SmsChallenges } from './sms-challenges';
import { VoteBatches } from './vote-batches';
import { VoteGuard } from './vote-guard';
import { VoteHashes } from './vote-hashes';
import { VoteRoundsController } from './vote-rounds.controller';
import { VoteRoundsService } from './vote-rounds.service';
import { VoterController } from './voter.controller';
import { VoterSignInLimiter } from './voter-sign-in-limiter';
import { CodeVerification, PhoneVerification } from './voter-verification';
import { VotesRepository } from './votes.repository';
import { VotingService } from './voting.service';

@Module({
  imports: [PersistenceModule],
  controllers: [VoteRoundsController, VoterController],
  providers: [
    VotesRepository,
    VoteRoundsService,
    VotingService,
    VoteBatches,
    VoteGuard,
    VoteHashes,
    VoterSignInLimiter,
    SmsChallenges,
    CodeVerification,
    PhoneVerification,
  ],
  exports: [SmsChallenges, VoterSignInLimiter, VoteHashes],
})
export class VotesModule {}
