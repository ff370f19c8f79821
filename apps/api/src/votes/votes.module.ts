import { Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { SMS_PROVIDER, smsProviderOf } from './sms-provider';
import { SmsChallenges } from './sms-challenges';
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
    VoteGuard,
    VoteHashes,
    VoterSignInLimiter,
    SmsChallenges,
    CodeVerification,
    PhoneVerification,
    { provide: SMS_PROVIDER, inject: [AppConfig], useFactory: smsProviderOf },
  ],
  exports: [SMS_PROVIDER, SmsChallenges, VoterSignInLimiter, VoteHashes],
})
export class VotesModule {}
