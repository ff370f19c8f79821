// The office's decisions are all recorded with why: a text box and one button that posts it.
import { h } from '../shared/dom.js';
import { field, messageBox, showApiError } from '../shared/forms.js';
import { tx } from '../shared/i18n.js';

/**
 * `name` is the API field the text goes in (its error shows under the box); `extra` are fields
 * shown above it, read by `body`.
 */
export function reasonAction(
  ctx,
  {
    label,
    placeholder,
    path,
    body = (reason) => ({ reason }),
    done,
    danger,
    name = 'reason',
    fieldLabel = { zh: '理由', en: 'Reason' },
    maxlength = 500,
    extra = [],
    testid,
  },
) {
  const text = h('textarea', { rows: 2, maxlength, placeholder: placeholder.zh });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, class: 'reason-action', 'data-testid': testid },
    extra,
    field(fieldLabel, text, { path: name }),
    tx('button', label, { type: 'submit', class: danger ? 'danger' : 'primary' }),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api(path, { method: 'POST', body: body(text.value) });
      done();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}
