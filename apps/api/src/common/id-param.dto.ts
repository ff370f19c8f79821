import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Label } from './label.decorator';

/** `:id` in a path: a malformed id is a 400 naming `id`, never a database error. */
export class IdParamDto {
  @ApiProperty({ example: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d', format: 'uuid' })
  @Label('地址中的编号', 'ID in the address')
  @IsUUID()
  id: string;
}
