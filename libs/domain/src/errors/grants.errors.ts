import { DomainErrorCode } from '../domain-error-code';
import { GrantState, ReportKind, ReportState, TrancheState } from '../grant-vocabulary';
import { GRANT_STATE_LABELS, REPORT_KIND_LABELS, REPORT_STATE_LABELS, TRANCHE_STATE_LABELS } from '../labels';
import { refusal } from './refusal';

export enum GrantsRefusal {
  GrantNotFound = 'GRANT_NOT_FOUND',
  TrancheNotFound = 'TRANCHE_NOT_FOUND',
  ReportNotFound = 'REPORT_NOT_FOUND',
  AttachmentNotFound = 'ATTACHMENT_NOT_FOUND',
  BudgetChangeNotFound = 'BUDGET_CHANGE_NOT_FOUND',
  RefundNotFound = 'REFUND_NOT_FOUND',
  AgreementNotFound = 'AGREEMENT_NOT_FOUND',
  AgreementNotSigned = 'AGREEMENT_NOT_SIGNED',
  AgreementNotGoverning = 'AGREEMENT_NOT_GOVERNING',
  GrantAlreadyExists = 'GRANT_ALREADY_EXISTS',
  GrantSuspended = 'GRANT_SUSPENDED',
  GrantClosed = 'GRANT_CLOSED',
  GrantMoveNotAllowed = 'GRANT_MOVE_NOT_ALLOWED',
  GrantNotSettled = 'GRANT_NOT_SETTLED',
  TrancheNotEligible = 'TRANCHE_NOT_ELIGIBLE',
  TrancheOutOfOrder = 'TRANCHE_OUT_OF_ORDER',
  TrancheAlreadyApproved = 'TRANCHE_ALREADY_APPROVED',
  TrancheNotApproved = 'TRANCHE_NOT_APPROVED',
  TrancheAlreadyPaid = 'TRANCHE_ALREADY_PAID',
  TrancheClosed = 'TRANCHE_CLOSED',
  SameAccountApproved = 'SAME_ACCOUNT_APPROVED',
  VoucherAlreadyUsed = 'VOUCHER_ALREADY_USED',
  PaidDateInvalid = 'PAID_DATE_INVALID',
  PayeeMissing = 'PAYEE_MISSING',
  ConditionNotOfficeDecided = 'CONDITION_NOT_OFFICE_DECIDED',
  ConditionAlreadyMet = 'CONDITION_ALREADY_MET',
  ReportKindNotRequired = 'REPORT_KIND_NOT_REQUIRED',
  ReportPeriodInvalid = 'REPORT_PERIOD_INVALID',
  ReportNotOpenYet = 'REPORT_NOT_OPEN_YET',
  ReportAlreadyExists = 'REPORT_ALREADY_EXISTS',
  ReportNotEditable = 'REPORT_NOT_EDITABLE',
  ReportChangedSinceRead = 'REPORT_CHANGED_SINCE_READ',
  ReportNotSubmitted = 'REPORT_NOT_SUBMITTED',
  ReportIncomplete = 'REPORT_INCOMPLETE',
  SpendingLinesMismatch = 'SPENDING_LINES_MISMATCH',
  ActivityDateOutsidePeriod = 'ACTIVITY_DATE_OUTSIDE_PERIOD',
  AttachmentMissing = 'ATTACHMENT_MISSING',
  AttachmentType = 'ATTACHMENT_TYPE',
  AttachmentTooLarge = 'ATTACHMENT_TOO_LARGE',
  AttachmentNotReadable = 'ATTACHMENT_NOT_READABLE',
  AttachmentFileName = 'ATTACHMENT_FILE_NAME',
  AttachmentLimit = 'ATTACHMENT_LIMIT',
  BudgetChangeInvalid = 'BUDGET_CHANGE_INVALID',
  BudgetChangePending = 'BUDGET_CHANGE_PENDING',
  BudgetChangeDecided = 'BUDGET_CHANGE_DECIDED',
  BudgetChangeStale = 'BUDGET_CHANGE_STALE',
  RefundAlreadyReturned = 'REFUND_ALREADY_RETURNED',
  ReturnDateInvalid = 'RETURN_DATE_INVALID',
}

const trancheStateZh = (state: TrancheState) => `「${TRANCHE_STATE_LABELS[state].zh}」`;
const trancheStateEn = (state: TrancheState) => `"${TRANCHE_STATE_LABELS[state].en}"`;
const grantStateZh = (state: GrantState) => `「${GRANT_STATE_LABELS[state].zh}」`;
const grantStateEn = (state: GrantState) => `"${GRANT_STATE_LABELS[state].en}"`;

const notFound = (reason: GrantsRefusal, zh: string, en: string, field = 'id') =>
  refusal(DomainErrorCode.NotFound, reason, { zh, en }, field);

/**
 * The grants ledger's refusals. Money steps refuse with a reason a finance clerk can act on; the
 * concurrent loser of an approval or a payment gets the same 409 as anyone arriving late.
 */
export const GrantsErrors = {
  grantNotFound: (field = 'id') => notFound(GrantsRefusal.GrantNotFound, '未找到该资助项目', 'grant not found', field),
  trancheNotFound: () => notFound(GrantsRefusal.TrancheNotFound, '未找到该期拨付', 'tranche not found'),
  reportNotFound: () => notFound(GrantsRefusal.ReportNotFound, '未找到该报告', 'report not found'),
  attachmentNotFound: () => notFound(GrantsRefusal.AttachmentNotFound, '未找到该附件', 'attachment not found'),
  budgetChangeNotFound: () =>
    notFound(GrantsRefusal.BudgetChangeNotFound, '未找到该预算调整申请', 'budget change request not found'),
  refundNotFound: () => notFound(GrantsRefusal.RefundNotFound, '未找到该退款', 'refund not found'),
  agreementNotFound: () => notFound(GrantsRefusal.AgreementNotFound, '未找到该协议书', 'agreement not found'),

  agreementNotSigned: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.AgreementNotSigned, {
      zh: '获资助单位尚未上传签字盖章的协议书扫描件，收到后才能确认签约',
      en: 'the grantee has not uploaded the signed agreement yet; it can be accepted once it has',
    }),

  agreementNotGoverning: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.AgreementNotGoverning, {
      zh: '资助依据中文协议书签约，请确认中文版协议书的签字扫描件',
      en: 'the Chinese agreement governs: accept the signed scan of the Chinese version',
    }),

  grantAlreadyExists: (agreementNumber: string) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.GrantAlreadyExists, {
      zh: `协议书 ${agreementNumber} 已确认签约，资助项目已建立`,
      en: `agreement ${agreementNumber} was already accepted; its grant exists`,
    }),

  grantSuspended: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.GrantSuspended, {
      zh: '该资助项目已暂停拨付，恢复后才能审批或付款',
      en: 'payments of this grant are suspended; resume it before approving or paying',
    }),

  grantClosed: (state: GrantState) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.GrantClosed, {
      zh: `该资助项目${grantStateZh(state)}，不能再有资金往来`,
      en: `the grant is ${grantStateEn(state)}; no more money moves on it`,
    }),

  grantMoveNotAllowed: (from: GrantState, to: GrantState) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.GrantMoveNotAllowed, {
      zh: `资助项目当前为${grantStateZh(from)}，不能变为${grantStateZh(to)}`,
      en: `a grant that is ${grantStateEn(from)} cannot become ${grantStateEn(to)}`,
    }),

  grantNotSettled: (openTranches: number, openRefunds: number) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.GrantNotSettled, {
      zh: `还有 ${openTranches} 期拨付未了结、${openRefunds} 笔退款未退回，全部了结后才能结项`,
      en: `${openTranches} tranche(s) are not settled and ${openRefunds} refund(s) are not returned; settle them before completing`,
    }),

  trancheNotEligible: (conditionZh: string, conditionEn: string) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.TrancheNotEligible, {
      zh: `本期拨付条件尚未满足：${conditionZh}`,
      en: `the condition of this tranche does not hold yet: ${conditionEn}`,
    }),

  trancheOutOfOrder: (sequence: number) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.TrancheOutOfOrder, {
      zh: `第 ${sequence} 期尚未拨付或了结，各期须按顺序拨付`,
      en: `tranche ${sequence} is not paid or settled yet; tranches are paid in order`,
    }),

  trancheAlreadyApproved: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.TrancheAlreadyApproved, {
      zh: '本期拨付已由他人审批，无需再次审批',
      en: 'this tranche has already been approved',
    }),

  trancheNotApproved: (state: TrancheState) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.TrancheNotApproved, {
      zh: `本期拨付当前为${trancheStateZh(state)}，须先经另一名工作人员审批才能登记付款`,
      en: `the tranche is ${trancheStateEn(state)}; it must be approved before a payment is recorded`,
    }),

  trancheAlreadyPaid: (voucher: string | null) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.TrancheAlreadyPaid, {
      zh: `本期资金已拨付${voucher ? `（凭证号 ${voucher}）` : ''}，不能重复付款`,
      en: `this tranche has already been paid${voucher ? ` (voucher ${voucher})` : ''}; it cannot be paid twice`,
    }),

  trancheClosed: (state: TrancheState) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.TrancheClosed, {
      zh: `本期拨付${trancheStateZh(state)}，不能再操作`,
      en: `the tranche is ${trancheStateEn(state)}; nothing more can be done with it`,
    }),

  sameAccountApproved: () =>
    refusal(DomainErrorCode.Forbidden, GrantsRefusal.SameAccountApproved, {
      zh: '审批与付款须由两名不同的工作人员完成：本期由您审批，请由另一账号登记付款',
      en: 'approval and payment need two different people: you approved this tranche, so another account records the payment',
    }),

  voucherAlreadyUsed: (voucher: string) =>
    refusal(
      DomainErrorCode.Conflict,
      GrantsRefusal.VoucherAlreadyUsed,
      {
        zh: `凭证号 ${voucher} 已登记过一笔付款，同一凭证不能重复使用`,
        en: `voucher ${voucher} is already recorded for a payment; a voucher is used once`,
      },
      'voucherNumber',
    ),

  paidDateInvalid: (paidOn: string, earliest: string, latest: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.PaidDateInvalid,
      {
        zh: `付款日期 ${paidOn} 须在审批日 ${earliest} 与今天 ${latest} 之间`,
        en: `the payment date ${paidOn} must be between the approval (${earliest}) and today (${latest})`,
      },
      'paidOn',
    ),

  payeeMissing: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.PayeeMissing, {
      zh: '获资助单位尚未填写收款账户，填写后才能审批拨付',
      en: 'the grantee has not entered its bank account yet; a tranche is approved once it has',
    }),

  conditionNotOfficeDecided: (conditionZh: string, conditionEn: string) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.ConditionNotOfficeDecided, {
      zh: `本期条件「${conditionZh}」由系统依据事实判定，不能人工确认`,
      en: `the condition "${conditionEn}" is decided by the ledger's own facts, not by an office decision`,
    }),

  conditionAlreadyMet: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.ConditionAlreadyMet, {
      zh: '本期拨付条件已满足，无需再次确认',
      en: 'the condition of this tranche already holds',
    }),

  reportKindNotRequired: (kind: ReportKind) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.ReportKindNotRequired,
      {
        zh: `本大赛的规则不要求${REPORT_KIND_LABELS[kind].zh}`,
        en: `this competition's rules do not call for a ${REPORT_KIND_LABELS[kind].en.toLowerCase()}`,
      },
      'kind',
    ),

  reportPeriodInvalid: (first: string, last: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.ReportPeriodInvalid,
      {
        zh: `月度报告须写明项目执行期内的月份（${first} 至 ${last}），中期和结项报告不写月份`,
        en: `a monthly report names a month of the project period (${first} to ${last}); mid-term and final reports name none`,
      },
      'period',
    ),

  reportNotOpenYet: (opensOn: string) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.ReportNotOpenYet, {
      zh: `该报告自 ${opensOn} 起才能填写`,
      en: `this report can be written from ${opensOn}`,
    }),

  reportAlreadyExists: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.ReportAlreadyExists, {
      zh: '该期报告已建立，请打开原报告继续填写',
      en: 'this report already exists; open it to continue',
    }),

  reportNotEditable: (state: ReportState) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.ReportNotEditable, {
      zh: `报告当前为「${REPORT_STATE_LABELS[state].zh}」，不能修改`,
      en: `the report is "${REPORT_STATE_LABELS[state].en}" and cannot be changed`,
    }),

  reportChangedSinceRead: (now: number, sent: number) =>
    refusal(
      DomainErrorCode.Conflict,
      GrantsRefusal.ReportChangedSinceRead,
      {
        zh: `报告已在别处修改（当前第 ${now} 版，你读取的是第 ${sent} 版），请刷新后再改`,
        en: `the report changed since you read it (now version ${now}, you sent ${sent}); reload and retry`,
      },
      'expectedVersion',
    ),

  reportNotSubmitted: (state: ReportState) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.ReportNotSubmitted, {
      zh: `报告当前为「${REPORT_STATE_LABELS[state].zh}」，只有已提交的报告可以审核`,
      en: `the report is "${REPORT_STATE_LABELS[state].en}"; only a submitted report is reviewed`,
    }),

  reportIncomplete: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.ReportIncomplete,
      { zh: '提交前请填写项目进展情况', en: 'describe the progress before submitting' },
      'narrative',
    ),

  spendingLinesMismatch: (lines: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.SpendingLinesMismatch,
      {
        zh: `支出须按预算的 ${lines} 个科目逐项填写（没有支出填 0）`,
        en: `spending is reported for each of the ${lines} budget lines (0 where nothing was spent)`,
      },
      'spending',
    ),

  activityDateOutsidePeriod: (index: number, start: string, end: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.ActivityDateOutsidePeriod,
      {
        zh: `第 ${index + 1} 项活动的日期须在项目执行期 ${start} 至 ${end} 之内`,
        en: `activity ${index + 1} must be dated within the project period, ${start} to ${end}`,
      },
      `activities.${index}.date`,
    ),

  attachmentMissing: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.AttachmentMissing,
      {
        zh: '请以表单上传一个文件：照片、签到表或票据，PDF、JPEG 或 PNG，不超过 10 MiB',
        en: 'upload one file as a form: a photo, sign-in sheet or receipt as PDF, JPEG or PNG, at most 10 MiB',
      },
      'file',
    ),

  attachmentType: (filename: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.AttachmentType,
      {
        zh: `附件「${filename}」不是 PDF、JPEG 或 PNG 文件（按文件内容判断，不看扩展名）`,
        en: `the attachment "${filename}" is not a PDF, JPEG or PNG file (judged by its content, not its name)`,
      },
      'file',
    ),

  attachmentTooLarge: (filename: string, limitMiB: number) =>
    refusal(
      DomainErrorCode.PayloadTooLarge,
      GrantsRefusal.AttachmentTooLarge,
      {
        zh: `附件${filename ? `「${filename}」` : ''}超过 ${limitMiB} MiB，请压缩后再上传`,
        en: `the attachment${filename ? ` "${filename}"` : ''} is larger than ${limitMiB} MiB; shrink it first`,
      },
      'file',
    ),

  attachmentNotReadable: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.AttachmentNotReadable,
      {
        zh: '上传的内容不完整或已损坏（可能在传输中被截断），请重新上传附件',
        en: 'the upload is incomplete or garbled (perhaps cut short on the way); upload the attachment again',
      },
      'file',
    ),

  attachmentFileName: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.AttachmentFileName,
      {
        zh: '文件名含有控制字符，请重命名后上传',
        en: 'the file name has control characters; rename the file and upload it again',
      },
      'file',
    ),

  attachmentLimit: (limit: number) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.AttachmentLimit, {
      zh: `每份报告最多 ${limit} 个附件`,
      en: `a report holds at most ${limit} attachments`,
    }),

  budgetChangeInvalid: (zh: string, en: string, field = 'lines') =>
    refusal(DomainErrorCode.ValidationFailed, GrantsRefusal.BudgetChangeInvalid, { zh, en }, field),

  budgetChangePending: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.BudgetChangePending, {
      zh: '已有一项预算调整申请待审批，审批后才能再次申请',
      en: 'a budget change is already waiting for a decision; request another once it is decided',
    }),

  budgetChangeDecided: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.BudgetChangeDecided, {
      zh: '该预算调整申请已审批',
      en: 'this budget change has already been decided',
    }),

  budgetChangeStale: (base: number, current: number) =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.BudgetChangeStale, {
      zh: `申请依据的是第 ${base} 版预算，现行预算已是第 ${current} 版，请重新申请`,
      en: `the request was made against budget version ${base}; the budget is now version ${current}; request again`,
    }),

  refundAlreadyReturned: () =>
    refusal(DomainErrorCode.Conflict, GrantsRefusal.RefundAlreadyReturned, {
      zh: '该笔退款已登记退回',
      en: 'this refund has already been recorded as returned',
    }),

  returnDateInvalid: (returnedOn: string, earliest: string, latest: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      GrantsRefusal.ReturnDateInvalid,
      {
        zh: `退回日期 ${returnedOn} 须在退款通知日 ${earliest} 与今天 ${latest} 之间`,
        en: `the return date ${returnedOn} must be between the refund notice (${earliest}) and today (${latest})`,
      },
      'returnedOn',
    ),
} as const;
