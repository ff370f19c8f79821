import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { Label } from '../../common/label.decorator';

/**
 * A printed sign-in code as typed on a tablet. Not required to be non-empty: an empty code is a
 * wrong code, counted like any other.
 */
export function SignInCodeField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'K7QM-4XPA', description }),
    Label('签到码', 'sign-in code'),
    // Registered length first, type second: a refused code lists its reasons in the order clients already get.
    MaxLength(64),
    IsString(),
  );
}

export class JudgeSignInDto {
  @SignInCodeField('评委签到码，大小写与连字符不限 / sign-in code; case and dashes do not matter')
  code: string;

  @ApiProperty({
    format: 'uuid',
    example: '8d3e1f20-6b4a-4f7c-8e2d-1a9b0c7d6e5f',
    description:
      '签到的路演（评委链接和签到单二维码中已带）；错误次数按路演计算 / the roadshow signed in to (the judge link and ' +
      'the code sheet’s QR codes carry it); wrong codes are counted per roadshow',
  })
  @Label('路演编号', 'roadshow ID')
  @IsUUID()
  roadshowId: string;
}
