import { ApiClient, DemoApiError } from './api-client';
import { createOffice, officeTenant, say, signIn } from './demo-support';

/** One district with two street offices: the demo's competitions run in the first street. */
export interface OfficeTree {
  readonly districtId: string;
  readonly streetId: string;
  readonly otherStreetId: string;
}

export async function officeTree(): Promise<OfficeTree> {
  const districtId = await officeTenant('district', '佛山市三水区民政局', null);
  return {
    districtId,
    streetId: await officeTenant('street', '西南街道', districtId),
    otherStreetId: await officeTenant('street', '云东海街道', districtId),
  };
}

async function statusOf(request: Promise<unknown>): Promise<string> {
  try {
    await request;
    return 'HTTP 200';
  } catch (error) {
    if (!(error instanceof DemoApiError)) throw error;
    const reason = (error.body as { reason?: string }).reason;
    return `HTTP ${error.status}${reason ? ` ${reason}` : ''}`;
  }
}

/**
 * What the other street and the district see of 西南街道's competition: nothing at all for the
 * street (its list is empty, the competition's page is missing), everything read-only for the district.
 */
export async function showTenantIsolation(
  api: ApiClient,
  tree: OfficeTree,
  competitionId: string,
  runId: string,
): Promise<void> {
  const otherAccount = createOffice(`yundonghai-office-${runId}`, '云东海街道办公室', tree.otherStreetId);
  const other = await signIn(api, otherAccount.login, otherAccount.password);
  const districtAccount = createOffice(`sanshui-district-${runId}`, '三水区民政局', tree.districtId);
  const district = await signIn(api, districtAccount.login, districtAccount.password);

  say('');
  say('== 多个办公室 / offices as tenants: 三水区民政局 → 西南街道, 云东海街道');
  const otherList = await other.get<{ total: number }>('/competitions');
  say(`云东海街道 的大赛列表 / Yundonghai's competitions: ${otherList.total}`);
  say(
    `云东海街道 打开西南街道的大赛 / Yundonghai opens Xinan's competition: ${await statusOf(other.get(`/competitions/${competitionId}`))}`,
  );
  const districtList = await district.get<{ items: { id: string }[] }>('/competitions');
  const seen = districtList.items.some((item) => item.id === competitionId);
  say(`三水区民政局 看到西南街道的大赛 / the district sees Xinan's competition: ${seen ? '是 / yes' : '否 / no'}`);
  say(
    `三水区民政局 修改它 / the district edits it: ${await statusOf(district.patch(`/competitions/${competitionId}`, { title: '区级改名' }))}`,
  );
}
