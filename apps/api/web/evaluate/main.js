// The evaluator's tablet: sign in with the round's code, see the round's projects with one's own
// sheet state, score each criterion of the evaluation rubric, declare a conflict. Sheets go
// straight to the server (an evaluation is scored at a desk over days, not live in a hall), so
// what the list shows is what the server holds.
import { ApiError, api } from '../shared/api.js';
import { fill, h } from '../shared/dom.js';
import { currentLang, langSwitch, onLangChange, pick } from '../shared/i18n.js';
import { createSession } from '../shared/session.js';
import { fromUnits, stepMark, toUnits, weightedTotal } from '../judge/decimal.js';
import { openDialog } from '../judge/dialogs.js';
import { codeSignInForm } from '../judge/sign-in.js';
import { t } from './texts.js';
import {
  EVALUATION_STAGE_LABELS,
  EVALUATOR_SHEET_STATUS_LABELS,
  JUDGE_GROUP_LABELS,
  MARK_DECIMALS,
} from '/vocabulary.js';

const app = document.getElementById('app');
const session = createSession('gongyi.evaluator');
const ONE_POINT = toUnits('1');

/** The round and code ride in the address's fragment; the code is cleared from the bar once read. */
const fragment = new URLSearchParams(location.hash.slice(1));
const roundId = fragment.get('r') ?? session.get()?.round.id ?? null;
let scannedCode = fragment.get('code');
if (scannedCode) history.replaceState(null, '', `${location.pathname}#r=${encodeURIComponent(roundId ?? '')}`);
if (session.get() && session.get().round.id !== roundId) session.clear();

/** What is on screen: the sign-in, the list, or one project's sheet; redrawn on a language switch. */
let screen = () => signIn();
let view;
let notice;

function show(next) {
  screen = next;
  document.title = t('pageTitle');
  fill(app, next());
}

onLangChange(() => show(screen));

function label(criterion) {
  return currentLang() === 'en' ? criterion.labelEn : criterion.labelZh;
}

/** A refusal that means the session is over sends the tablet back to the sign-in. */
async function call(path, options) {
  try {
    return await api(path, { ...options, token: session.get()?.token });
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) {
      session.clear();
      notice = t('sessionEnded');
      show(() => signIn());
    }
    throw failure;
  }
}

function signIn() {
  const form = codeSignInForm({
    notice,
    targetId: roundId,
    code: scannedCode,
    t,
    needTargetKey: 'needRound',
    submit: async (code) => {
      session.set(await api('/evaluator-sessions', { method: 'POST', body: { code, roundId } }));
      notice = undefined;
      scannedCode = undefined;
      await openList();
    },
  });
  return h('main', { class: 'evaluate' }, h('header', {}, langSwitch()), form);
}

function header() {
  const signOut = h('button', { type: 'button' }, t('signOut'));
  signOut.addEventListener('click', () => {
    session.clear();
    show(() => signIn());
  });
  return h(
    'header',
    {},
    h(
      'div',
      {},
      h('p', { class: 'hint' }, `${view.round.competitionTitle} · ${pick(EVALUATION_STAGE_LABELS[view.round.stage])}`),
      h(
        'p',
        {},
        `${t('evaluatorLine', { name: view.evaluator.name })} · ${pick(JUDGE_GROUP_LABELS[view.evaluator.group])}`,
      ),
    ),
    h('div', { class: 'actions' }, langSwitch(), signOut),
  );
}

async function openList(saved) {
  view = await call(`/evaluator/rounds/${roundId}`);
  show(() => list(saved));
}

function list(saved) {
  const open = view.round.state === 'open';
  const done = view.projects.filter((project) => project.status === 'scored').length;
  const scorable = view.projects.filter((project) => project.status !== 'recused').length;
  return h(
    'main',
    { class: 'evaluate' },
    header(),
    h('h1', {}, t('projectsTitle')),
    saved ? h('p', { class: 'ok', role: 'status' }, t('saved', { title: saved })) : null,
    open ? null : h('p', { class: 'error', role: 'alert' }, t('closed')),
    h('p', { class: 'hint' }, t('progress', { done, total: scorable })),
    h(
      'ul',
      { class: 'project-list' },
      view.projects.map((project) => {
        const actions = [];
        if (open && project.status !== 'recused') {
          const scoreButton = h('button', { type: 'button', class: 'primary' }, t(project.sheet ? 'rescore' : 'score'));
          scoreButton.addEventListener('click', () => show(() => sheetForm(project)));
          const recuse = h('button', { type: 'button' }, t('recuse'));
          recuse.addEventListener('click', () => askRecusal(project));
          actions.push(scoreButton, recuse);
        }
        return h(
          'li',
          { class: 'card', dataset: { grant: project.grantId } },
          h('h2', {}, project.title),
          h('p', { class: 'hint' }, `${project.organizationName} · ${project.community}`),
          h('p', {}, h('span', { class: 'status' }, pick(EVALUATOR_SHEET_STATUS_LABELS[project.status]))),
          project.sheet ? h('p', {}, t('yourTotal', { total: project.sheet.total })) : null,
          project.recusalReason ? h('p', {}, t('recusedBecause', { reason: project.recusalReason })) : null,
          actions.length > 0 ? h('div', { class: 'actions' }, actions) : null,
        );
      }),
    ),
  );
}

function markInput(criterion, value, onChange) {
  const id = `mark-${criterion.key}`;
  const max = toUnits(criterion.maxPoints);
  const input = h('input', {
    id,
    name: criterion.key,
    inputmode: 'decimal',
    autocomplete: 'off',
    value: value ?? undefined,
    'aria-describedby': `${id}-error`,
  });
  const error = h('p', { class: 'error', id: `${id}-error`, role: 'alert', hidden: true });
  const stepper = (direction) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: `step ${direction > 0 ? 'plus' : 'minus'}`,
        'aria-label': t(direction > 0 ? 'increase' : 'decrease', { label: label(criterion) }),
        'aria-controls': id,
      },
      direction > 0 ? '+' : '−',
    );
    button.addEventListener('click', () => {
      input.value = fromUnits(stepMark(toUnits(input.value) ?? 0n, BigInt(direction) * ONE_POINT, max));
      onChange();
    });
    return button;
  };
  input.addEventListener('input', onChange);
  const check = () => {
    const raw = input.value.trim();
    const units = toUnits(raw);
    const message =
      raw === ''
        ? t('markMissing')
        : units === undefined || units > max
          ? t('markInvalid', { max: criterion.maxPoints, decimals: MARK_DECIMALS })
          : undefined;
    error.hidden = !message;
    error.textContent = message ?? '';
    input.setAttribute('aria-invalid', String(Boolean(message)));
    return !message;
  };
  const element = h(
    'div',
    { class: 'criterion' },
    h('label', { for: id }, `${label(criterion)}（${t('maxPoints', { max: criterion.maxPoints })}）`),
    h('div', { class: 'mark-row' }, stepper(-1), input, stepper(1)),
    error,
  );
  return { element, input, error, check };
}

function gateInput(criterion, value) {
  let passed = value;
  const buttons = [true, false].map((verdict) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: `toggle ${verdict ? 'gate-pass' : 'gate-fail'}`,
        'aria-pressed': String(passed === verdict),
      },
      t(verdict ? 'gatePass' : 'gateFail'),
    );
    button.addEventListener('click', () => {
      passed = verdict;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
    });
    return button;
  });
  const element = h(
    'fieldset',
    { class: 'criterion' },
    h('legend', {}, label(criterion)),
    h('div', { class: 'actions' }, buttons),
  );
  return { element, value: () => passed };
}

/** 满意度 from residents beside the criterion the office chose: the panel reads it before scoring. */
function residentLine(satisfaction) {
  if (satisfaction.ratings === 0) return t('residentNoRatings');
  const criterion = view.rubric.find((c) => c.key === satisfaction.criterion);
  return t('residentRatings', {
    mean: satisfaction.mean,
    count: satisfaction.ratings,
    criterion: criterion ? label(criterion) : satisfaction.criterion,
    points: satisfaction.points,
    max: satisfaction.maxPoints,
  });
}

function sheetForm(project) {
  const scored = view.rubric.filter((criterion) => !criterion.gate);
  const gates = view.rubric.filter((criterion) => criterion.gate);
  const totalLine = h('p', { class: 'total', 'aria-live': 'polite' });
  const refresh = () => {
    const marks = Object.fromEntries(rows.map(({ key, input }) => [key, toUnits(input.value.trim())]));
    const { total, max } = weightedTotal(view.rubric, marks);
    totalLine.textContent = t('total', { total, max });
  };
  const rows = scored.map((criterion) => ({
    key: criterion.key,
    ...markInput(criterion, project.sheet?.criteria[criterion.key], () => refresh()),
  }));
  const gateRows = gates.map((criterion) => ({
    key: criterion.key,
    ...gateInput(criterion, project.sheet?.gates[criterion.key]),
  }));
  refresh();
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary wide' }, t('submit'));
  const back = h('button', { type: 'button' }, t('back'));
  back.addEventListener('click', () => show(() => list()));
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h1', {}, project.title),
    h('p', { class: 'hint' }, `${project.organizationName} · ${project.community}`),
    project.residentSatisfaction
      ? h('p', { class: 'hint', 'data-testid': 'resident-satisfaction' }, residentLine(project.residentSatisfaction))
      : null,
    rows.map((row) => row.element),
    gateRows.map((row) => row.element),
    totalLine,
    error,
    h('div', { class: 'actions' }, back, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const invalid = rows.filter((row) => !row.check());
    if (invalid.length > 0) {
      invalid[0].input.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t('submitting');
    try {
      await call(`/evaluator/rounds/${roundId}/sheets/${project.grantId}`, {
        method: 'PUT',
        body: {
          criteria: Object.fromEntries(rows.map(({ key, input }) => [key, input.value.trim()])),
          gates: Object.fromEntries(
            gateRows.filter((row) => row.value() !== undefined).map((row) => [row.key, row.value()]),
          ),
        },
      });
      await openList(project.title);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      error.hidden = false;
      error.textContent = failure.text();
      submit.disabled = false;
      submit.textContent = t('submit');
      if (failure.reason === 'EVALUATION_ROUND_CLOSED') view.round.state = 'closed';
    }
  });
  return h('main', { class: 'evaluate' }, header(), form);
}

function askRecusal(project) {
  const reason = h('textarea', { id: 'recusal-reason', name: 'reason', maxlength: '200', rows: '3' });
  openDialog({
    title: t('recuseTitle'),
    body: t('recuseBody', { title: project.title }),
    content: h('div', {}, h('label', { for: 'recusal-reason' }, t('recuseReason')), reason),
    confirmLabel: t('recuseConfirm'),
    onConfirm: async () => {
      if (reason.value.trim() === '') return t('reasonMissing');
      try {
        await call(`/evaluator/rounds/${roundId}/recusals/${project.grantId}`, {
          method: 'POST',
          body: { reason: reason.value.trim() },
        });
        await openList();
        return undefined;
      } catch (failure) {
        return failure instanceof ApiError ? failure.text() : String(failure);
      }
    },
  });
}

if (session.get() && roundId) {
  openList().catch(() => show(() => signIn()));
} else {
  show(() => signIn());
}
