// 项目申报: communities and social organizations register, draft, submit and follow their projects,
// then run the grants they win (我的资助).
import { ID, startApp } from '../shared/app-shell.js';
import { homeView } from './home-view.js';
import { loginView, registerView } from './account-views.js';
import { editorView } from './editor-view.js';
import { granteeGrantView, granteeReportView } from './grants-view.js';
import { needsView } from './needs-view.js';
import { submissionView } from './submission-view.js';

startApp({
  brand: { zh: '项目申报', en: 'Apply' },
  sessionKey: 'gongyi.apply.session',
  loginHash: '#/login',
  homeHash: '#/home',
  publicRoutes: [
    [/^#\/login$/, loginView],
    [/^#\/register$/, registerView],
  ],
  routes: [
    [/^#\/(?:home)?$/, homeView],
    [/^#\/needs$/, needsView],
    [new RegExp(`^#/competitions/${ID}/new$`), (ctx, id) => editorView(ctx, { competitionId: id })],
    [new RegExp(`^#/submissions/${ID}/edit$`), (ctx, id) => editorView(ctx, { submissionId: id })],
    [new RegExp(`^#/submissions/${ID}$`), submissionView],
    [new RegExp(`^#/grants/${ID}$`), granteeGrantView],
    [new RegExp(`^#/reports/${ID}$`), granteeReportView],
  ],
});
