import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationKind } from '@app/domain';
import { Organization } from '@app/persistence';
import { Page } from '../common/page-query.dto';

export interface OrganizationFilter {
  readonly kind?: OrganizationKind;
  /** Matched as a literal substring of the name or the community: `%` and `_` are not wildcards. */
  readonly text?: string;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  findById(id: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  async list(filter: OrganizationFilter, page: Page): Promise<[Organization[], number]> {
    const query = this.organizations.createQueryBuilder('o');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.text) {
      query.andWhere("(o.name ILIKE :text ESCAPE '\\' OR o.community ILIKE :text ESCAPE '\\')", {
        text: likePattern(filter.text),
      });
    }
    return query
      .orderBy('o.createdAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip(page.skip)
      .take(page.pageSize)
      .getManyAndCount();
  }
}
