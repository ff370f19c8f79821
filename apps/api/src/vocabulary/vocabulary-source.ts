import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTOR_TYPE_LABELS,
  ACCOUNT_STATUS_LABELS,
  API_KEY_SCOPE_LABELS,
  BEIJING_MINUTE_FORMAT,
  LiveEventType,
  NEED_CATEGORY_LABELS,
  NEED_FLAG_LABELS,
  NEED_STATE_LABELS,
  OFFICE_TERMINATION_CAUSES,
  PLATFORM_NAME,
  PROJECT_OUTCOME_LABELS,
  SCORE_COMPONENT_PRESETS,
  SCORE_POST_RETRY_REASONS,
  SCORE_POST_SIGNED_OUT_REASONS,
  SERVICE_ORDER_STATE_LABELS,
  TENANT_KIND_LABELS,
  VALUE_LABELS,
  VOTE_GUARDS,
  XINDIAN_MONTHLY_CHECKS,
} from '@app/domain';
import {
  CRITERION_TIE_BREAK_LABEL,
  CRITERION_TIE_BREAK_PREFIX,
  MARK_DECIMALS,
  NAMED_TIE_BREAK_LABELS,
  yuanFigureOf,
} from '@app/scoring';
import { etagOf } from '../common/etag';

/** The path the pages import the vocabulary from; the tablet's service worker keeps it offline. */
export const VOCABULARY_PATH = '/vocabulary.js';

/** What the pages take from libs/domain; each key becomes a named export of the module. */
export const PAGE_VOCABULARY = {
  ...VALUE_LABELS,
  BEIJING_MINUTE_FORMAT,
  PLATFORM_NAME,
  PROJECT_OUTCOME_LABELS,
  NAMED_TIE_BREAK_LABELS,
  CRITERION_TIE_BREAK_LABEL,
  CRITERION_TIE_BREAK_PREFIX,
  LiveEventType,
  MARK_DECIMALS,
  SCORE_POST_RETRY_REASONS,
  SCORE_POST_SIGNED_OUT_REASONS,
  OFFICE_TERMINATION_CAUSES,
  XINDIAN_MONTHLY_CHECKS,
  VOTE_GUARDS,
  SCORE_COMPONENT_PRESETS,
  AUDIT_ACTOR_TYPE_LABELS,
  AUDIT_ACTION_LABELS,
  API_KEY_SCOPE_LABELS,
  TENANT_KIND_LABELS,
  ACCOUNT_STATUS_LABELS,
  NEED_CATEGORY_LABELS,
  NEED_FLAG_LABELS,
  NEED_STATE_LABELS,
  SERVICE_ORDER_STATE_LABELS,
  yuanFigureOf,
} as const;

export interface VocabularySource {
  /** An ES module: `export const NAME = <JSON>;` per table, `export const NAME = <its source>;` per function. */
  readonly text: string;
  /** A strong validator of the text, quoted as the ETag header wants it. */
  readonly etag: string;
}

/**
 * JSON is JavaScript, so each table reaches the pages exactly as libs/domain holds it; a function
 * reaches them as its own compiled source, so the pages run the server's code, not a copy of it.
 */
export function renderVocabulary(vocabulary: Readonly<Record<string, unknown>>): VocabularySource {
  const text = Object.entries(vocabulary)
    .map(([name, value]) => {
      const source = typeof value === 'function' ? String(value) : JSON.stringify(value);
      return `export const ${name} = ${source};\n`;
    })
    .join('');
  return { text, etag: etagOf(text) };
}
