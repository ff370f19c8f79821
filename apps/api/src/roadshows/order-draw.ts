import { createHash, randomBytes } from 'node:crypto';
import { BilingualMessage, RoadshowErrors } from '@app/domain';

/** Named in every draw result, so a re-implementation knows which rules it must follow. */
export const ORDER_DRAW_ALGORITHM = 'sha256-fisher-yates-v1';

export const ORDER_DRAW_DESCRIPTION: BilingualMessage = {
  zh:
    '种子是任意可打印文本（如 “2026-05-10 体彩排列5 83417”），先去掉首尾空白并做 Unicode NFC 规范化，所公布的种子即为此结果；' +
    '哈希时按 UTF-8 编码取字节。' +
    '① 将入围项目的编号（UUID 文本）按字符编码升序排列；② 第 n 个随机数（n = 0, 1, 2, … 依次使用）为 ' +
    'SHA-256(UTF-8 文本 "<种子>:<n>") 的前 4 个字节按大端读出的无符号整数；③ Fisher–Yates 洗牌：' +
    'i 从 项目数−1 递减到 1，令 bound = i+1、limit = 2^32 − (2^32 mod bound)，取下一个随机数 r，' +
    '若 r ≥ limit 则舍弃再取（拒绝采样，避免取模偏差），j = r mod bound，交换第 i 位与第 j 位；' +
    '④ 结果中第 k 个编号即第 k 个出场。',
  en:
    'The seed is any printable text (e.g. "2026-05-10 体彩排列5 83417"), trimmed of surrounding white space and ' +
    'normalized to Unicode NFC; the published seed is that result, and it is hashed as its UTF-8 bytes. ' +
    '1) Sort the screened-in submission ids ascending (code-unit order). 2) The n-th random number ' +
    '(n = 0, 1, 2, … used in turn) is the first 4 bytes, read as a big-endian unsigned integer, of ' +
    'SHA-256 of the UTF-8 text "<seed>:<n>". 3) Fisher–Yates: for i from count−1 down to 1, let ' +
    'bound = i+1 and limit = 2^32 − (2^32 mod bound); take the next random number r, and while ' +
    'r ≥ limit discard it and take the next (rejection sampling, no modulo bias); j = r mod bound; ' +
    'swap positions i and j. 4) The k-th id of the result presents k-th.',
};

const TWO_POW_32 = 2 ** 32;

/** Longest seed accepted, in characters: a lottery draw with its date and name fits many times over. */
export const SEED_MAX_CHARACTERS = 200;
/** Control, format, surrogate, private-use and unassigned code points, and the line and paragraph separators. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u2028\u2029]/u;

/**
 * The seed as it is published and hashed: the office's text trimmed and in NFC, so that the same
 * characters typed on another machine give the same bytes. Refuses empty, overlong or unprintable text.
 */
export function publishedSeed(text: string): string {
  const seed = text.normalize('NFC').trim();
  const length = [...seed].length;
  if (length === 0 || length > SEED_MAX_CHARACTERS || UNPRINTABLE.test(seed)) throw RoadshowErrors.seedUnprintable();
  return seed;
}

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
