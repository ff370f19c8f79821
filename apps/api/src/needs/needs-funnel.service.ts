import { Injectable } from '@nestjs/common';
import { OfficeActor } from '../auth/actor';
import { NeedsFunnelDto } from './dto/needs.dto';
import { needsFunnel } from './needs-funnel';
import { NeedsRepository } from './needs.repository';

/** The office's view of 点单式: per community of its own, needs collected → listed → ordered → taken → delivered. */
@Injectable()
export class NeedsFunnelService {
  constructor(private readonly needs: NeedsRepository) {}

  async funnel(actor: OfficeActor): Promise<NeedsFunnelDto> {
    const timelines = await this.needs.timelines(actor.tenantId);
    const communities = await this.needs.organizations(timelines.map((t) => t.communityId));
    const now = new Date();
    return {
      communities: communities
        .sort((a, b) => a.community.localeCompare(b.community, 'zh-CN'))
        .map((community) => ({
          communityId: community.id,
          community: community.community,
          stages: needsFunnel(
            timelines.filter((t) => t.communityId === community.id),
            now,
          ).map((stage) => ({ ...stage })),
        })),
    };
  }
}
