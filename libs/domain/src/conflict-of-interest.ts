/** A panel member's own ties: a project of their organization or community is a conflict. */
export interface PanelMemberTies {
  readonly organizationId: string | null;
  readonly community: string | null;
}

export interface ProjectTies {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly community: string;
}

/** Why a panel member is recused automatically, as the recusal records it (the organization first). */
export function conflictReason(conflict: {
  readonly sameOrganization: boolean;
  readonly organizationName: string;
  readonly community: string;
}): string {
  return conflict.sameOrganization
    ? `同一组织：${conflict.organizationName} / same organization: ${conflict.organizationName}`
    : `同一社区：${conflict.community} / same community: ${conflict.community}`;
}

/**
 * 回避 the rule judges and evaluators share: a member is recused from a project of their own
 * organization or their own community. The reason, or null when there is no conflict.
 */
export function conflictOfInterest(member: PanelMemberTies, project: ProjectTies): string | null {
  const sameOrganization = member.organizationId !== null && member.organizationId === project.organizationId;
  const sameCommunity = member.community !== null && member.community === project.community;
  return sameOrganization || sameCommunity ? conflictReason({ ...project, sameOrganization }) : null;
}
