// The code sheet handed out at the door: one slip per judge with the QR code of the tablet's
// sign-in address (the code included) and the code to type. It exists only in this page's memory,
// right after the codes were issued: the server keeps digests and cannot print a code again.
import { h } from '../shared/dom.js';
import { labelOf, tx } from '../shared/i18n.js';
import { JUDGE_GROUP_LABELS } from '/vocabulary.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The blank margin a scanner needs around a QR code, in modules. */
const QUIET_ZONE = 4;

/** The QR matrix the API computed, drawn as one SVG path: no image, no inline style, no script. */
export function qrCode(qr, label) {
  const size = qr.size + 2 * QUIET_ZONE;
  let d = '';
  qr.rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x += 1) {
      if (row[x] === '1') d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }
  });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('class', 'qr-light');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', d);
  modules.setAttribute('class', 'qr-dark');
  svg.append(background, modules);
  return svg;
}

/**
 * The sheet for `codes` (IssuedCodeDto[] of the API), with a print button (A4, two slips across);
 * `onDone` hides it. Printing shows the sheet alone.
 */
export function codeSheet({ competitionTitle, venue, codes, onDone }) {
  const slips = codes.map((issued) =>
    h(
      'article',
      { class: 'code-slip', 'data-testid': 'code-slip' },
      h('p', { class: 'slip-title' }, competitionTitle),
      h(
        'p',
        { class: 'slip-judge' },
        h('strong', {}, issued.judge.name),
        ' ',
        tx('span', labelOf(JUDGE_GROUP_LABELS, issued.judge.group), { class: 'muted' }),
      ),
      qrCode(issued.qr, `${issued.judge.name} 的签到二维码 / sign-in QR code`),
      tx('p', { zh: '评委签到码', en: 'Sign-in code' }, { class: 'slip-label' }),
      h('output', { class: 'slip-code', 'data-testid': 'judge-code' }, issued.code),
      tx(
        'p',
        {
          zh: `扫码即可登录评分平板；或在平板上打开评委链接，输入签到码。地点：${venue}`,
          en: `Scan to sign in on a tablet, or open the judge link and type the code. Venue: ${venue}`,
        },
        { class: 'slip-hint' },
      ),
    ),
  );
  return h(
    'section',
    { class: 'code-sheet-preview', 'aria-label': '签到单 / code sheet', 'data-testid': 'code-sheet' },
    h(
      'div',
      { class: 'actions no-print' },
      tx(
        'p',
        {
          zh: '签到码只在这里显示一次。打印后分发给评委；旧签到码已失效。',
          en: 'These codes show here this once. Print and hand them out; the previous codes no longer work.',
        },
        { class: 'hint' },
      ),
      tx(
        'button',
        { zh: '打印签到单', en: 'Print the code sheet' },
        { type: 'button', class: 'primary', onclick: () => window.print() },
      ),
      tx('button', { zh: '已分发，隐藏', en: 'Handed out: hide' }, { type: 'button', onclick: () => onDone() }),
    ),
    h('div', { class: 'code-sheet' }, slips),
  );
}
