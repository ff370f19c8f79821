import { SourceTextModule, createContext } from 'node:vm';
import { CompetitionState, LiveEventType, SLOT_STATE_LABELS, SlotState } from '@app/domain';
import { yuanFigure } from '@app/scoring';
import { PAGE_VOCABULARY, renderVocabulary } from './vocabulary-source';

async function evaluate(text: string): Promise<Record<string, unknown>> {
  const module = new SourceTextModule(text, { context: createContext({}) });
  await module.link(() => {
    throw new Error('the vocabulary imports nothing');
  });
  await module.evaluate();
  return { ...(module.namespace as Record<string, unknown>) };
}

describe('the vocabulary module the pages import', () => {
  it('exports every table as libs/domain holds it, under the same name', async () => {
    const { yuanFigureOf, ...tables } = await evaluate(renderVocabulary(PAGE_VOCABULARY).text);
    expect(typeof yuanFigureOf).toBe('function');
    expect(tables).toEqual(JSON.parse(JSON.stringify(PAGE_VOCABULARY)));
    expect(tables.LiveEventType).toEqual({ ...LiveEventType });
    expect(Object.keys(tables.COMPETITION_STATE_LABELS as object)).toEqual(Object.values(CompetitionState));
  });

  it('gives the pages the server’s way of writing money, which needs nothing from outside the module', async () => {
    const { yuanFigureOf } = (await evaluate(renderVocabulary(PAGE_VOCABULARY).text)) as {
      yuanFigureOf: (fen: bigint) => string;
    };
    const amounts = [0n, 5n, -150n, 99_999n, 12_850_050n, 1_800_000_000n, 9_007_199_254_740_993n, -1_234_567_891n];
    for (const fen of amounts) expect(yuanFigureOf(fen)).toBe(yuanFigure(fen));
    expect(yuanFigureOf(-150n)).toBe('-¥1.50');
    expect(yuanFigureOf(1_800_000_000n)).toBe('¥18,000,000.00');
  });

  it('names the waiting slot one way everywhere', () => {
    expect(SLOT_STATE_LABELS[SlotState.Waiting]).toEqual({ zh: '等待上台', en: 'Waiting' });
  });

  it('has an ETag that changes with its text', () => {
    const { etag } = renderVocabulary(PAGE_VOCABULARY);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(renderVocabulary({ ...PAGE_VOCABULARY, MARK_DECIMALS: 3 }).etag).not.toBe(etag);
  });
});
