import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEnum, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { OrganizationKind } from '@app/domain';
import { Organization } from '@app/persistence';
import { LoginField, NewPasswordField } from '../../auth/credentials';
import { UserResponseDto } from '../../auth/dto/user.dto';
import { PageOf, PageQueryDto } from '../../common/page-query.dto';
import { Optional, StringField, TextField, says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';

function PhoneField(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(
      /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/,
      says('须为 6–30 位，只含数字、空格和 + - ( )', 'must be 6 to 30 digits, spaces and + - ( )'),
    ),
  );
}

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RegisterApplicantDto {
  @ApiProperty({ example: 'wudinggang', description: '3–64 位小写字母、数字或 . _ @ - / 3–64 of a-z 0-9 . _ @ -' })
  @Label('登录名', 'login')
  @LoginField()
  login: string;

  @ApiProperty({ example: '五顶岗社区 2026 申报', minLength: 10, maxLength: 128, format: 'password' })
  @Label('密码', 'password')
  @NewPasswordField()
  password: string;

  @ApiProperty({ example: '李敏', maxLength: 50 })
  @Label('姓名', 'name')
  @TextField({ max: 50 })
  displayName: string;
}

export class RegisterOrganizationDto {
  @ApiProperty({ enum: OrganizationKind, example: OrganizationKind.Community })
  @Label('组织类型', 'kind of organization')
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @ApiProperty({ example: '五顶岗社区居民委员会', maxLength: 100 })
  @Label('组织名称', 'organization name')
  @TextField({ max: 100 })
  name: string;

  @ApiProperty({ example: '五顶岗', maxLength: 50, description: '服务或所在社区 / the community served' })
  @Label('服务社区', 'community served')
  @TextField({ max: 50 })
  community: string;

  @ApiProperty({ example: '佛山市三水区西南街道', maxLength: 100 })
  @Label('所在街道/区', 'district')
  @TextField({ max: 100 })
  district: string;

  @ApiProperty({ example: '李敏', maxLength: 50 })
  @Label('联系人', 'contact person')
  @TextField({ max: 50 })
  contactName: string;

  @ApiProperty({ example: '0757-87712345', description: 'digits, spaces, + - ( )' })
  @Label('联系电话', 'contact phone')
  @Transform(trim)
  @PhoneField()
  contactPhone: string;

  @ApiPropertyOptional({
    example: '52440607MJL123454K',
    nullable: true,
    type: String,
    description: '统一社会信用代码，填写时校验第 18 位校验码 / checked against its check character when given',
  })
  @Label('统一社会信用代码', 'unified social credit code')
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @StringField(30, { allowEmpty: true })
  creditCode?: string | null;

  @ApiProperty({ type: RegisterApplicantDto, description: '本组织的第一个申报账号 / the first applicant account' })
  @Label('申报账号', 'applicant account')
  @IsDefined()
  @ValidateNested()
  @Type(() => RegisterApplicantDto)
  applicant: RegisterApplicantDto;
}

export class OrganizationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OrganizationKind, example: OrganizationKind.Community })
  @Label('组织类型', 'kind of organization')
  @Optional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ example: '五顶岗', description: '名称或社区包含此文字 / name or community contains' })
  @Label('搜索文字', 'search text')
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
