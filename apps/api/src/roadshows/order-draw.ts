import { createHash, randomBytes } from 'node:crypto';
import { BilingualMessage } from '@app/domain';

/** Named in every draw result, so a re-implementation knows which rules it must follow. */
export const ORDER_DRAW_ALGORITHM = 'sha256-fisher-yates-v1';

export const ORDER_DRAW_DESCRIPTION: BilingualMessage = {
  zh:
    '① 将入围项目的 submission id 按字符编码升序排列；② 第 n 个随机数（n = 0, 1, 2, … 依次使用）为 ' +
    'SHA-256(UTF-8 文本 "<种子>:<n>") 的前 4 个字节按大端读出的无符号整数；③ Fisher–Yates 洗牌：' +
    'i 从 项目数−1 递减到 1，令 bound = i+1、limit = 2^32 − (2^32 mod bound)，取下一个随机数 r，' +
    '若 r ≥ limit 则舍弃再取（拒绝采样，避免取模偏差），j = r mod bound，交换第 i 位与第 j 位；' +
    '④ 结果中第 k 个 id 即第 k 个出场。',
  en:
    '1) Sort the screened-in submission ids ascending (code-unit order). 2) The n-th random number ' +
    '(n = 0, 1, 2, … used in turn) is the first 4 bytes, read as a big-endian unsigned integer, of ' +
    'SHA-256 of the UTF-8 text "<seed>:<n>". 3) Fisher–Yates: for i from count−1 down to 1, let ' +
    'bound = i+1 and limit = 2^32 − (2^32 mod bound); take the next random number r, and while ' +
    'r ≥ limit discard it and take the next (rejection sampling, no modulo bias); j = r mod bound; ' +
    'swap positions i and j. 4) The k-th id of the result presents k-th.',
};

const TWO_POW_32 = 2 ** 32;

/** 128 random bits as hex, when the office does not bring its own seed (e.g. a lottery number). */
export function randomSeed(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The presentation order for a published seed; see ORDER_DRAW_DESCRIPTION.
 * Invariants: the same ids (in any input order) and seed give the same order; the output is a
 * permutation of the input; every permutation is equally likely over seeds (no modulo bias).
 */
export function drawOrder(submissionIds: readonly string[], seed: string): string[] {
  const order = [...submissionIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let counter = 0;
  const next = (): number => createHash('sha256').update(`${seed}:${counter++}`, 'utf8').digest().readUInt32BE(0);
  for (let i = order.length - 1; i >= 1; i -= 1) {
    const bound = i + 1;
    const limit = TWO_POW_32 - (TWO_POW_32 % bound);
    let r = next();
    while (r >= limit) r = next();
    const j = r % bound;
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
