import { AgreementLocale } from './agreement-view.types';

const ZH: readonly string[] = [
  '按照项目申报书和本协议约定的服务内容、服务对象和实施进度开展项目；未经甲方书面同意，不得变更项目内容、执行期限或实施主体，不得转包。',
  '资助资金专款专用，仅用于本项目并按预算科目列支，不得挪作他用，不得用于与项目无关的人员福利、招待和固定资产购置。',
  '建立项目资金专账，规范保存票据凭证，接受甲方、财政、审计部门及甲方委托的第三方机构的监督检查和审计。',
  '每月报送项目进展情况，按时提交中期报告和结项报告，如实反映项目实施和资金使用情况，配合甲方开展中期评估和结项评估。',
  '在项目活动现场和宣传材料中标明“公益创投资助项目”字样及甲方名称，配合甲方开展项目宣传和成果展示。',
  '项目结项或终止后，结余资金和未使用的资助资金自甲方通知之日起三十日内全额退回甲方。',
  '乙方虚报冒领、截留挪用资助资金，擅自变更或终止项目，或评估不合格且整改后仍不合格的，甲方有权解除本协议，乙方应退还已拨付的全部资助资金，且三年内不得申报甲方组织的公益创投项目。',
];

const EN: readonly string[] = [
  'Carry out the project with the services, beneficiaries and schedule stated in the application and in this agreement; do not change the content, term or implementing party, or subcontract the project, without Party A’s written consent.',
  'Use the grant only for this project and within the budget lines; do not divert it to other purposes, staff benefits, hospitality or fixed assets unrelated to the project.',
  'Keep a separate ledger and all receipts for the grant, and accept inspection and audit by Party A, the finance and audit authorities and any third party appointed by Party A.',
  'Report progress monthly, submit the mid-term and final reports on time, describe the project and the use of funds truthfully, and take part in the mid-term and final evaluations.',
  'Mark project events and publicity materials as a “Public-Benefit Venture funded project” with Party A’s name, and take part in Party A’s publicity of the project.',
  'Return any unspent or unused grant to Party A in full within thirty days of Party A’s notice once the project is completed or terminated.',
  'If Party B obtains the grant by false claims, diverts or withholds it, changes or stops the project without consent, or fails an evaluation and the remedial review, Party A may terminate this agreement; Party B shall then return all grant money paid and may not apply to Party A’s public-benefit venture competitions for three years.',
];

/** The usual duties of a funded 公益创投 project: reporting, earmarked funds, audit, publicity, refunds, breach. */
export function defaultGranteeObligations(locale: AgreementLocale): readonly string[] {
  return locale === 'zh' ? ZH : EN;
}
