// 限制申报: the organization reads each sanction on it, why, and the day it may submit again.
import { h } from '../shared/dom.js';
import { labelOf, tx } from '../shared/i18n.js';
import { TERMINATION_CAUSE_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

export async function mySanctionsCard(ctx) {
  const { items } = await ctx.api('/sanctions?pageSize=100');
  if (items.length === 0) return null;
  return card(
    { title: { zh: '限制申报', en: 'Sanctions' }, headingId: 'sanctions-heading' },
    items.map((sanction) => {
      const cause = labelOf(TERMINATION_CAUSE_LABELS, sanction.cause);
      return h(
        'div',
        { class: sanction.active ? 'message-box error' : 'message-box', 'data-testid': 'my-sanction' },
        tx(
          'p',
          sanction.active
            ? {
                zh: `协议 ${sanction.agreementNumber} 因「${cause.zh}」终止资助，${sanction.endsOn} 前不能申报新项目。`,
                en: `Grant ${sanction.agreementNumber} was terminated for "${cause.en}"; no new submissions before ${sanction.endsOn}.`,
              }
            : {
                zh: `协议 ${sanction.agreementNumber} 因「${cause.zh}」终止资助，限制申报已于 ${sanction.endsOn} 结束。`,
                en: `Grant ${sanction.agreementNumber} was terminated for "${cause.en}"; the sanction ended on ${sanction.endsOn}.`,
              },
        ),
        h('p', { class: 'muted' }, sanction.reason),
      );
    }),
  );
}
