// 本单位设置: the office's own grantor details and notice texts, and its API keys for integrations.
import { h } from '../shared/dom.js';
import { tx } from '../shared/i18n.js';
import { apiKeysCard, settingsCard } from '../shared/office-settings.js';
import { backToCompetitions } from './competitions-view.js';

export async function settingsView(ctx) {
  const me = await ctx.api('/auth/me');
  return h(
    'div',
    {},
    backToCompetitions(),
    tx('h1', { zh: '本单位设置', en: 'Office settings' }),
    await settingsCard(ctx, me.tenantId),
    await apiKeysCard(ctx, me.tenantId, () => ctx.go('#/settings')),
  );
}
