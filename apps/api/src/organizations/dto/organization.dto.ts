import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEnum, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { OrganizationKind } from '@app/domain';
import { Organization } from '@app/persistence';
import { LoginField, NewPasswordField } from '../../auth/credentials';
import { UserResponseDto } from '../../auth/dto/user.dto';
import { PageOf, PageQueryDto } from '../../common/page-query.dto';
import { Optional, StringField, TextField } from '../../common/input.decorators';

function PhoneField(): PropertyDecorator {
  return applyDecorators(IsString(), Matches(/^\+?[0-9][0-9 ()-]{4,28}[0-9]$/));
}

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RegisterApplicantDto {
  @ApiProperty({ example: 'wudinggang', description: '3–64 位小写字母、数字或 . _ @ - / 3–64 of a-z 0-9 . _ @ -' })
  @LoginField()
  login: string;

  @ApiProperty({ example: '五顶岗社区 2026 申报', minLength: 10, maxLength: 128, format: 'password' })
  @NewPasswordField()
  password: string;

  @ApiProperty({ example: '李敏', maxLength: 50 })
  @TextField({ max: 50 })
  displayName: string;
}

export class RegisterOrganizationDto {
  @ApiProperty({ enum: OrganizationKind, example: OrganizationKind.Community })
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @ApiProperty({ example: '五顶岗社区居民委员会', maxLength: 100 })
  @TextField({ max: 100 })
  name: string;

  @ApiProperty({ example: '五顶岗', maxLength: 50, description: '服务或所在社区 / the community served' })
  @TextField({ max: 50 })
  community: string;

  @ApiProperty({ example: '佛山市三水区西南街道', maxLength: 100 })
  @TextField({ max: 100 })
  district: string;

  @ApiProperty({ example: '李敏', maxLength: 50 })
  @TextField({ max: 50 })
  contactName: string;

  @ApiProperty({ example: '0757-87712345', description: 'digits, spaces, + - ( )' })
  @Transform(trim)
  @PhoneField()
  contactPhone: string;

  @ApiPropertyOptional({
    example: '52440607MJL123454K',
    nullable: true,
    type: String,
    description: '统一社会信用代码，填写时校验第 18 位校验码 / checked against its check character when given',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @StringField(30, { allowEmpty: true })
  creditCode?: string | null;

  @ApiProperty({ type: RegisterApplicantDto, description: '本组织的第一个申报账号 / the first applicant account' })
  @IsDefined()
  @ValidateNested()
  @Type(() => RegisterApplicantDto)
  applicant: RegisterApplicantDto;
}

export class OrganizationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OrganizationKind, example: OrganizationKind.Community })
  @Optional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ example: '五顶岗', description: '名称或社区包含此文字 / name or community contains' })
  @TextField({ max: 100, optional: true })
  q?: string;
}

export class OrganizationResponseDto {
  @ApiProperty({ example: '0d9e6f4a-1c2b-4e3d-8a7f-5b6c9d0e1f2a', format: 'uuid' })
  id: string;

  @ApiProperty({ enum: OrganizationKind, example: OrganizationKind.Community })
  kind: OrganizationKind;

  @ApiProperty({ example: '五顶岗社区居民委员会' })
  name: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ example: '佛山市三水区西南街道' })
  district: string;

  @ApiProperty({ example: '李敏' })
  contactName: string;

  @ApiProperty({ example: '0757-87712345' })
  contactPhone: string;

  @ApiProperty({ example: '52440607MJL123454K', nullable: true, type: String })
  creditCode: string | null;

  @ApiProperty({ example: '2026-02-10T08:00:00.000Z', format: 'date-time' })
  createdAt: string;
}

export class OrganizationRegistrationResponseDto {
  @ApiProperty({ type: OrganizationResponseDto })
  organization: OrganizationResponseDto;

  @ApiProperty({ type: UserResponseDto })
  applicant: UserResponseDto;
}

export class OrganizationPageDto extends PageOf(OrganizationResponseDto) {}

export function toOrganizationResponse(organization: Organization): OrganizationResponseDto {
  return {
    id: organization.id,
    kind: organization.kind,
    name: organization.name,
    community: organization.community,
    district: organization.district,
    contactName: organization.contactName,
    contactPhone: organization.contactPhone,
    creditCode: organization.creditCode,
    createdAt: organization.createdAt.toISOString(),
  };
}
