import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class DrawOrderDto {
  @ApiPropertyOptional({
    example: '2026-05-20-fc3d-417',
    description:
      '公开的抽签种子（1–128 个可见 ASCII 字符，如彩票开奖号码；只用 ASCII 是为了任何工具复算时字节一致）；' +
      '不填则随机生成 128 位十六进制种子。 / The published seed (1–128 visible ASCII characters, e.g. a lottery ' +
      'draw; ASCII only so that every tool hashes the same bytes); when absent, 128 random bits as hex.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,128}$/)
  seed?: string;
}
