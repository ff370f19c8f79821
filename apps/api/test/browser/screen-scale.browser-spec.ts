import { join } from 'node:path';
import { Page } from 'playwright-core';
import request from 'supertest';
import { COMPETITION_PRESETS, JudgeGroup } from '@app/domain';
import { DrawResponseDto } from '../../src/roadshows/dto/draw-response.dto';
import { addJudge, bearer, createRoadshow, partyBuildingSheet, roadshowCompetition } from '../roadshow.factory';
import { BIG_SCREEN, expectAccessible, screenshotDir, servePages } from './browser-harness';

/** How long the screen shows one page of the ranking (screen/main.js). */
const RANKING_PAGE_MS = 8_000;

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

interface Layout {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly page: { readonly scrollWidth: number; readonly scrollHeight: number };
  readonly panel: Box;
  readonly rows: readonly (Box & { slotId: string; rank: string; titleCut: boolean })[];
  readonly pageNumber: number;
  readonly pages: number;
  readonly strip: Box;
  readonly chips: readonly (Box & { text: string; cut: boolean })[];
  readonly footer: readonly Box[];
}

const LAYOUT = `(() => {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const ranking = document.getElementById('ranking');
  const style = getComputedStyle(ranking);
  const panel = box(ranking);
  return {
    viewport: { width: innerWidth, height: innerHeight },
    page: { scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight },
    panel: { ...panel, bottom: panel.bottom - parseFloat(style.paddingBottom) },
    rows: [...document.querySelectorAll('#ranking-table tbody tr')].map((row) => {
      const title = row.querySelector('.ranking-title');
      return {
        ...box(row),
        slotId: row.dataset.slotId,
        rank: row.querySelector('.rank').textContent,
        titleCut: title.scrollWidth > title.clientWidth && getComputedStyle(title).textOverflow !== 'ellipsis',
      };
    }),
    pageNumber: Number(ranking.dataset.page),
    pages: Number(ranking.dataset.pages),
    strip: box(document.getElementById('order-list')),
    chips: [...document.querySelectorAll('#order-list li')].map((chip) => ({
      ...box(chip),
      text: chip.textContent,
      cut: chip.scrollWidth > chip.clientWidth + 1,
    })),
    footer: [...document.getElementById('order').children].map(box),
  };
})()`;

/** Boxes that share any area. */
function overlapping(boxes: readonly Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
        pairs.push([i, j]);
      }
    }
  }
  return pairs;
}

describe('the hall screen with a real day’s projects (1920×1080)', () => {
  const served = servePages();
  const shots = screenshotDir();

  const http = () => request(served.app.getHttpServer());

  /** A roadshow of `count` projects, every one pitched, scored and announced. */
  async function announcedRoadshow(count: number): Promise<{ roadshowId: string; slotIds: string[] }> {
    const fixture = await roadshowCompetition(served.app, count, { ...COMPETITION_PRESETS['party-building'] });
    const roadshowId = await createRoadshow(served.app, fixture);
    const judge = await addJudge(served.app, fixture.officeToken, roadshowId, {
      name: '陈卫东',
      group: JudgeGroup.Expert,
    });
    const office = bearer(fixture.officeToken);
    const drawn = await http()
      .post(`/roadshows/${roadshowId}/draw`)
      .set(office)
      .send({ seed: `scale-${count}` });
    const slots = (drawn.body as DrawResponseDto).slots;
    for (const [i, slot] of slots.entries()) {
      const path = `/roadshows/${roadshowId}/slots/${slot.slotId}`;
      await http().post(`${path}/start`).set(office).expect(200);
      await http()
        .put(`/judge/slots/${slot.slotId}/score`)
        .set(bearer(judge.token))
        .set('Idempotency-Key', `scale-${slot.slotId}`)
        .send(partyBuildingSheet(String(60 + ((i * 37) % 40))))
        .expect(200);
      await http().post(`${path}/open-scoring`).set(office).expect(200);
      await http().post(`${path}/lock`).set(office).send({}).expect(200);
    }
    return { roadshowId, slotIds: slots.map((slot) => slot.slotId) };
  }

  /** Checks the page as it is: nothing beyond the screen, no row cut, the strip whole and apart. */
  async function checkLayout(page: Page, count: number): Promise<Layout> {
    const layout = await page.evaluate<Layout>(LAYOUT);
    expect(layout.page).toEqual({ scrollWidth: layout.viewport.width, scrollHeight: layout.viewport.height });
    expect(layout.rows.length).toBeGreaterThan(0);
    for (const row of layout.rows) {
      expect({ rank: row.rank, inside: row.top >= layout.panel.top && row.bottom <= layout.panel.bottom }).toEqual({
        rank: row.rank,
        inside: true,
      });
      expect(row.titleCut).toBe(false);
    }
    expect(layout.chips).toHaveLength(count);
    for (const chip of layout.chips) {
      expect({ chip: chip.text, inside: chip.left >= layout.strip.left && chip.right <= layout.strip.right }).toEqual({
        chip: chip.text,
        inside: true,
      });
      expect({ chip: chip.text, cut: chip.cut }).toEqual({ chip: chip.text, cut: false });
    }
    expect(overlapping(layout.chips)).toEqual([]);
    expect(overlapping(layout.footer)).toEqual([]);
    for (const part of layout.footer) expect(part.right).toBeLessThanOrEqual(layout.viewport.width);
    return layout;
  }

  it.each([15, 50])(
    'shows all %i announced projects a page at a time, nothing cut or overlapping, the order strip whole',
    async (count) => {
      const { roadshowId, slotIds } = await announcedRoadshow(count);
      const context = await served.browser.newContext(BIG_SCREEN);
      const page = await context.newPage();
      // The screen turns pages on a timer: the test moves the page's clock instead of waiting.
      await page.clock.install();
      await page.goto(`${served.baseUrl}/screen/?roadshow=${roadshowId}`);
      await page.locator('#ranking-table tbody tr').first().waitFor();
      await page.locator('#result').waitFor();
      const first = await checkLayout(page, count);
      expect(first.pages).toBeGreaterThan(1);
      expect(first.pages).toBe(Math.ceil(count / first.rows.length));
      process.stdout.write(`big screen, ${count} projects: ${first.rows.length} rows a page, ${first.pages} pages\n`);
      await page.screenshot({ path: join(shots, `screen-${count}-projects-page-1.png`) });
      await expectAccessible(page, `screen with ${count} projects, page 1`);

      const pages = new Map<number, Layout['rows']>();
      let layout = first;
      for (let turn = 0; turn < first.pages; turn += 1) {
        pages.set(layout.pageNumber, layout.rows);
        await page.clock.runFor(RANKING_PAGE_MS);
        await page.locator(`#ranking[data-page="${(layout.pageNumber % first.pages) + 1}"]`).waitFor();
        layout = await checkLayout(page, count);
        if (turn === 0) await page.screenshot({ path: join(shots, `screen-${count}-projects-next-page.png`) });
      }
      // Over its pages the ranking shows every announced project once, in rank order.
      const rows = [...pages.keys()].sort((a, b) => a - b).flatMap((number) => pages.get(number) ?? []);
      expect(rows.map((row) => row.slotId).sort()).toEqual([...slotIds].sort());
      const ranks = rows.map((row) => Number(row.rank));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      await context.close();
    },
    180_000,
  );
});
