import { AgreementViewOverrides, buildAgreementView, budgetLinesFor } from '../../test/agreement-view.factory';
import { errorOf } from '../../test/error-of';
import { flatten, readPdf } from '../../test/pdf-reader';
import { AgreementFonts, loadAgreementFonts, notoSansScDirectory } from '../fonts/agreement-fonts';
import { ReportsErrorCode } from '../reports.error';
import { renderAgreementPdf, renderAgreementPdfStream } from './render-agreement-pdf';

/** Amounts printed as 12,345.67 in a text line, back to fen. */
function fenOf(printed: string): bigint {
  return BigInt(printed.replace(/[,.]/g, ''));
}

function footerOk(page: string, n: number, pages: number): boolean {
  return page.includes(`第 ${n} 页 / 共 ${pages} 页`);
}

describe('renderAgreementPdf', () => {
  let fonts: AgreementFonts;

  beforeAll(() => {
    fonts = loadAgreementFonts(notoSansScDirectory());
  });

  describe('the 五顶岗 agreement in Chinese', () => {
    let pages: readonly string[];
    let text: string;
    let qpdfStatus: number | null;
    let qpdfOutput: string;

    beforeAll(async () => {
      ({ pages, qpdfStatus, qpdfOutput } = readPdf(await renderAgreementPdf(buildAgreementView(), fonts)));
      text = pages.join('\n');
    });

    it('passes qpdf --check', () => {
      expect(qpdfOutput).toContain('No syntax or stream encoding errors found');
      expect(qpdfStatus).toBe(0);
    });

    it('names the competition, the agreement number and both parties', () => {
      expect(text).toContain('项目资助协议书');
      expect(text).toContain('佛山市三水区西南街道2017年“红色核动力”党建项目创投大赛');
      expect(text).toContain('协议编号：GYCT-2026-0001');
      expect(text).toMatch(/甲方（资助方）：\s+佛山市三水区人民政府西南街道办事处/);
      expect(text).toMatch(/乙方（项目执行方）：\s+佛山市三水区西南街道五顶岗社区居民委员会/);
    });

    it('shows the project with its category and term', () => {
      expect(text).toMatch(/项目名称：\s+发挥先锋作用·真情服务群众/);
      expect(text).toMatch(/项目类别：\s+便民利民类/);
      expect(text).toContain('2017年7月1日至2017年12月31日');
    });

    it('states the grant in figures and in capital numerals, each on its own line', () => {
      expect(text).toMatch(/资助金额（小写）：\s+¥128,500\.50\n/);
      expect(text).toMatch(/资助金额（大写）：\s+人民币壹拾贰万捌仟伍佰元伍角整\n/);
    });

    it('pays tranches that add up to the grant', () => {
      const tranches = [...text.matchAll(/^\s*(首期|第二期|尾款)\s+\S+\s+(\d+)%\s+([\d,]+\.\d\d)\s*$/gm)];
      expect(tranches.map((m) => [m[1], m[2], m[3]])).toEqual([
        ['首期', '50', '64,250.25'],
        ['第二期', '30', '38,550.15'],
        ['尾款', '20', '25,700.10'],
      ]);
      expect(tranches.reduce((sum, m) => sum + fenOf(m[3]), 0n)).toBe(12_850_050n);
      expect(text).toMatch(/合计\s+100%\s+128,500\.50/);
    });

    it('lists the default duties, including refunds and the three-year ban', () => {
      expect(flatten(text)).toContain('资助资金专款专用');
      expect(flatten(text)).toContain('结余资金和未使用的资助资金自甲方通知之日起三十日内全额退回甲方');
      expect(flatten(text)).toContain('三年内不得申报甲方组织的公益创投项目');
    });

    it('leaves room for both parties to seal, sign and date', () => {
      expect(text).toMatch(/甲方（盖章）：\s+乙方（盖章）：/);
      expect(text).toMatch(/负责人（签字）：\s+负责人（签字）：/);
      expect(text).toMatch(/日期：＿+年＿+月＿+日\s+日期：＿+年＿+月＿+日/);
    });

    it('numbers every page as 第 n 页 / 共 N 页', () => {
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => expect(footerOk(page, i + 1, pages.length)).toBe(true));
    });
  });

  it('gives identical bytes for an identical view, whatever was rendered in between', async () => {
    const first = await renderAgreementPdf(buildAgreementView(), fonts);
    await renderAgreementPdf(buildAgreementView({}, 6), fonts);
    const again = await renderAgreementPdf(buildAgreementView(), fonts);
    expect(again.equals(first)).toBe(true);
    const later = await renderAgreementPdf(buildAgreementView({ generatedAt: '2026-03-19T09:30:00.000Z' }), fonts);
    expect(later.equals(first)).toBe(false);
  });

  it('streams the same document it buffers', async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of renderAgreementPdfStream(buildAgreementView(), fonts)) {
      chunks.push(chunk as Uint8Array);
    }
    expect(Buffer.concat(chunks).equals(await renderAgreementPdf(buildAgreementView(), fonts))).toBe(true);
  });

  it('wraps a very long title and project name inside the page', async () => {
    const competitionName =
      '佛山市三水区西南街道2017年“红色核动力”党建项目创投大赛暨社区公益服务品牌培育计划第一批资助项目评审及实施工作';
    const title =
      '发挥先锋作用·真情服务群众：党员志愿者便民服务日、困难群众结对帮扶与长者健康关爱三位一体社区服务示范项目';
    const reading = readPdf(
      await renderAgreementPdf(buildAgreementView({ competitionName, project: { title } }), fonts),
    );
    const firstPage = flatten(reading.pages[0]);
    expect(firstPage).toContain(competitionName);
    expect(firstPage).toContain(title);
    expect(Math.max(...reading.wordRightEdges)).toBeLessThanOrEqual(reading.pageWidth - 60);
  });

  it('carries 30 budget lines over to the next page with the header repeated, the total intact and the signatures kept with the closing article', async () => {
    const reading = readPdf(
      await renderAgreementPdf(buildAgreementView({ budgetLines: budgetLinesFor(12_850_050n, 30) }), fonts),
    );
    const { pages } = reading;
    const rows = pages.flatMap((page, pageIndex) =>
      [...page.matchAll(/^\s*(\d+)\s+\S.*?\s([\d,]+\.\d\d)\s*$/gm)].map((m) => ({
        no: Number(m[1]),
        fen: fenOf(m[2]),
        pageIndex,
      })),
    );
    const budgetRows = rows.filter((r) => r.no >= 1 && r.no <= 30);
    expect(budgetRows.map((r) => r.no)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(budgetRows.reduce((sum, r) => sum + r.fen, 0n)).toBe(12_850_050n);
    const tablePages = [...new Set(budgetRows.map((r) => r.pageIndex))];
    expect(tablePages.length).toBeGreaterThan(1);
    for (const pageIndex of tablePages) {
      expect(pages[pageIndex]).toMatch(/序号\s+支出项目\s+支出类别\s+金额（元）/);
    }
    expect(pages.join('\n')).toMatch(/合计\s+128,500\.50/);
    pages.forEach((page, i) => expect(footerOk(page, i + 1, pages.length)).toBe(true));
    expect(reading.qpdfStatus).toBe(0);
    const signaturePage = pages.find((page) => page.includes('甲方（盖章）')) ?? '';
    expect(signaturePage).toContain('第九条');
    expect(flatten(signaturePage)).toContain('本协议一式四份，甲乙双方各执两份');
  });

  it('prints the full project budget with each line’s funding source when matching funds are given', async () => {
    const base = buildAgreementView();
    const budgetLines = base.budgetLines.map((line, i) => ({ ...line, matchingFen: i === 0 ? 1_000_001n : 0n }));
    const text = readPdf(await renderAgreementPdf(buildAgreementView({ budgetLines }), fonts)).pages.join('\n');
    expect(flatten(text)).toContain('项目总预算138,500.51元，其中甲方资助128,500.50元、乙方配套资金10,000.01元');
    expect(text).toMatch(/序号\s+支出项目\s+支出类别\s+资助资金\s+配套资金\s+小计\n/);
    expect(text).toMatch(/合计\s+128,500\.50\s+10,000\.01\s+138,500\.51/);
  });

  it('cuts a budget item longer than a page with an ellipsis instead of drawing over the footer', async () => {
    const item = '社区长者助餐配送及上门探访服务'.repeat(180);
    const view = buildAgreementView({ budgetLines: [{ item, kind: '服务费', amountFen: 12_850_050n }] });
    const { pages } = readPdf(await renderAgreementPdf(view, fonts));
    const rowPage = pages.find((page) => page.includes('服务费')) ?? '';
    expect(rowPage).toContain('…');
    expect(rowPage).toMatch(/服务费\s+128,500\.50/);
    pages.forEach((page, i) => expect(footerOk(page, i + 1, pages.length)).toBe(true));
  });

  it('keeps the middle dot of a project name readable when a bullet was typed in an earlier name', async () => {
    const base = buildAgreementView();
    const view = buildAgreementView({ grantee: { ...base.grantee, name: '西南街道•五顶岗社区居民委员会' } });
    const text = readPdf(await renderAgreementPdf(view, fonts)).pages.join('\n');
    expect(text).toMatch(/项目名称：\s+发挥先锋作用·真情服务群众/);
    expect(text).toMatch(/乙方（项目执行方）：\s+西南街道·五顶岗社区居民委员会/);
  });

  it('prints names with markup characters exactly as typed', async () => {
    const title = '社区<|>议事厅 & <h>“邻里守望”\n<p>计划';
    const { pages } = readPdf(await renderAgreementPdf(buildAgreementView({ project: { title } }), fonts));
    expect(pages.join('\n')).toMatch(/项目名称：\s+社区<\|>议事厅 & <h>“邻里守望” <p>计划/);
  });

  it('renders the English agreement with the same amounts and the capital numerals', async () => {
    const { pages, qpdfStatus } = readPdf(await renderAgreementPdf(buildAgreementView({ locale: 'en' }), fonts));
    const text = pages.join('\n');
    expect(text).toContain('Project Funding Agreement');
    expect(text).toContain('Agreement No. GYCT-2026-0001');
    expect(text).toMatch(/Grant \(in figures\):\s+¥128,500\.50/);
    expect(text).toMatch(/Grant \(in words\):\s+人民币壹拾贰万捌仟伍佰元伍角整/);
    expect(text).toMatch(/First tranche\s+.*50%\s+64,250\.25/);
    expect(text).toContain('1 July 2017 to 31 December 2017');
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(qpdfStatus).toBe(0);
  });

  it('becomes a service purchase agreement for a direct purchase, listing the order’s deliverables', async () => {
    const view = buildAgreementView({
      competitionName: '小额直接购买',
      purchase: { beneficiaries: '辖区独居老人 40 人', deliverables: ['每月上门探访两次', '建立独居老人服务台账'] },
    });
    const text = readPdf(await renderAgreementPdf(view, fonts)).pages.join('\n');
    expect(text).toContain('服务购买协议');
    expect(text).not.toContain('项目资助协议书');
    expect(text).toMatch(/甲方（购买方）：\s+佛山市三水区人民政府西南街道办事处/);
    expect(text).toMatch(/乙方（服务承接方）：/);
    expect(text.replace(/\s+/g, '')).toContain('以小额直接购买方式向乙方购买本协议所列社区服务');
    expect(text).toMatch(/服务对象：\s+辖区独居老人 40 人/);
    expect(text).toMatch(/（一）\s+每月上门探访两次/);
    expect(text).toMatch(/（二）\s+建立独居老人服务台账/);
  });

  it('prints the signing date once it is known', async () => {
    const { pages } = readPdf(await renderAgreementPdf(buildAgreementView({ signingDate: '2017-06-28' }), fonts));
    expect(pages.join('\n')).toMatch(/日期：2017年6月28日\s+日期：2017年6月28日/);
  });

  describe('refuses a view that would print a wrong agreement', () => {
    const refuses = (overrides: AgreementViewOverrides, code: ReportsErrorCode, field: string): void => {
      expect(errorOf(() => renderAgreementPdfStream(buildAgreementView(overrides), fonts))).toMatchObject({
        code,
        field,
      });
    };

    it('when the tranches do not add up to the grant', () => {
      const view = buildAgreementView();
      const tranches = view.tranches.map((t, i) => (i === 0 ? { ...t, amountFen: 6_425_024n } : t));
      refuses({ tranches }, ReportsErrorCode.AmountMismatch, 'tranches');
    });

    it('when the budget does not add up to the grant', () => {
      refuses({ budgetLines: budgetLinesFor(12_850_000n) }, ReportsErrorCode.AmountMismatch, 'budgetLines');
    });

    it('when an amount is negative', () => {
      refuses(
        { budgetLines: [{ item: '活动物资', kind: '物资费', amountFen: -1n }] },
        ReportsErrorCode.InvalidAmount,
        'budgetLines.0.amountFen',
      );
    });

    it('when a required name is blank', () => {
      refuses({ project: { title: '  \n ' } }, ReportsErrorCode.InvalidView, 'project.title');
    });

    it('when a date is not a calendar date', () => {
      refuses({ project: { periodEnd: '2017-02-30' } }, ReportsErrorCode.InvalidView, 'project.periodEnd');
      refuses({ project: { periodStart: '2018-01-01' } }, ReportsErrorCode.InvalidView, 'project.periodEnd');
      refuses({ generatedAt: 'yesterday' }, ReportsErrorCode.InvalidView, 'generatedAt');
    });
  });
});
