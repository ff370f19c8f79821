import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { ApiError } from '../common/api-error.decorator';
import { BoardResponseDto } from './dto/board-response.dto';
import { RoadshowIdParams } from './dto/roadshow-params.dto';
import { RoadshowBoardService } from './roadshow-board.service';

@ApiTags('board 大屏')
@Public()
@Controller('roadshows')
export class RoadshowBoardController {
  constructor(private readonly board: RoadshowBoardService) {}

  @Get(':id/board')
  @ApiOperation({
    summary: '路演大屏快照 / live board snapshot',
    description:
      'Public. The project on stage with its timer, how many judges have submitted per slot, locked slots with the ' +
      'announced score and the dropped totals (no judge names), and the running ranking of locked slots. Nothing about ' +
      'an unlocked slot’s scores.',
  })
  @ApiResponse({ status: 200, type: BoardResponseDto })
  @ApiError(400)
  @ApiError(404, '路演不存在 / no such roadshow')
  snapshot(@Param() params: RoadshowIdParams): Promise<BoardResponseDto> {
    return this.board.board(params.id);
  }
}
