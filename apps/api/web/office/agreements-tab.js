// 协议书: rendering progress, each agreement to download, or all of them as one ZIP.
import { fill, formatYuan, h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import { messageBox, showApiError, showMessage } from '../shared/forms.js';
import { AGREEMENT_STATUS_LABELS } from '/vocabulary.js';
import { dataTable } from '../shared/table.js';
import { biLabel, labelOf, tx } from '../shared/i18n.js';
import { progressBar } from './results-tab.js';
import { card } from '../shared/card.js';

export async function agreementsTab(ctx, competition) {
  const box = messageBox();
  const area = h('div', { 'aria-live': 'polite' });
  let poll = null;
  ctx.onLeave(() => clearTimeout(poll));

  const download = async (path, name) => {
    try {
      const file = await downloadFile(path, { token: ctx.token(), fallbackName: name });
      showMessage(box, { zh: `已下载 ${file.name}`, en: `Downloaded ${file.name}` }, 'ok');
      await load();
    } catch (error) {
      showApiError(page, box, error);
    }
  };

  const load = async () => {
    const list = await ctx.api(`/competitions/${competition.id}/agreements`);
    const done = list.expected > 0 && list.rendered >= list.expected;
    const percent = list.expected === 0 ? 0 : (list.rendered * 100) / list.expected;
    fill(
      area,
      tx(
        'p',
        { zh: `已生成 ${list.rendered} / ${list.expected} 份`, en: `${list.rendered} of ${list.expected} rendered` },
        {
          'data-testid': 'agreements-progress',
        },
      ),
      progressBar(percent, { zh: '协议书生成进度', en: 'agreement rendering progress' }),
      h(
        'div',
        { class: 'actions' },
        tx(
          'button',
          { zh: '打包下载全部（ZIP）', en: 'Download all (ZIP)' },
          {
            type: 'button',
            class: 'primary',
            disabled: list.items.length === 0,
            onclick: () => download(`/competitions/${competition.id}/agreements.zip`, 'agreements.zip'),
          },
        ),
      ),
      list.items.length === 0
        ? tx(
            'p',
            { zh: '立项后生成协议书。', en: 'Agreements are generated once the competition is awarded.' },
            { class: 'muted' },
          )
        : dataTable(
            [
              { zh: '协议编号', en: 'Number' },
              { zh: '项目', en: 'Project' },
              { zh: '资助金额', en: 'Grant', num: true },
              { zh: '状态', en: 'Status' },
              { zh: '下载', en: 'Download' },
            ],
            list.items.map((agreement) =>
              h(
                'tr',
                { 'data-testid': 'agreement-row' },
                h('td', { class: 'mono' }, agreement.number, agreement.version > 1 ? ` v${agreement.version}` : ''),
                h('td', {}, agreement.projectTitle),
                h('td', { class: 'num' }, formatYuan(agreement.grantFen)),
                h('td', {}, tx('span', labelOf(AGREEMENT_STATUS_LABELS, agreement.status), { class: 'badge' })),
                h(
                  'td',
                  {},
                  tx(
                    'button',
                    { zh: '下载 PDF', en: 'Download PDF' },
                    {
                      type: 'button',
                      ...biLabel({
                        // The accessible name starts with the visible text, so a voice command that says it works.
                        zh: `下载 PDF：${agreement.number} ${agreement.projectTitle}`,
                        en: `Download PDF: ${agreement.number} ${agreement.projectTitle}`,
                      }),
                      onclick: () => download(`/agreements/${agreement.id}/pdf`, `${agreement.number}.pdf`),
                    },
                  ),
                  agreement.status === 'signed'
                    ? tx(
                        'button',
                        { zh: '签字扫描件', en: 'Signed scan' },
                        {
                          type: 'button',
                          ...biLabel({
                            zh: `签字扫描件：${agreement.number} ${agreement.projectTitle}`,
                            en: `Signed scan: ${agreement.number} ${agreement.projectTitle}`,
                          }),
                          onclick: () =>
                            download(`/agreements/${agreement.id}/signed-scan`, `${agreement.number}-signed`),
                        },
                      )
                    : null,
                ),
              ),
            ),
          ),
    );
    if (!done && competition.state === 'awarded') poll = setTimeout(() => void load().catch(() => {}), 1000);
  };
  await load();

  const page = card(
    { title: { zh: '资助协议书', en: 'Funding agreements' }, headingId: 'agreements-heading' },
    area,
    box,
  );
  return page;
}
