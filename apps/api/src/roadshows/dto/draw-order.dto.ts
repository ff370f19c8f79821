import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Label } from '../../common/label.decorator';

export class DrawOrderDto {
  @ApiPropertyOptional({
    example: '2026-05-10 体彩排列5 83417',
    maxLength: 200,
    description:
      '公开的抽签种子：任意可打印文本（最多 200 个字符，可含中文和空格），如当天的彩票开奖号码；去掉首尾空白并做 NFC 规范化后' +
      '按 UTF-8 字节参与哈希。不填则随机生成 128 位十六进制种子。 / The published seed: any printable text (at most 200 ' +
      'characters, Chinese and spaces allowed), e.g. the day’s lottery draw; trimmed, normalized to NFC and hashed as ' +
      'UTF-8 bytes. When absent, 128 random bits as hex.',
  })
  @Label('抽签种子', 'draw seed')
  @IsOptional()
  @IsString()
  @MaxLength(400)
  seed?: string;
}
