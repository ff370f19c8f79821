import { CompetitionState } from '../competition-lifecycle';
import { stateEn, stateZh } from '../competition-state-names';
import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { refusal } from './refusal';

export enum AgreementRefusal {
  NotFound = 'AGREEMENT_NOT_FOUND',
  NoAgreementYet = 'NO_AGREEMENT_YET',
  NoneRendered = 'NO_AGREEMENTS_YET',
  NotAwarded = 'NOT_AWARDED',
  ScanFileMissing = 'SCAN_FILE_MISSING',
  ScanNotReadable = 'MALFORMED_MULTIPART',
  ScanFileName = 'INVALID_FILENAME',
  ScanTooLarge = 'SCAN_TOO_LARGE',
  ScanWrongType = 'SCAN_WRONG_TYPE',
  AlreadySigned = 'ALREADY_SIGNED',
  NoSignedScan = 'NO_SIGNED_SCAN',
  FundedProjectMissing = 'FUNDED_PROJECT_MISSING',
  RunNotAwarded = 'RUN_NOT_AWARDED',
}

/** Where a refusal of the upload points: the form part that carries the scan. */
const SCAN = 'file';

export const AgreementErrors = {
  notFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      AgreementRefusal.NotFound,
      { zh: '未找到该协议书', en: 'agreement not found' },
      'id',
    ),

  noAgreementYet: () =>
    refusal(
      DomainErrorCode.NotFound,
      AgreementRefusal.NoAgreementYet,
      { zh: '该项目暂无协议书', en: 'this project has no agreement (yet)' },
      'id',
    ),

  noneRendered: () =>
    refusal(DomainErrorCode.NotFound, AgreementRefusal.NoneRendered, {
      zh: '该大赛还没有生成协议书',
      en: 'the competition has no agreements yet',
    }),

  notAwarded: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, AgreementRefusal.NotAwarded, {
      zh: `只有已立项的大赛可以重新生成协议书，大赛当前为${stateZh(state)}`,
      en: `agreements can be regenerated only for an awarded competition; it is in ${stateEn(state)}`,
    }),

  scanFileMissing: (maxMiB: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AgreementRefusal.ScanFileMissing,
      {
        zh: `请上传一个文件：签字盖章后的协议书扫描件，PDF、JPEG 或 PNG，不超过 ${maxMiB} MiB`,
        en: `upload one file: the signed agreement as PDF, JPEG or PNG, at most ${maxMiB} MiB`,
      },
      SCAN,
    ),

  scanNotReadable: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AgreementRefusal.ScanNotReadable,
      {
        zh: '上传的内容不完整或已损坏（可能在传输中被截断），请重新上传扫描件',
        en: 'the upload is incomplete or garbled (perhaps cut short on the way); upload the scan again',
      },
      SCAN,
    ),

  scanFileName: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AgreementRefusal.ScanFileName,
      {
        zh: '文件名含有控制字符，请重命名后上传',
        en: 'the file name has control characters; rename the file and upload it again',
      },
      SCAN,
    ),

  scanTooLarge: (maxMiB: number) =>
    refusal(
      DomainErrorCode.PayloadTooLarge,
      AgreementRefusal.ScanTooLarge,
      { zh: `扫描件不能超过 ${maxMiB} MiB`, en: `the scan must be at most ${maxMiB} MiB` },
      SCAN,
    ),

  scanWrongType: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AgreementRefusal.ScanWrongType,
      {
        zh: '扫描件必须是 PDF、JPEG 或 PNG 文件（按文件内容判断，不看扩展名）',
        en: 'the scan must be a PDF, JPEG or PNG file (judged by its content, not its name)',
      },
      SCAN,
    ),

  alreadySigned: () =>
    refusal(DomainErrorCode.Conflict, AgreementRefusal.AlreadySigned, {
      zh: '该协议书已上传签字扫描件',
      en: 'the signed scan of this agreement was already uploaded',
    }),

  noSignedScan: () =>
    refusal(
      DomainErrorCode.NotFound,
      AgreementRefusal.NoSignedScan,
      { zh: '该协议书尚未上传签字扫描件', en: 'no signed scan has been uploaded for this agreement' },
      'id',
    ),

  /** The worker's: a funded result whose project or organization row is gone. */
  fundedProjectMissing: (submissionId: string) =>
    refusal(DomainErrorCode.NotFound, AgreementRefusal.FundedProjectMissing, {
      zh: `获资助项目（编号 ${submissionId}）的申报或申报单位不存在`,
      en: `the submission or organization of funded project ${submissionId} is missing`,
    }),

  /** The worker's: rendering asked for a run that is not the competition's awarded result. */
  runNotAwarded: (runId: string, state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, AgreementRefusal.RunNotAwarded, {
      zh: `大赛尚未以排名结果（编号 ${runId}）立项，不能生成协议书（大赛当前为${stateZh(state)}）`,
      en: `run ${runId} is not the awarded result of the competition, which is in ${stateEn(state)}`,
    }),
} as const;

/** What a person is told when the renderer refuses an agreement's view: nothing they can fix themselves. */
export function agreementRenderingProblem(): BilingualMessage {
  return {
    zh: '协议书内容无法生成，请联系系统管理员',
    en: 'the agreement cannot be drawn up; contact the administrator',
  };
}
