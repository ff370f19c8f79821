// 管理控制台: the grants office runs a competition from a laptop, from its rules to its agreements.
import { ID, startApp } from '../shared/app-shell.js';
import { competitionView } from './competition-view.js';
import { competitionsView, newCompetitionView } from './competitions-view.js';
import { loginView } from './login-view.js';

startApp({
  sessionKey: 'gongyi.office.session',
  loginHash: '#/login',
  homeHash: '#/competitions',
  publicRoutes: [[/^#\/login$/, loginView]],
  routes: [
    [/^#\/(?:competitions)?$/, competitionsView],
    [/^#\/competitions\/new$/, newCompetitionView],
    [new RegExp(`^#/competitions/${ID}(?:/([a-z]+))?$`), competitionView],
  ],
});
