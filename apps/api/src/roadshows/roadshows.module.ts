import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { JudgeScoringService } from './judge-scoring.service';
import { JudgeSessionsController } from './judge-sessions.controller';
import { JudgeSessionsService } from './judge-sessions.service';
import { JudgeSignInLimiter } from './judge-sign-in-limiter';
import { JudgeViewService } from './judge-view.service';
import { JudgeController } from './judge.controller';
import { JudgeRepository } from './judge.repository';
import { JudgesService } from './judges.service';
import { RecusalsService } from './recusals.service';
import { RoadshowBoardController } from './roadshow-board.controller';
import { RoadshowBoardService } from './roadshow-board.service';
import { RoadshowSlotsService } from './roadshow-slots.service';
import { RoadshowRepository } from './roadshow.repository';
import { RoadshowsController } from './roadshows.controller';
import { RoadshowsService } from './roadshows.service';
import { ScoreRepository } from './score.repository';

/** 路演: panel, conflicts, order draw, the stage, live judge scoring and the public board. */
@Module({
  imports: [PersistenceModule],
  controllers: [RoadshowsController, RoadshowBoardController, JudgeSessionsController, JudgeController],
  providers: [
    RoadshowRepository,
    JudgeRepository,
    ScoreRepository,
    RoadshowsService,
    JudgesService,
    RecusalsService,
    RoadshowSlotsService,
    JudgeSessionsService,
    JudgeSignInLimiter,
    JudgeScoringService,
    JudgeViewService,
    RoadshowBoardService,
  ],
})
export class RoadshowsModule {}
