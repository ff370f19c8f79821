import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationErrors, Role } from '@app/domain';
import { AppUser, AuditRepository, Organization } from '@app/persistence';
import { Actor } from '../auth/actor';
import { toUserResponse } from '../auth/dto/user.dto';
import { hashPassword } from '../auth/password-hasher';
import { pageOf, pageResponse } from '../common/page-query.dto';
import { isUniqueViolation } from '../common/unique-violation';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';
import {
  OrganizationPageDto,
  OrganizationQueryDto,
  OrganizationRegistrationResponseDto,
  OrganizationResponseDto,
  RegisterOrganizationDto,
  toOrganizationResponse,
} from './dto/organization.dto';
import { OrganizationsRepository } from './organizations.repository';
import { RegistrationLimiter } from './registration-limiter';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditRepository,
    private readonly limiter: RegistrationLimiter,
  ) {}

  /**
   * Public registration: the organization and its first applicant account are created together
   * or not at all, so there is never an organization nobody can sign in for.
   */
  async register(dto: RegisterOrganizationDto, clientIp: string): Promise<OrganizationRegistrationResponseDto> {
    await this.limiter.take(clientIp);
    const creditCode = dto.creditCode ? normalizeCreditCode(dto.creditCode) : null;
    if (creditCode !== null) {
      const problem = creditCodeProblem(creditCode);
      if (problem) throw problem;
    }
    const passwordHash = await hashPassword(dto.applicant.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organization = await manager.getRepository(Organization).save({
          kind: dto.kind,
          name: dto.name,
          community: dto.community,
          district: dto.district,
          contactName: dto.contactName,
          contactPhone: dto.contactPhone,
          creditCode,
        });
        const user = await manager.getRepository(AppUser).save({
          role: Role.Applicant,
          login: dto.applicant.login,
          displayName: dto.applicant.displayName,
          passwordHash,
          organizationId: organization.id,
        });
        const response = { organization: toOrganizationResponse(organization), applicant: toUserResponse(user) };
        await this.audit.record(
          {
            actorType: 'applicant',
            actorId: user.id,
            action: 'organization.register',
            subjectType: 'organization',
            subjectId: organization.id,
            after: response,
          },
          manager,
        );
        return response;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organization_credit_code_key')) {
        throw OrganizationErrors.creditCodeTaken();
      }
      if (isUniqueViolation(error, 'app_user_login_key')) {
        throw OrganizationErrors.loginTaken();
      }
      throw error;
    }
  }

  async mine(actor: Actor): Promise<OrganizationResponseDto> {
    if (actor.kind !== 'user' || actor.role !== Role.Applicant) throw OrganizationErrors.notFound();
    const organization = await this.organizations.findById(actor.organizationId);
    if (!organization) throw OrganizationErrors.notFound();
    return toOrganizationResponse(organization);
  }

  async get(id: string): Promise<OrganizationResponseDto> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw OrganizationErrors.notFound();
    return toOrganizationResponse(organization);
  }

  async list(query: OrganizationQueryDto): Promise<OrganizationPageDto> {
    const page = pageOf(query);
    const [items, total] = await this.organizations.list({ kind: query.kind, text: query.q }, page);
    return pageResponse(page, items.map(toOrganizationResponse), total);
  }
}
