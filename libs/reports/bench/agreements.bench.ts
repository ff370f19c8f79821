import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AgreementFonts, AgreementView, loadAgreementFonts, notoSansScDirectory, renderAgreementPdf } from '../src';
import { prepareAgreement } from '../src/agreement/agreement-context';
import { agreementLayout } from '../src/agreement/agreement-template';
import { budgetLinesFor, buildAgreementView, XINAN_2017_WINNERS } from '../test/agreement-view.factory';
import { renderBareAgreement } from './bare-agreement';

const DOCUMENTS = 500;
const ROUNDS = 10;
const WARM_UP = 20;
const BUFFER_FONT_DOCUMENTS = 50;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** Ten winners, grants from ¥5,000 to ¥500,000, every fifth with a twelve-line budget. */
function views(): AgreementView[] {
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    const grantFen = 500_000n + BigInt((i * 9_973_117) % 49_500_000);
    const budgetLines = budgetLinesFor(grantFen, i % 5 === 0 ? 12 : 5);
    return buildAgreementView(
      { agreementNumber: `GYCT-2026-${String(i + 1).padStart(4, '0')}`, grantFen, budgetLines },
      i % XINAN_2017_WINNERS.length,
    );
  });
}

interface Run {
  readonly times: number[];
  bytes: number;
}

async function main(): Promise<void> {
  const started = performance.now();
  const fonts = loadAgreementFonts(notoSansScDirectory());
  const fontMs = performance.now() - started;
  const all = views();
  const bare = all.map((view) => {
    const prepared = prepareAgreement(view);
    return { blocks: agreementLayout(prepared.locale, prepared.context), createdAt: prepared.createdAt };
  });

  for (let i = 0; i < WARM_UP; i += 1) {
    await renderAgreementPdf(all[i], fonts);
    await renderBareAgreement(bare[i].blocks, fonts, bare[i].createdAt);
  }

  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const ours: Run = { times: [], bytes: 0 };
  const ceiling: Run = { times: [], bytes: 0 };
  const perRound = DOCUMENTS / ROUNDS;
  // Interleaved rounds so that garbage collection and JIT warm-up weigh on both sides alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [run, render] of [
      [ours, (i: number) => renderAgreementPdf(all[i], fonts)],
      [ceiling, (i: number) => renderBareAgreement(bare[i].blocks, fonts, bare[i].createdAt)],
    ] as const) {
      for (let i = round * perRound; i < (round + 1) * perRound; i += 1) {
        const t = performance.now();
        const pdf = await render(i);
        run.times.push(performance.now() - t);
        run.bytes += pdf.length;
        const memory = process.memoryUsage();
        peakRss = Math.max(peakRss, memory.rss);
        peakHeap = Math.max(peakHeap, memory.heapUsed);
      }
    }
  }
  const after = process.memoryUsage();

  const describe = (name: string, run: Run): number => {
    const total = run.times.reduce((a, b) => a + b, 0);
    const sorted = [...run.times].sort((a, b) => a - b);
    const perSecond = (run.times.length * 1000) / total;
    print(
      `${name.padEnd(34)} ${run.times.length} docs in ${(total / 1000).toFixed(2)} s: ` +
        `${perSecond.toFixed(1)} docs/s, mean ${(total / run.times.length).toFixed(1)} ms, ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
        `max ${sorted[sorted.length - 1].toFixed(1)} ms, mean size ${(run.bytes / run.times.length / 1024).toFixed(1)} KiB`,
    );
    return perSecond;
  };

  print(`Agreements benchmark: ${DOCUMENTS} documents each, Node ${process.version}, one process`);
  print(`fonts (Noto Sans SC Regular + Bold) read and parsed once: ${fontMs.toFixed(0)} ms`);
  const oursPerSecond = describe('ours (handlebars + layout + pdfkit)', ours);
  const barePerSecond = describe('bare pdfkit, same text and fonts', ceiling);
  print(
    `memory: rss ${mib(before.rss)} -> ${mib(after.rss)} (peak ${mib(peakRss)}), ` +
      `heap used ${mib(before.heapUsed)} -> ${mib(after.heapUsed)} (peak ${mib(peakHeap)})`,
  );
  // What pre-parsing the fonts saves: pdfkit given the font file bytes parses them per document.
  const dir = notoSansScDirectory();
  const regularBytes = readFileSync(join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'));
  const boldBytes = readFileSync(join(dir, '700Bold', 'NotoSansSC_700Bold.ttf'));
  const asBytes = {
    regular: regularBytes,
    bold: boldBytes,
  } as unknown as AgreementFonts;
  const withBytes: Run = { times: [], bytes: 0 };
  for (let i = 0; i < BUFFER_FONT_DOCUMENTS; i += 1) {
    const t = performance.now();
    withBytes.bytes += (await renderBareAgreement(bare[i].blocks, asBytes, bare[i].createdAt)).length;
    withBytes.times.push(performance.now() - t);
  }
  describe('bare pdfkit, font bytes per document', withBytes);
  const ratio = oursPerSecond / barePerSecond;
  print(`throughput ratio ours/bare: ${ratio.toFixed(2)} (target >= 0.80: ${ratio >= 0.8 ? 'met' : 'NOT met'})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
