// Every text of the evaluator's tablet, Chinese first; states and stages come from the vocabulary.
import { createText } from '../shared/i18n.js';

export const { t } = createText({
  pageTitle: { zh: '评估打分', en: 'Evaluation scoring' },
  signInTitle: { zh: '评估人签到', en: 'Evaluator sign-in' },
  signInHint: {
    zh: '请输入工作人员发给您的 8 位评估签到码（如 K7QM-4XPA），大小写和连字符不限。',
    en: 'Enter the 8-character evaluation code from the office (e.g. K7QM-4XPA); case and dashes do not matter.',
  },
  needRound: {
    zh: '请打开工作人员提供的评估地址（含评估轮次），再输入签到码。',
    en: 'Open the evaluation address the office gave you (it names the round), then enter your code.',
  },
  signIn: { zh: '进入评估', en: 'Sign in' },
  sessionEnded: {
    zh: '登录已失效（签到码可能已重新生成），请重新输入签到码。',
    en: 'Your session has ended (the code may have been reissued); enter your code again.',
  },
  signOut: { zh: '退出', en: 'Sign out' },
  evaluatorLine: { zh: '评估人：{name}', en: 'Evaluator: {name}' },
  projectsTitle: { zh: '本轮评估项目', en: 'Projects of this round' },
  progress: { zh: '已评 {done} / {total} 个项目', en: '{done} of {total} projects scored' },
  closed: {
    zh: '本轮评估已结束，不能再提交评分或申报回避。',
    en: 'This round is closed; sheets and recusals can no longer be submitted.',
  },
  score: { zh: '评分', en: 'Score' },
  rescore: { zh: '修改评分', en: 'Change sheet' },
  recuse: { zh: '申报回避', en: 'Declare a conflict' },
  recusedBecause: { zh: '回避原因：{reason}', en: 'Recused: {reason}' },
  residentRatings: {
    zh: '居民满意度：{mean} 星（{count} 人评价），折合「{criterion}」{points} / {max} 分',
    en: 'Residents’ satisfaction: {mean} stars ({count} ratings), {points} of {max} on “{criterion}”',
  },
  residentNoRatings: { zh: '居民满意度：尚无居民评价', en: 'Residents’ satisfaction: no rating yet' },
  yourTotal: { zh: '您的总分：{total}', en: 'Your total: {total}' },
  back: { zh: '返回项目列表', en: 'Back to the projects' },
  submit: { zh: '提交评分', en: 'Submit the sheet' },
  submitting: { zh: '正在提交…', en: 'Submitting…' },
  saved: { zh: '“{title}”的评分已保存', en: 'The sheet for "{title}" is saved' },
  maxPoints: { zh: '满分 {max}', en: 'out of {max}' },
  total: { zh: '合计 {total} / {max}', en: 'Total {total} / {max}' },
  markMissing: { zh: '请填写分数', en: 'A mark is required' },
  markInvalid: {
    zh: '分数须在 0 到 {max} 之间，最多 {decimals} 位小数',
    en: 'The mark must be between 0 and {max}, with at most {decimals} decimals',
  },
  gatePass: { zh: '通过', en: 'Pass' },
  gateFail: { zh: '不通过', en: 'Fail' },
  increase: { zh: '{label} 加 1 分', en: 'Add 1 to {label}' },
  decrease: { zh: '{label} 减 1 分', en: 'Subtract 1 from {label}' },
  recuseTitle: { zh: '申报回避', en: 'Declare a conflict' },
  recuseBody: {
    zh: '申报后您不能再为“{title}”评分，已提交的评分不计入。请写明原因。',
    en: 'You will no longer score "{title}" and a sheet already given will not count. State the reason.',
  },
  recuseReason: { zh: '回避原因', en: 'Reason' },
  recuseConfirm: { zh: '确认回避', en: 'Recuse' },
  reasonMissing: { zh: '请填写回避原因', en: 'A reason is required' },
});
