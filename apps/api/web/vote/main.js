// 网络投票: a resident votes on a phone, often on a weak mobile network. The page is this file and
// two small stylesheets; the round comes from the address (/vote/#r=…, the address printed beside
// the voter codes). A resident proves they may vote with a printed code or a phone number and an
// SMS code, sees the projects and the votes left, and confirms each vote; every refusal is the
// server's own words.
import { api } from '../shared/api.js';
import { deviceId } from '../shared/device-id.js';
import { h, fill } from '../shared/dom.js';
import { labelOf, onLangChange, pick, tx } from '../shared/i18n.js';
import { badge, facts, problem, publicShell } from '../shared/public-page.js';
import { createSession } from '../shared/session.js';
import { beijingTime } from '../shared/time.js';
import { VOTE_RESULTS_VISIBILITY_LABELS, VOTE_ROUND_PHASE_LABELS, VOTER_METHOD_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

/** A request that has not answered in this long on a weak network fails like a lost connection. */
const REQUEST_MS = 15_000;
const DEVICE_KEY = 'gongyi.vote.device';
const PHASE_KIND = { upcoming: 'warn', open: 'ok', closed: undefined };

function roundFromAddress() {
  const id = new URLSearchParams(location.hash.slice(1)).get('r');
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

function call(path, options = {}) {
  return api(path, { ...options, signal: AbortSignal.timeout(REQUEST_MS) });
}

function remainingText(remaining) {
  const today = remaining.today;
  if (today === null) {
    return { zh: `还可投 ${remaining.total} 票`, en: `${remaining.total} vote(s) left` };
  }
  return {
    zh: `今天还可投 ${today} 票，总共还可投 ${remaining.total} 票`,
    en: `${today} vote(s) left today, ${remaining.total} in all`,
  };
}

function limitsText(limits) {
  const parts = [
    { zh: `每人共 ${limits.votesTotal} 票`, en: `${limits.votesTotal} votes each` },
    limits.votesPerDay === null ? null : { zh: `每天 ${limits.votesPerDay} 票`, en: `${limits.votesPerDay} a day` },
    { zh: `同一项目最多 ${limits.perProject} 票`, en: `at most ${limits.perProject} per project` },
    limits.perCategory === null
      ? null
      : { zh: `同类项目最多 ${limits.perCategory} 票`, en: `at most ${limits.perCategory} per category` },
  ].filter(Boolean);
  return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', ') };
}

function roundCard(round) {
  const opens = beijingTime(round.opensAt);
  const closes = beijingTime(round.closesAt);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'round-heading', 'data-testid': 'vote-round', 'data-phase': round.phase },
    h('p', { class: 'kicker' }, round.competitionTitle),
    h('h1', { id: 'round-heading' }, round.title),
    badge(labelOf(VOTE_ROUND_PHASE_LABELS, round.phase), PHASE_KIND[round.phase]),
    facts([
      [
        { zh: '投票时间', en: 'Voting' },
        tx('span', { zh: `${opens} 至 ${closes}（北京时间）`, en: `${opens} to ${closes} (Beijing time)` }),
      ],
      [{ zh: '票数规则', en: 'Limits' }, tx('span', limitsText(round.limits))],
      [{ zh: '可投票社区', en: 'Who may vote' }, round.communities.join('、')],
      [{ zh: '票数公布', en: 'Counts' }, tx('span', labelOf(VOTE_RESULTS_VISIBILITY_LABELS, round.resultsVisibility))],
    ]),
  );
}

/** A labelled control with the line its error goes to. */
function labelled(label, control, hint) {
  const error = h('p', { class: 'field-error', id: `${control.id}-error`, role: 'alert', hidden: true });
  const hintNode = hint ? tx('p', hint, { class: 'muted', id: `${control.id}-hint` }) : null;
  control.setAttribute('aria-describedby', [hintNode?.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: control.id }, tx('span', label)), control, hintNode, error);
}

function showFieldError(form, error) {
  const control = error.field ? form.querySelector(`[name="${CSS.escape(error.field)}"]`) : null;
  const line = control ? form.querySelector(`#${CSS.escape(control.id)}-error`) : null;
  if (!line) return false;
  control.setAttribute('aria-invalid', 'true');
  fill(line, tx('span', { zh: error.messageZh, en: error.messageEn }));
  line.hidden = false;
  control.focus();
  return true;
}

function clearErrors(form, box) {
  for (const line of form.querySelectorAll('.field-error')) line.hidden = true;
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  fill(box);
}

/** Submits `form` by `send`; a refusal goes under the field it names, or into the form's box. */
function onSubmit(form, box, send) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    clearErrors(form, box);
    button.disabled = true;
    try {
      await send();
    } catch (error) {
      if (!showFieldError(form, error)) fill(box, problem(error));
    } finally {
      button.disabled = false;
    }
  });
}

/** Both ways to verify (a voter code, a phone) end with the same button. */
function verifyButton() {
  return h(
    'div',
    { class: 'actions' },
    tx('button', { zh: '验证并投票', en: 'Verify and vote' }, { type: 'submit', class: 'primary' }),
  );
}

/** Either way, the round's voting session is asked for with what the resident proved (`proof()`). */
function onVerify(form, box, round, onSession, proof) {
  onSubmit(form, box, async () => {
    onSession(await call('/voter-sessions', { method: 'POST', body: { roundId: round.id, ...proof() } }));
  });
}

function codeForm(round, onSession) {
  const code = h('input', {
    id: 'voter-code',
    name: 'code',
    autocomplete: 'one-time-code',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 64,
    required: true,
  });
  const box = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'vote-form', novalidate: true },
    labelled({ zh: '投票码', en: 'Voter code' }, code, {
      zh: '社区发放的投票码，大小写与连字符不限',
      en: 'The code your community handed out; case and dashes do not matter',
    }),
    verifyButton(),
    box,
  );
  onVerify(form, box, round, onSession, () => ({ method: 'code', code: code.value.trim() }));
  return form;
}

function phoneForm(round, onSession) {
  const phone = h('input', {
    id: 'voter-phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    maxlength: 20,
  });
  const community = h(
    'select',
    { id: 'voter-community', name: 'community' },
    round.communities.map((name) => h('option', { value: name }, name)),
  );
  const smsCode = h('input', {
    id: 'voter-sms',
    name: 'smsCode',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: 6,
  });
  const box = h('div', { 'aria-live': 'polite' });
  const sendButton = tx('button', { zh: '获取短信验证码', en: 'Send me a code' }, { type: 'button' });
  const form = h(
    'form',
    { class: 'vote-form', novalidate: true },
    labelled({ zh: '手机号码', en: 'Mobile number' }, phone, {
      zh: '平台不保存您的号码，只保存其加密摘要',
      en: 'Your number is never stored, only a keyed hash of it',
    }),
    labelled({ zh: '所在社区', en: 'Your community' }, community),
    h('div', { class: 'actions' }, sendButton),
    labelled({ zh: '短信验证码', en: 'SMS code' }, smsCode),
    verifyButton(),
    box,
  );
  sendButton.addEventListener('click', async () => {
    clearErrors(form, box);
    sendButton.disabled = true;
    try {
      const sent = await call('/voter-sessions/sms', {
        method: 'POST',
        body: { roundId: round.id, phone: phone.value.trim() },
      });
      fill(
        box,
        tx(
          'p',
          {
            zh: `验证码已发送至 ${sent.sentTo}，${beijingTime(sent.expiresAt)} 前有效。`,
            en: `A code went to ${sent.sentTo}; it works until ${beijingTime(sent.expiresAt)}.`,
          },
          { class: 'ok' },
        ),
      );
      smsCode.focus();
      setTimeout(() => {
        sendButton.disabled = false;
      }, sent.resendAfterSeconds * 1000);
    } catch (error) {
      if (!showFieldError(form, error)) fill(box, problem(error));
      sendButton.disabled = false;
    }
  });
  onVerify(form, box, round, onSession, () => ({
    method: 'phone',
    phone: phone.value.trim(),
    smsCode: smsCode.value.trim(),
    community: community.value,
  }));
  return form;
}

/** The verification the round accepts; with both, the resident chooses. */
function verifyCard(round, onSession) {
  const forms = { code: () => codeForm(round, onSession), phone: () => phoneForm(round, onSession) };
  const body = h('div', {});
  const buttons = round.methods.map((method) =>
    tx('button', labelOf(VOTER_METHOD_LABELS, method), {
      type: 'button',
      'aria-pressed': 'false',
      onclick: () => choose(method),
    }),
  );
  function choose(method) {
    round.methods.forEach((m, i) => buttons[i].setAttribute('aria-pressed', String(m === method)));
    fill(body, forms[method]());
  }
  const section = card(
    { title: { zh: '验证身份后投票', en: 'Verify to vote' }, headingId: 'verify-heading', 'data-testid': 'verify' },
    round.methods.length > 1
      ? h('div', { class: 'method-choice', role: 'group', 'aria-label': '验证方式 / method' }, buttons)
      : null,
    body,
  );
  choose(round.methods[0]);
  return section;
}

function projectCard(project, state) {
  const mine = state.mine.get(project.id) ?? 0;
  const box = h('div', { 'aria-live': 'polite' });
  const confirm = h('div', { class: 'confirm', hidden: true });
  const canVote = state.session && state.round.phase === 'open';
  const voteButton = canVote
    ? tx(
        'button',
        { zh: '投票', en: 'Vote' },
        {
          type: 'button',
          class: 'primary',
          'aria-label': `${pick({ zh: '投票给', en: 'Vote for' })} ${project.title}`,
          onclick: () => {
            confirm.hidden = false;
            confirm.querySelector('button.primary').focus();
          },
        },
      )
    : null;
  fill(
    confirm,
    tx('p', {
      zh: `确认投给「${project.title}」？投出后不能撤回。`,
      en: `Vote for “${project.title}”? A vote cannot be taken back.`,
    }),
    h(
      'div',
      { class: 'actions' },
      tx(
        'button',
        { zh: '确认投票', en: 'Confirm' },
        {
          type: 'button',
          class: 'primary',
          onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            try {
              await state.cast(project);
            } catch (error) {
              confirm.hidden = true;
              fill(box, problem(error));
              button.disabled = false;
            }
          },
        },
      ),
      tx('button', { zh: '取消', en: 'Cancel' }, { type: 'button', onclick: () => (confirm.hidden = true) }),
    ),
  );
  return h(
    'li',
    { class: 'card project-card', 'data-testid': 'vote-project', 'data-project': project.id },
    h('h3', {}, project.title),
    h(
      'p',
      { class: 'muted' },
      tx(
        'span',
        { zh: project.categoryZh, en: project.categoryEn },
        { class: 'badge', 'data-testid': 'vote-category' },
      ),
      ' ',
      `${project.organizationName} · ${project.community}`,
    ),
    h('p', { class: 'summary' }, project.summary),
    project.votes === null
      ? null
      : tx('p', { zh: `当前有效票 ${project.votes}`, en: `${project.votes} valid vote(s) so far` }, { class: 'votes' }),
    mine > 0
      ? tx(
          'p',
          { zh: `您已投 ${mine} 票`, en: `You gave it ${mine} vote(s)` },
          { class: 'ok', 'data-testid': 'my-votes' },
        )
      : null,
    voteButton ? h('div', { class: 'actions' }, voteButton) : null,
    confirm,
    box,
  );
}

/** One round of the public list: what it is, who runs it, when, who may vote, and the way in. */
function roundItem(round) {
  const opens = beijingTime(round.opensAt);
  const closes = beijingTime(round.closesAt);
  return h(
    'li',
    { class: 'card', 'data-testid': 'open-round', 'data-phase': round.phase },
    h('p', { class: 'kicker' }, round.competitionTitle),
    h('h2', {}, round.title),
    badge(labelOf(VOTE_ROUND_PHASE_LABELS, round.phase), PHASE_KIND[round.phase]),
    facts([
      [{ zh: '主办单位', en: 'Run by' }, tx('span', { zh: round.officeName, en: round.officeNameEn })],
      [
        { zh: '投票时间', en: 'Voting' },
        tx('span', { zh: `${opens} 至 ${closes}（北京时间）`, en: `${opens} to ${closes} (Beijing time)` }),
      ],
      [{ zh: '可投票社区', en: 'Who may vote' }, round.communities.join('、')],
    ]),
    h(
      'p',
      { class: 'page-links' },
      tx(
        'a',
        round.phase === 'open'
          ? { zh: `去投票：${round.title}`, en: `Vote: ${round.title}` }
          : { zh: `查看投票：${round.title}`, en: `See the vote: ${round.title}` },
        { href: `/vote/#r=${encodeURIComponent(round.id)}` },
      ),
    ),
  );
}

/** Without a round in the address: every round open now or still to open, of every office. */
async function roundsList(main) {
  try {
    const list = await call('/vote-rounds/open');
    fill(
      main,
      tx('h1', { zh: '网络投票', en: 'Public votes' }),
      list.items.length === 0
        ? tx(
            'p',
            { zh: '目前没有进行中或即将开始的投票。', en: 'No vote is open or about to open.' },
            { class: 'card muted' },
          )
        : h('ul', { class: 'projects', 'aria-label': '投票 / votes' }, list.items.map(roundItem)),
    );
  } catch (error) {
    fill(main, tx('h1', { zh: '网络投票', en: 'Public votes' }), problem(error));
  }
}

async function start() {
  const main = publicShell();
  const roundId = roundFromAddress();
  if (!roundId) {
    await roundsList(main);
    return;
  }
  const session = createSession(`gongyi.vote.${roundId}`);
  const state = { round: null, projects: [], session: session.get(), mine: new Map(), remaining: null, notice: null };
  const roundArea = h('div', {});
  const voterArea = h('div', {});
  const list = h('ul', { class: 'projects', 'aria-label': '参与投票的项目 / projects' });
  const heading = tx('h2', { zh: '参与投票的项目', en: 'The projects' }, { class: 'list-heading' });
  fill(main, roundArea, voterArea, heading, list);

  function signOut() {
    session.clear();
    state.session = null;
    state.mine = new Map();
    render();
  }

  function voterCard() {
    if (!state.session) return state.round.phase === 'open' ? verifyCard(state.round, onSession) : null;
    const remaining = state.remaining ?? state.session.remaining;
    return h(
      'section',
      { class: 'card remaining', 'aria-labelledby': 'remaining-heading', 'data-testid': 'remaining' },
      tx('h2', { zh: '您的选票', en: 'Your votes' }, { id: 'remaining-heading', class: 'visually-hidden' }),
      tx('strong', remainingText(remaining), { 'data-testid': 'remaining-text' }),
      state.notice,
      h(
        'div',
        { class: 'actions' },
        tx('button', { zh: '退出', en: 'Sign out' }, { type: 'button', onclick: signOut }),
      ),
    );
  }

  function render() {
    fill(roundArea, roundCard(state.round));
    const note =
      state.round.phase === 'upcoming'
        ? tx('p', { zh: '投票尚未开始。', en: 'Voting has not opened yet.' }, { class: 'card' })
        : state.round.phase === 'closed'
          ? tx(
              'p',
              { zh: '投票已结束，以下为最终有效票。', en: 'Voting has closed; the counts below are final.' },
              { class: 'card' },
            )
          : state.round.resultsShown
            ? null
            : tx(
                'p',
                { zh: '票数将在投票结束后公布。', en: 'Counts are shown when voting ends.' },
                { class: 'card muted' },
              );
    fill(voterArea, note, voterCard());
    fill(
      list,
      state.projects.map((project) => projectCard(project, state)),
    );
  }

  async function loadBallot() {
    const ballot = await call(`/vote-rounds/${roundId}/ballot`);
    state.round = ballot.round;
    state.projects = ballot.projects;
  }

  async function loadVoter() {
    if (!state.session) return;
    try {
      const view = await call(`/voter/rounds/${roundId}`, { token: state.session.token });
      state.remaining = view.remaining;
      state.mine = new Map(view.votes.map((v) => [v.projectId, v.votes]));
    } catch (error) {
      if (error.status === 401 || error.status === 403) signOut();
      else throw error;
    }
  }

  function onSession(created) {
    session.set(created);
    state.session = created;
    state.remaining = created.remaining;
    state.notice = null;
    return loadVoter().then(render);
  }

  state.cast = async (project) => {
    try {
      const cast = await call(`/voter/rounds/${roundId}/votes`, {
        method: 'POST',
        token: state.session.token,
        body: { projectId: project.id, deviceId: deviceId(DEVICE_KEY) },
      });
      state.remaining = cast.remaining;
      state.mine.set(project.id, (state.mine.get(project.id) ?? 0) + 1);
      state.notice = tx(
        'p',
        { zh: `已投给「${project.title}」，谢谢参与！`, en: `Your vote for “${project.title}” counts. Thank you!` },
        { class: 'ok', role: 'status' },
      );
      if (state.round.resultsShown) await loadBallot().catch(() => undefined);
      render();
      voterArea.querySelector('[data-testid="remaining"]')?.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      // A lost answer may still have counted: read back what the server holds before asking again.
      if (error.status === 0 || error.status === 401) await loadVoter().catch(() => undefined);
      throw error;
    }
  };

  try {
    await loadBallot();
    await loadVoter();
  } catch (error) {
    fill(main, problem(error));
    return;
  }
  render();
  // The verification form relabels itself and keeps what was typed; only the signed-in view, whose
  // buttons carry a project's name in their label, is drawn again.
  onLangChange(() => {
    if (state.session) render();
  });
}

// The list links to a round by its fragment alone, which does not load the page again.
window.addEventListener('hashchange', () => void start());
void start();
