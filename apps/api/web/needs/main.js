// 社区需求墙: residents of a community on their phones, no account. The community comes from the
// address (/needs/#c=…, printed on the wall with its code). The wall shows the needs the community
// let through with their state and supports, delivered ones with their rating; a resident verifies
// with a phone number and an SMS code (to post, support and rate) or the wall's code (to post), posts
// a need (with a photo, re-encoded on the phone so its location stays there), and sees their own
// posts with the community's reason when one was refused.
import { api } from '../shared/api.js';
import { deviceId } from '../shared/device-id.js';
import { h, fill } from '../shared/dom.js';
import { field, input, messageBox, select, showApiError, showMessage } from '../shared/forms.js';
import { labelOf, onLangChange, tx } from '../shared/i18n.js';
import { badge, problem, publicShell } from '../shared/public-page.js';
import { createSession } from '../shared/session.js';
import { NEED_CATEGORY_LABELS, NEED_STATE_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

/** A request that has not answered in this long on a weak network fails like a lost connection. */
const REQUEST_MS = 15_000;
const session = createSession('gongyi.needs.resident');
const DEVICE_KEY = 'gongyi.needs.device';
/** A wall's photo needs no more: a phone's 12-megapixel picture shrinks to a few hundred KB. */
const PHOTO_MAX_PX = 1600;
const STATE_KIND = { open: undefined, listed: undefined, ordered: 'warn', taken: 'warn', delivered: 'ok' };

function call(path, options = {}) {
  return api(path, { ...options, token: session.get()?.token, signal: AbortSignal.timeout(REQUEST_MS) });
}

function communityFromAddress() {
  const id = new URLSearchParams(location.hash.slice(1)).get('c');
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

const main = publicShell();
let render = () => undefined;
/** What the last action did, shown once above the wall after it is read again. */
let flash = null;
onLangChange(() => render());
window.addEventListener('hashchange', () => void show());
void show();

async function show() {
  const communityId = communityFromAddress();
  try {
    if (!communityId) {
      const walls = await call('/needs-walls');
      render = () => fill(main, wallList(walls));
    } else {
      const wall = await call(`/needs-walls/${communityId}`);
      const mine = session.get() ? await call('/resident/needs').catch(() => []) : [];
      const said = flash;
      flash = null;
      render = () =>
        fill(main, said ? tx('p', said, { class: 'message-box ok', role: 'status' }) : null, ...wallPage(wall, mine));
    }
    render();
  } catch (error) {
    fill(main, problem(error));
  }
}

function wallList(walls) {
  return h(
    'section',
    { class: 'card' },
    tx('h1', { zh: '社区需求墙', en: 'Needs walls' }),
    walls.length === 0
      ? tx('p', { zh: '还没有社区开通需求墙。', en: 'No community has opened a needs wall yet.' })
      : h(
          'ul',
          {},
          walls.map((w) => h('li', {}, h('a', { href: `#c=${w.communityId}` }, `${w.community}（${w.office}）`))),
        ),
  );
}

function wallPage(wall, mine) {
  const resident = session.get();
  return [
    h(
      'section',
      { class: 'card' },
      h('p', { class: 'kicker' }, wall.office),
      tx('h1', { zh: `${wall.community}社区需求墙`, en: `${wall.community} needs wall` }),
      tx('p', {
        zh: '居民点单、社区制单、社会组织承单、政府买单。提出的需求经社区审核后上墙。',
        en: 'Residents order, the community drafts, organizations take, the government pays. Needs show once the community lets them through.',
      }),
    ),
    resident ? postForm(wall) : verifyForms(wall),
    h(
      'section',
      { 'aria-labelledby': 'wall-heading' },
      tx(
        'h2',
        { zh: `墙上的需求（${wall.needs.length}）`, en: `Needs on the wall (${wall.needs.length})` },
        { id: 'wall-heading' },
      ),
      wall.needs.map((need) => needCard(need, resident)),
    ),
    resident && mine.length > 0
      ? card(
          { title: { zh: '我提出的需求', en: 'My needs' }, 'data-testid': 'my-needs' },
          mine.map((need) =>
            h(
              'p',
              {},
              `${need.title} `,
              badge(labelOf(NEED_STATE_LABELS, need.state), STATE_KIND[need.state]),
              need.refusalReason
                ? tx('span', { zh: `原因：${need.refusalReason}`, en: `Reason: ${need.refusalReason}` })
                : null,
            ),
          ),
        )
      : null,
  ];
}

function needCard(need, resident) {
  const box = messageBox();
  const rating =
    need.state === 'delivered' && need.rating.count > 0
      ? tx('p', {
          zh: `满意度 ${need.rating.average} 分（${need.rating.count} 人评价）`,
          en: `Rated ${need.rating.average} by ${need.rating.count}`,
        })
      : null;
  const canAct = resident?.method === 'phone';
  const support =
    canAct && need.state !== 'delivered'
      ? tx(
          'button',
          { zh: `附议：${need.title}`, en: `Support: ${need.title}` },
          {
            type: 'button',
            onclick: () =>
              act(
                box,
                () =>
                  call(`/resident/needs/${need.id}/supports`, {
                    method: 'POST',
                    body: { deviceId: deviceId(DEVICE_KEY) },
                  }),
                {
                  zh: '已附议',
                  en: 'Supported',
                },
              ),
          },
        )
      : null;
  const stars = select(
    [1, 2, 3, 4, 5].map((n) => [String(n), { zh: `${n} 星`, en: `${n} star${n > 1 ? 's' : ''}` }]),
    { value: '5', name: 'stars' },
  );
  const rate =
    canAct && need.state === 'delivered'
      ? h(
          'form',
          {
            class: 'vote-form',
            onsubmit: (event) => {
              event.preventDefault();
              void act(
                box,
                () =>
                  call(`/resident/needs/${need.id}/rating`, { method: 'POST', body: { stars: Number(stars.value) } }),
                {
                  zh: '谢谢您的评价',
                  en: 'Thank you for rating',
                },
              );
            },
          },
          field({ zh: '服务满意度', en: 'Satisfaction' }, stars),
          tx('button', { zh: '提交评价', en: 'Rate' }, { type: 'submit' }),
        )
      : null;
  return h(
    'article',
    { class: 'card project-card', 'data-testid': 'need', 'data-need': need.id, 'data-state': need.state },
    h(
      'p',
      {},
      badge(labelOf(NEED_CATEGORY_LABELS, need.category)),
      ' ',
      badge(labelOf(NEED_STATE_LABELS, need.state), STATE_KIND[need.state]),
    ),
    h('h3', {}, need.title),
    need.photoUrl
      ? h('img', {
          class: 'need-photo',
          src: need.photoUrl,
          alt: `${need.title}（需求照片 / photo）`,
          loading: 'lazy',
        })
      : null,
    tx(
      'p',
      {
        zh: `服务对象：${need.forWhom}，${need.peopleCount} 人；附议 ${need.supports} 人`,
        en: `For: ${need.forWhom}, ${need.peopleCount} people; ${need.supports} support(s)`,
      },
      { class: 'muted' },
    ),
    rating,
    h('div', { class: 'actions' }, support, rate),
    box,
  );
}

async function act(box, send, done) {
  try {
    await send();
    flash = done;
    await show();
  } catch (error) {
    showMessage(box, { zh: error.messageZh ?? '操作失败', en: error.messageEn ?? 'failed' });
  }
}

function verifyForms(wall) {
  const phone = input({ name: 'phone', inputmode: 'tel', autocomplete: 'tel', maxlength: 20 });
  const smsCode = input({ name: 'smsCode', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 });
  const phoneBox = messageBox();
  const phoneForm = h(
    'form',
    { class: 'vote-form', 'aria-labelledby': 'phone-heading' },
    tx(
      'h2',
      { zh: '手机号验证（可提需求、附议、评价）', en: 'Verify by phone (post, support, rate)' },
      { id: 'phone-heading' },
    ),
    field({ zh: '手机号码', en: 'Mobile number' }, phone, { path: 'phone' }),
    tx(
      'button',
      { zh: '获取验证码', en: 'Send code' },
      {
        type: 'button',
        onclick: async () => {
          try {
            const sent = await call('/resident-sessions/sms', { method: 'POST', body: { phone: phone.value } });
            showMessage(phoneBox, { zh: `验证码已发送至 ${sent.sentTo}`, en: `Code sent to ${sent.sentTo}` }, 'ok');
          } catch (error) {
            showApiError(phoneForm, phoneBox, error);
          }
        },
      },
    ),
    field({ zh: '短信验证码', en: 'SMS code' }, smsCode, { path: 'smsCode' }),
    tx('button', { zh: '验证', en: 'Verify' }, { type: 'submit' }),
    phoneBox,
  );
  phoneForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(phoneForm, phoneBox, { method: 'phone', phone: phone.value, smsCode: smsCode.value });
  });
  const code = input({ name: 'code', autocapitalize: 'characters', maxlength: 64 });
  const codeBox = messageBox();
  const codeForm = h(
    'form',
    { class: 'vote-form', 'aria-labelledby': 'code-heading' },
    tx(
      'h2',
      { zh: '或输入需求墙上的社区码（只能提需求）', en: 'Or the code on the wall (to post only)' },
      { id: 'code-heading' },
    ),
    field({ zh: '社区码', en: 'Community code' }, code, { path: 'code' }),
    tx('button', { zh: '用社区码验证', en: 'Verify with the code' }, { type: 'submit' }),
    codeBox,
  );
  codeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(codeForm, codeBox, { method: 'code', communityId: wall.communityId, code: code.value });
  });
  return h('section', { class: 'card' }, phoneForm, codeForm);
}

async function signIn(form, box, body) {
  try {
    const created = await call('/resident-sessions', { method: 'POST', body });
    session.set(created);
    await show();
  } catch (error) {
    showApiError(form, box, error);
  }
}

function postForm(wall) {
  const category = select(
    Object.entries(NEED_CATEGORY_LABELS).map(([value, pair]) => [value, pair]),
    { name: 'category' },
  );
  const title = h('textarea', { name: 'title', rows: 3, maxlength: 200 });
  const forWhom = input({ name: 'forWhom', maxlength: 100 });
  const peopleCount = input({ name: 'peopleCount', inputmode: 'numeric', type: 'number', min: 1 });
  const photo = input({ name: 'file', type: 'file', accept: 'image/jpeg,image/png' });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'vote-form card', 'aria-labelledby': 'post-heading', novalidate: true },
    tx('h2', { zh: '我要点单', en: 'Post a need' }, { id: 'post-heading' }),
    field({ zh: '需求类别', en: 'Category' }, category, { path: 'category' }),
    field({ zh: '需求内容', en: 'What is needed' }, title, { path: 'title' }),
    field({ zh: '服务对象', en: 'For whom' }, forWhom, { path: 'forWhom' }),
    field({ zh: '涉及人数', en: 'How many people' }, peopleCount, { path: 'peopleCount' }),
    field({ zh: '照片（可选）', en: 'Photo (optional)' }, photo, {
      path: 'file',
      hint: {
        zh: '社区审核通过后与需求一起上墙；上传前在手机上缩小并去掉拍摄位置',
        en: 'Shown with the need once the community lets it through; shrunk on the phone, its location removed',
      },
    }),
    tx('button', { zh: '提交需求', en: 'Post' }, { type: 'submit' }),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let posted;
    try {
      posted = await call('/resident/needs', {
        method: 'POST',
        body: {
          communityId: wall.communityId,
          category: category.value,
          title: title.value,
          forWhom: forWhom.value,
          peopleCount: Number(peopleCount.value),
        },
      });
    } catch (error) {
      showApiError(form, box, error);
      return;
    }
    const file = photo.files?.[0];
    if (file) {
      try {
        const upload = new FormData();
        upload.append('file', await reencoded(file), 'photo.jpg');
        await call(`/resident/needs/${posted.id}/photo`, { method: 'POST', form: upload });
      } catch (error) {
        // The need is posted; only its photo failed, and the resident reads why.
        flash = {
          zh: `需求已提交，待社区审核后上墙；照片未能上传：${error.messageZh ?? '网络错误'}`,
          en: `Posted; it shows once the community reviews it. The photo failed: ${error.messageEn ?? 'network error'}`,
        };
        await show();
        return;
      }
    }
    flash = { zh: '已提交，待社区审核后上墙', en: 'Posted; it shows once the community reviews it' };
    await show();
  });
  return form;
}

/**
 * The picture drawn again as a JPEG at most PHOTO_MAX_PX wide or high: the copy carries none of the
 * camera's metadata (where it was taken), and uploads quickly on a weak signal. A picture the
 * browser cannot draw (a HEIC, a damaged file) goes as it is, and the API says what is wrong with it.
 */
async function reencoded(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, PHOTO_MAX_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = h('canvas', {
    width: Math.max(1, Math.round(bitmap.width * scale)),
    height: Math.max(1, Math.round(bitmap.height * scale)),
  });
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  return blob ?? file;
}
