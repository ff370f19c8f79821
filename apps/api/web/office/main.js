// 管理控制台: the grants office runs a competition from a laptop, from its rules to its agreements and
// the grants they start.
import { ID, startApp } from '../shared/app-shell.js';
import { auditView } from './audit-view.js';
import { competitionView } from './competition-view.js';
import { competitionsView, newCompetitionView } from './competitions-view.js';
import { officeGrantView } from './grant-view.js';
import { loginView } from './login-view.js';
import { organizationView } from './organization-view.js';
import { reportReviewView } from './report-review.js';
import { webhooksView } from './webhooks-view.js';
import { settingsView } from './settings-view.js';

startApp({
  brand: { zh: '管理控制台', en: 'Office console' },
  sessionKey: 'gongyi.office.session',
  loginHash: '#/login',
  homeHash: '#/competitions',
  publicRoutes: [[/^#\/login$/, loginView]],
  routes: [
    [/^#\/(?:competitions)?$/, competitionsView],
    [/^#\/competitions\/new$/, newCompetitionView],
    // A tab may carry its own choice after `?` (the evaluation round shown), which the tab reads.
    [new RegExp(`^#/competitions/${ID}(?:/([a-z]+))?(?:\\?[^#]*)?$`), competitionView],
    [new RegExp(`^#/grants/${ID}$`), officeGrantView],
    [new RegExp(`^#/reports/${ID}$`), reportReviewView],
    [new RegExp(`^#/organizations/${ID}$`), organizationView],
    [/^#\/audit(?:\?([^#]*))?$/, auditView],
    [/^#\/webhooks$/, webhooksView],
    [/^#\/settings$/, settingsView],
  ],
});
