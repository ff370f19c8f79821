import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class JudgeSignInDto {
  @ApiProperty({
    example: 'K7QM-4XPA',
    description: '评委签到码，大小写与连字符不限 / sign-in code; case and dashes do not matter',
  })
  @IsString()
  @MaxLength(64)
  code: string;
}
