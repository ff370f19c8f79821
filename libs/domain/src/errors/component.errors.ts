import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { refusal } from './refusal';

export enum ComponentRefusal {
  ComponentUnknown = 'COMPONENT_UNKNOWN',
  SourceMismatch = 'COMPONENT_SOURCE_MISMATCH',
  ValuesLocked = 'COMPONENT_VALUES_LOCKED',
  ValuesNotLocked = 'COMPONENT_VALUES_NOT_LOCKED',
  ValuesEmpty = 'COMPONENT_VALUES_EMPTY',
  ValueFormat = 'COMPONENT_VALUE_FORMAT',
  ValueAboveMax = 'COMPONENT_VALUE_ABOVE_MAX',
  ValueKind = 'COMPONENT_VALUE_KIND',
  ProjectUnknown = 'COMPONENT_PROJECT_UNKNOWN',
  ProjectRepeated = 'COMPONENT_PROJECT_REPEATED',
  ValuesIncomplete = 'COMPONENT_VALUES_INCOMPLETE',
  UnlockAfterPublication = 'COMPONENT_UNLOCK_AFTER_PUBLICATION',
  CsvRowsInvalid = 'CSV_ROWS_INVALID',
}

/** A component as people read it: its Chinese and English labels. */
export interface ComponentName {
  readonly labelZh: string;
  readonly labelEn: string;
}

function invalid(reason: ComponentRefusal, message: BilingualMessage, field?: string) {
  return refusal(DomainErrorCode.ValidationFailed, reason, message, field);
}

export const ComponentErrors = {
  unknown: (key: string) =>
    refusal(
      DomainErrorCode.NotFound,
      ComponentRefusal.ComponentUnknown,
      {
        zh: `大赛规则中没有需要录入或投票得出的评分构成「${key}」`,
        en: `the rules have no input or vote score component "${key}"`,
      },
      'componentKey',
    ),

  sourceMismatch: (component: ComponentName, expected: string, given: string) =>
    invalid(
      ComponentRefusal.SourceMismatch,
      {
        zh: `「${component.labelZh}」的分数来源是 ${expected}，不能以 ${given} 写入`,
        en: `"${component.labelEn}" comes from ${expected}; it cannot be written as ${given}`,
      },
      'source',
    ),

  locked: (component: ComponentName) =>
    refusal(
      DomainErrorCode.Conflict,
      ComponentRefusal.ValuesLocked,
      {
        zh: `「${component.labelZh}」的分数已锁定，不能再修改；如需更正，请先解除锁定`,
        en: `the values of "${component.labelEn}" are locked; unlock them to correct one`,
      },
      'componentKey',
    ),

  empty: () =>
    invalid(
      ComponentRefusal.ValuesEmpty,
      { zh: '请至少给出一个项目的分数', en: 'give at least one project’s value' },
      'values',
    ),

  valueFormat: (field: string, places: number) =>
    invalid(
      ComponentRefusal.ValueFormat,
      {
        zh: `分数须为不小于 0 的数字（如 85 或 36.5），最多 ${places} 位小数`,
        en: `a value must be a number of at least 0 such as 85 or 36.5, with at most ${places} decimal places`,
      },
      field,
    ),

  valueAboveMax: (field: string, component: ComponentName, max: string) =>
    invalid(
      ComponentRefusal.ValueAboveMax,
      {
        zh: `「${component.labelZh}」的分数不能超过 ${max}`,
        en: `a value of "${component.labelEn}" must not exceed ${max}`,
      },
      field,
    ),

  /** Donations are entered in fen, other input components in points. */
  valueKind: (field: string, component: ComponentName, donations: boolean) =>
    invalid(
      ComponentRefusal.ValueKind,
      donations
        ? {
            zh: `「${component.labelZh}」按捐赠金额折算：请给出捐赠金额（分），不要直接给分数`,
            en: `"${component.labelEn}" is computed from donations: give the donation in fen, not points`,
          }
        : {
            zh: `「${component.labelZh}」请直接给出分数，不要给捐赠金额`,
            en: `give "${component.labelEn}" as points, not as a donation`,
          },
      field,
    ),

  projectUnknown: (field: string) =>
    invalid(
      ComponentRefusal.ProjectUnknown,
      {
        zh: '该项目不是本大赛已提交的申报项目',
        en: 'the project is not a submitted project of this competition',
      },
      field,
    ),

  projectRepeated: (field: string) =>
    invalid(
      ComponentRefusal.ProjectRepeated,
      { zh: '同一项目的分数只能给一次', en: 'a project’s value may be given only once' },
      field,
    ),

  /** Locking needs every project that will be ranked to have its value. */
  incomplete: (component: ComponentName, missing: number) =>
    refusal(
      DomainErrorCode.Conflict,
      ComponentRefusal.ValuesIncomplete,
      {
        zh: `「${component.labelZh}」还有 ${missing} 个通过资格审查的项目没有分数，补齐后才能锁定`,
        en: `${missing} screened-in projects have no value of "${component.labelEn}"; enter them before locking`,
      },
      'componentKey',
    ),

  unlockAfterPublication: (component: ComponentName) =>
    refusal(
      DomainErrorCode.Conflict,
      ComponentRefusal.UnlockAfterPublication,
      {
        zh: `结果已公示，「${component.labelZh}」的分数不能再解除锁定`,
        en: `the result has been published; the values of "${component.labelEn}" can no longer be unlocked`,
      },
      'componentKey',
    ),
} as const;
