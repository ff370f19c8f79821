// The judge's scores as the tablet knows them: what the server has saved, what waits in the
// outbox, what the judge is editing, and what the server refused. Every status the page shows
// comes from here, so the tablet never claims a score is saved before the server said so.
import { ApiError } from '../shared/api.js';
import { state } from './state.js';
import { saveLocal } from './storage.js';
import { toUnits } from './decimal.js';
import { t } from './texts.js';

export function emptyForm() {
  return { marks: {}, gates: {}, comment: '' };
}

/** The form's fields from a score body (queued or saved): criteria, gates, comment. */
export function formFromBody(body) {
  return { marks: { ...(body.criteria ?? {}) }, gates: { ...(body.gates ?? {}) }, comment: body.comment ?? '' };
}

/** The rubric of the roadshow, in order; empty until the first view arrives. */
export function rubric() {
  return state.view?.rubric.criteria ?? [];
}

/** A locked slot's announced score, called 路演得分 when the roadshow is only a part of the final score. */
export function announcedText(score) {
  return t(state.view?.announcedAs?.part === 'roadshow-component' ? 'announcedPart' : 'announced', { score });
}

/** What the inputs show, as a string to tell whether a rebuilt form would show something else. */
export function formSignature(form) {
  return JSON.stringify([form.marks, form.gates, (form.comment ?? '').trim()]);
}

/** Same marks, gates and comment, whatever the spelling of the numbers ("20" and "20.00"). */
export function sameForm(a, b) {
  const marks = (form) =>
    rubric()
      .filter((criterion) => !criterion.gate)
      .map((criterion) => toUnits(form.marks[criterion.key])?.toString() ?? String(form.marks[criterion.key] ?? ''));
  const gates = (form) =>
    rubric()
      .filter((criterion) => criterion.gate)
      .map((criterion) => String(form.gates[criterion.key]));
  return (
    JSON.stringify([marks(a), gates(a), (a.comment ?? '').trim()]) ===
    JSON.stringify([marks(b), gates(b), (b.comment ?? '').trim()])
  );
}

/** "14:05" on the tablet's clock. */
function formatTime(iso) {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The judge's scores over one outbox. */
export function createScores(outbox) {
  /** The server's latest answer for a slot: from the last fetch or from a save acknowledged since. */
  const savedScore = (slotId) => {
    const candidates = [
      state.view?.current?.slotId === slotId ? state.view.current.myScore : undefined,
      state.slots.find((slot) => slot.slotId === slotId)?.myScore,
      state.local.acks[slotId],
    ].filter(Boolean);
    return candidates.reduce((best, score) => (!best || score.revision > best.revision ? score : best), undefined);
  };

  const pendingItem = (slotId) => (state.judgeId ? outbox.pendingFor(state.judgeId, slotId) : undefined);

  /** What the form compares against to say "changes not submitted": the waiting or the saved marks. */
  const baseline = (slotId) => {
    const pending = pendingItem(slotId);
    if (pending) return formFromBody(pending.body);
    const saved = savedScore(slotId);
    return saved ? formFromBody(saved) : undefined;
  };

  /**
   * The marks the form shows: the judge's unsent edits if any, otherwise what waits or was saved.
   * Edits mutate the returned object, which then becomes the draft.
   */
  const formFor = (slotId) => state.local.drafts[slotId] ?? structuredClone(baseline(slotId) ?? emptyForm());

  /** The judge's own state of one slot, as the status line and the list say it. */
  const statusOf = (slot) => {
    if (slot.recused) return { kind: 'recused', text: t('status.recused') };
    const pending = pendingItem(slot.slotId);
    if (pending) {
      // Offline, what matters is that the score is safe here; online, whether it is on its way.
      const hint = !navigator.onLine
        ? t('status.pendingHint')
        : !state.reachable
          ? t('netUnreachable')
          : outbox.isSyncing()
            ? t('status.sending')
            : outbox.lastError()
              ? t('networkRetry')
              : t('status.pendingHint');
      return { kind: 'pending', text: t('status.pending'), hint };
    }
    const saved = savedScore(slot.slotId);
    const rejected = state.local.rejected[slot.slotId];
    if (rejected && (!saved || rejected.at > saved.savedAt)) {
      const message = new ApiError(rejected.status, rejected).text();
      const hint = saved
        ? t('status.savedBefore', { revision: saved.revision, time: formatTime(saved.savedAt) })
        : undefined;
      return { kind: 'rejected', text: t('status.rejected', { message }), hint };
    }
    if (saved) {
      return { kind: 'saved', text: t('status.saved', { revision: saved.revision, time: formatTime(saved.savedAt) }) };
    }
    return { kind: 'none', text: t('status.none') };
  };

  /** Drafts of locked slots can never be sent; acks older than the server's answer add nothing. */
  const forgetSettled = () => {
    let changed = false;
    for (const slot of state.slots) {
      if (slot.state === 'locked' && state.local.drafts[slot.slotId] && !pendingItem(slot.slotId)) {
        delete state.local.drafts[slot.slotId];
        changed = true;
      }
      const ack = state.local.acks[slot.slotId];
      if (ack && slot.myScore && slot.myScore.revision >= ack.revision) {
        delete state.local.acks[slot.slotId];
        changed = true;
      }
    }
    if (changed) saveLocal();
  };

  /** Scores of the signed-in judge still waiting in the outbox. */
  const waitingCount = () => (state.judgeId ? outbox.items(state.judgeId).length : 0);

  return { baseline, formFor, statusOf, forgetSettled, waitingCount };
}
