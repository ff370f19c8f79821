import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import { DemoProject, submissionOf } from './competition-data';
import { createOffice, officeTenant, pad, say, signIn, yuan } from './demo-support';
import { smsCodeFromLog } from './public-vote';

/**
 * 点单式 before the year's competition, the way 长沙侯家塘 turned residents' micro-wishes into needs
 * lists and service projects and 淄博辛店 bought its ¥5,000 "我是社区大管家": residents of three
 * communities post needs from their phones and support their neighbours', each community lets them
 * through (one refused with its reason), groups them into needs lists by category and drafts
 * service orders; two are published into the categories of the office's open competition and
 * taken there by organizations' submissions, and 大管家 is bought directly: two organizations offer,
 * the community picks one with its reason. One phone signing in many numbers to support a need is
 * flagged and the community voids the burst with its reason. The office then reads the needs
 * funnel per community.
 */

interface Posted {
  readonly community: string;
  readonly category: string;
  readonly title: string;
  readonly forWhom: string;
  readonly peopleCount: number;
  /** Residents (by index) who support it besides the poster. */
  readonly supporters: readonly number[];
  /** The community's reason when it does not let the need through. */
  readonly refused?: string;
}

const COMMUNITIES = ['侯家塘', '白沙', '妙高峰'] as const;

/** Needs as residents word them; the residents are numbered 0–5, poster first. */
const NEEDS: readonly (Posted & { readonly poster: number })[] = [
  need(0, '侯家塘', 'elderly-care', '独居老人希望每周有人上门陪聊、代买菜', '3 号楼独居老人', 12, [1, 2]),
  need(1, '侯家塘', 'elderly-care', '老人想学用智能手机挂号、视频', '社区 60 岁以上老人', 40, [0]),
  need(2, '侯家塘', 'other', '楼道杂物多、邻里小事没人管，希望有人牵头', '侯家塘社区居民', 1200, [3]),
  need(3, '侯家塘', 'other', '楼道杂物没人管', '侯家塘社区居民', 1, [], '与「楼道杂物多、邻里小事没人管」重复，已合并'),
  need(3, '白沙', 'child-care', '双职工家庭孩子放学后没人照看', '白沙社区小学生', 35, [4]),
  need(4, '白沙', 'child-care', '暑假希望有孩子们的阅读活动', '白沙社区儿童', 50, []),
  need(5, '妙高峰', 'poverty-relief', '低保户希望冬天有人帮忙修缮门窗', '妙高峰社区低保户', 18, []),
];

function need(
  poster: number,
  community: string,
  category: string,
  title: string,
  forWhom: string,
  peopleCount: number,
  supporters: readonly number[],
  refused?: string,
): Posted & { readonly poster: number } {
  return { poster, community, category, title, forWhom, peopleCount, supporters, refused };
}

const CATEGORY_TITLES: Readonly<Record<string, string>> = {
  'elderly-care': '为老服务需求清单',
  'child-care': '儿童关爱需求清单',
  'poverty-relief': '扶贫帮困需求清单',
  other: '社区治理需求清单',
};

interface Order {
  readonly id: string;
  readonly state: string;
}

interface ReviewQueue {
  readonly supportGroups: readonly {
    readonly flags: readonly string[];
    readonly count: number;
    readonly supports: readonly { readonly id: string }[];
  }[];
}

/** Supports from one phone in the burst: the phone's first five pass, the rest are flagged. */
const BURST = 8;

interface Funnel {
  readonly communities: readonly {
    readonly communityId: string;
    readonly community: string;
    readonly stages: readonly { readonly state: string; readonly count: number; readonly averageDays: string | null }[];
  }[];
}

async function register(api: ApiClient, kind: string, name: string, community: string, runId: string, index: number) {
  const login = `${runId}-needs-${index}`;
  const password = randomBytes(12).toString('base64url');
  const registered = await api.post<{ organization: { id: string } }>('/organizations', {
    kind,
    name,
    community,
    district: '长沙市天心区侯家塘街道',
    contactName: kind === 'community' ? '社区党委书记' : '项目主管',
    contactPhone: `0731-8512${String(1000 + index).slice(1)}`,
    applicant: { login, password, displayName: `${name}申报人` },
  });
  return { id: registered.organization.id, client: await signIn(api, login, password) };
}

async function resident(api: ApiClient, apiLog: string, index: number): Promise<ApiClient> {
  const phone = `1397310${String(1000 + index).slice(1)}${runDigit}`;
  await api.post('/resident-sessions/sms', { phone });
  const smsCode = await smsCodeFromLog(apiLog, phone);
  const session = await api.post<{ token: string }>('/resident-sessions', { method: 'phone', phone, smsCode });
  return api.as(session.token);
}

/**
 * One phone signs in BURST numbers and supports the same need: beyond the phone's burst the
 * supports are flagged (they count until reviewed), and the community voids the phone's burst.
 */
async function burstVoided(
  api: ApiClient,
  apiLog: string,
  runId: string,
  community: { id: string; client: ApiClient },
  need: { id: string; title: string },
): Promise<void> {
  for (let i = 0; i < BURST; i += 1) {
    const neighbour = await resident(api, apiLog, 100 + i);
    await neighbour.post(`/resident/needs/${need.id}/supports`, { deviceId: `demo-one-phone-${runId}` });
  }
  const queue = await community.client.get<ReviewQueue>('/community/needs-review');
  const burst = queue.supportGroups.filter((g) => g.flags.includes('device-burst'));
  for (const group of burst) {
    await community.client.post('/community/needs-review/supports', {
      decision: 'void',
      reason: '同一部手机一分钟内登录多个号码附议，系刷单',
      supportIds: group.supports.map((s) => s.id),
    });
  }
  const flags = burst.map((g) => `${g.flags.join('+')} × ${g.count}`).join(', ');
  const wall = await api.get<{ needs: { id: string; supports: number }[] }>(`/needs-walls/${community.id}`);
  say(
    `  刷单审核 / review: ${BURST} supports of「${need.title}」from one phone, ${burst.reduce((n, g) => n + g.count, 0)} flagged (${flags}), ` +
      `voided by 侯家塘 with its reason; the wall now counts ${wall.needs.find((n) => n.id === need.id)?.supports ?? 0}`,
  );
}

/** The last digit of the residents' numbers changes per run, so a second run's SMS codes are its own. */
let runDigit = '0';

const HOUJIATANG_GRANTOR = {
  name: '长沙市天心区侯家塘街道办事处',
  address: '长沙市天心区劳动西路',
  representative: '刘建华',
};

/** A grant as the ledger lists it, what the demo prints of it. */
interface LedgerGrant {
  readonly agreementNumber: string;
  readonly orderId: string | null;
  readonly projectTitle: string;
  readonly amountFen: number;
  readonly paidFen: number;
  readonly nextTranche: { sequence: number; amountFen: number; conditionText: { zh: string } } | null;
}

export async function playNeedsStart(api: ApiClient, runId: string, apiLog: string): Promise<void> {
  runDigit = runId.slice(-1);
  say('');
  say('点单式 / residents order, communities draft, organizations take (侯家塘-like, before the competition)');
  const streetId = await officeTenant(
    'street',
    '侯家塘街道',
    await officeTenant('district', '长沙市天心区民政局', null),
  );
  const officeAccount = createOffice(`houjiatang-office-${runId}`, '侯家塘街道社会事务办', streetId);
  const office = await signIn(api, officeAccount.login, officeAccount.password);
  // The office's own grantor: party A of its competitions' agreements and of its direct purchases'.
  await office.put(`/tenants/${streetId}/settings`, { grantor: HOUJIATANG_GRANTOR });
  const competition = await office.post<{ id: string }>('/competitions', {
    preset: 'community-micro',
    title: `2027年 侯家塘街道社区公益微创投 ${runId}`,
    poolFen: 10_000_000,
    submissionDeadline: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
  });
  await office.post(`/competitions/${competition.id}/transitions`, { to: 'open' });

  const communities = new Map<string, { id: string; client: ApiClient }>();
  for (const [index, name] of COMMUNITIES.entries()) {
    const community = await register(api, 'community', `${name}社区居民委员会`, name, runId, index);
    // The community names its street office when it opens its wall.
    await community.client.post('/community/needs-wall', { tenantId: streetId });
    communities.set(name, community);
  }

  const residents: ApiClient[] = [];
  for (let i = 0; i < 6; i += 1) residents.push(await resident(api, apiLog, i));
  const ids = new Map<Posted, string>();
  for (const posted of NEEDS) {
    const community = communities.get(posted.community) as { id: string; client: ApiClient };
    const created = await residents[posted.poster].post<{ id: string }>('/resident/needs', {
      communityId: community.id,
      category: posted.category,
      title: posted.title,
      forWhom: posted.forWhom,
      peopleCount: posted.peopleCount,
    });
    ids.set(posted, created.id);
    await community.client.post(
      `/community/needs/${created.id}/moderation`,
      posted.refused ? { decision: 'refuse', reason: posted.refused } : { decision: 'publish' },
    );
    if (posted.refused)
      say(`  社区未通过 / refused on ${posted.community}'s wall: 「${posted.title}」: ${posted.refused}`);
    for (const supporter of posted.supporters)
      await residents[supporter].post(`/resident/needs/${created.id}/supports`);
  }
  say(
    `  居民提出 ${NEEDS.length} 条需求，${NEEDS.reduce((n, p) => n + p.supporters.length, 0)} 次附议 / needs posted and supported by phone-verified residents`,
  );
  await burstVoided(api, apiLog, runId, communities.get('侯家塘') as { id: string; client: ApiClient }, {
    id: ids.get(NEEDS[0]) as string,
    title: NEEDS[0].title,
  });

  const listed = new Map<string, string[]>();
  for (const [name, community] of communities) {
    const open = NEEDS.filter((p) => p.community === name && !p.refused);
    for (const category of [...new Set(open.map((p) => p.category))]) {
      const needIds = open.filter((p) => p.category === category).map((p) => ids.get(p) as string);
      await community.client.post('/community/needs-lists', {
        category,
        title: `2027 年${name}${CATEGORY_TITLES[category]}`,
        needIds,
      });
      listed.set(`${name}:${category}`, needIds);
    }
  }
  say(`  需求清单 / needs lists by category: ${listed.size}`);

  const takers = [
    await register(api, 'social-organization', '长沙市天心区乐龄社会工作服务中心', '侯家塘', runId, 10),
    await register(api, 'social-organization', '长沙市天心区童心社会工作服务中心', '白沙', runId, 11),
    await register(api, 'social-organization', '长沙市天心区邻里守望志愿服务社', '侯家塘', runId, 12),
  ];

  const draft = (
    community: string,
    category: string,
    title: string,
    deliverables: readonly string[],
    capFen: number,
    purchase: Record<string, unknown>,
  ) =>
    (communities.get(community) as { client: ApiClient }).client.post<Order>('/service-orders', {
      title,
      scope: `回应${community}社区居民在需求墙上的点单：${title}`,
      beneficiariesWho: `${community}社区居民`,
      beneficiariesCount: 60,
      deliverables,
      periodStart: '2027-03-01',
      periodEnd: '2027-12-31',
      budgetCapFen: capFen,
      needIds: listed.get(`${community}:${category}`),
      purchase,
    });

  const inCompetition = [
    {
      community: '侯家塘',
      category: 'elderly-care',
      competitionCategory: 'elderly',
      title: '银龄陪伴·智能手机课堂',
      deliverables: ['每周上门陪伴独居老人 12 户', '每月智能手机课堂 2 次'],
      taker: takers[0],
    },
    {
      community: '白沙',
      category: 'child-care',
      competitionCategory: 'children',
      title: '四点半课堂·暑期阅读',
      deliverables: ['学期内每个工作日四点半课堂', '暑期阅读活动 8 次'],
      taker: takers[1],
    },
  ];
  for (const order of inCompetition) {
    const drafted = await draft(order.community, order.category, order.title, order.deliverables, 1_000_000, {
      route: 'competition',
      competitionId: competition.id,
      competitionCategory: order.competitionCategory,
    });
    await (communities.get(order.community) as { client: ApiClient }).client.post(
      `/service-orders/${drafted.id}/publish`,
    );
    const project: DemoProject = {
      community: order.community,
      category: order.competitionCategory,
      title: order.title,
      requestedYuan: 9_000,
      matchingYuan: 1_000,
      quality: 0.8,
      who: `${order.community}社区居民`,
      count: 60,
      summary: `承接${order.community}社区的服务订单「${order.title}」。`,
      need: `${order.community}社区居民在需求墙上的点单，经社区需求清单汇总。`,
    };
    const submission = await order.taker.client.post<{ id: string }>(`/competitions/${competition.id}/submissions`, {
      ...submissionOf(project),
      targets: [...order.deliverables, '项目结束时满意度不低于 90%'],
    });
    await order.taker.client.post(`/submissions/${submission.id}/submit`);
    await order.taker.client.post(`/service-orders/${drafted.id}/submissions`, { submissionId: submission.id });
    say(
      `  纳入大赛 / into the competition's ${order.competitionCategory} category: ${order.community}「${order.title}」, taken by a submission`,
    );
  }

  const steward = await draft(
    '侯家塘',
    'other',
    '我是社区大管家',
    ['每月楼道巡查 4 次', '每季度居民议事会 1 次'],
    500_000,
    {
      route: 'direct',
    },
  );
  const houjiatang = (communities.get('侯家塘') as { client: ApiClient }).client;
  await houjiatang.post(`/service-orders/${steward.id}/publish`);
  await takers[2].client.post(`/service-orders/${steward.id}/offers`, {
    amountFen: 480_000,
    plan: '志愿者骨干每月巡查 4 次，每季度组织议事会',
  });
  const offered = await takers[0].client.post<{ offers: { id: string }[] }>(`/service-orders/${steward.id}/offers`, {
    amountFen: 500_000,
    plan: '持证社工驻点，建立居民诉求台账',
  });
  const picked = await houjiatang.post<{
    offers: { id: string; organizationName: string; amountFen: number; state: string }[];
  }>(`/service-orders/${steward.id}/pick`, {
    offerId: offered.offers[0].id,
    reason: '报价在上限内，持证社工驻点，有诉求台账',
  });
  const winner = picked.offers.find((o) => o.state === 'picked');
  say(
    `  小额直接购买 / direct purchase「我是社区大管家」 (cap ${yuan(500_000)}): ${picked.offers.length} offers, picked ${winner?.organizationName ?? ''} at ${yuan(winner?.amountFen ?? 0)}`,
  );
  // 政府买单: the office buys it; the purchase becomes a grant in the grants ledger.
  const bought = await office.post<LedgerGrant>(`/service-orders/${steward.id}/purchase`);
  say(
    `  政府买单 / the office buys it: 服务购买协议 ${bought.agreementNumber}, a grant of ${yuan(bought.amountFen)} in the grants ledger`,
  );
  const ledger = await office.get<{ items: LedgerGrant[] }>('/grants?pageSize=100');
  say('');
  say('资助台账（小额直接购买） / the grants ledger of direct purchases');
  say(`${pad('协议编号', 16)}${pad('项目', 16)}${pad('资助金额', 12)}${pad('已拨付', 10)}下一期 / next tranche`);
  for (const grant of ledger.items.filter((g) => g.orderId !== null)) {
    const next = grant.nextTranche;
    say(
      `${pad(grant.agreementNumber, 16)}${pad(grant.projectTitle, 16)}${pad(yuan(grant.amountFen), 12)}${pad(yuan(grant.paidFen), 10)}${next ? `第 ${next.sequence} 期 ${yuan(next.amountFen)} ${next.conditionText.zh}` : '—'}`,
    );
  }

  const funnel = await office.get<Funnel>('/needs-funnel');
  say('');
  say('需求漏斗 / the needs funnel');
  say(`${pad('社区', 10)}${pad('已收集', 10)}${pad('已列入清单', 12)}${pad('已制单', 10)}${pad('已承接', 10)}`);
  const ours = new Set([...communities.values()].map((c) => c.id));
  for (const row of funnel.communities.filter((c) => ours.has(c.communityId))) {
    const count = (state: string) => String(row.stages.find((s) => s.state === state)?.count ?? 0);
    say(
      `${pad(row.community, 10)}${pad(count('open'), 10)}${pad(count('listed'), 12)}${pad(count('ordered'), 10)}${pad(count('taken'), 10)}`,
    );
  }
}
