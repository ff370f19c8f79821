import { PLATFORM_NAME, Page } from './page-shell';

const PUBLIC_CSS = '/shared/public.css';
const CONSOLE_CSS = '/shared/console.css';

const OFFICE: Page = {
  path: '/office/',
  title: { zh: '管理控制台', en: 'Office console' },
  stylesheets: [CONSOLE_CSS, '/office/office.css'],
  script: '/office/main.js',
  body: { kind: 'console' },
};

const APPLY: Page = {
  path: '/apply/',
  title: { zh: '项目申报', en: 'Apply' },
  stylesheets: [CONSOLE_CSS, '/apply/apply.css'],
  script: '/apply/main.js',
  body: { kind: 'console', narrow: true },
};

/**
 * Every page the API serves, one line each: the layout (page-shell.ts) spells what they share, so
 * a page's own title, stylesheets, script and body texts are all that is written here.
 */
export const PAGES: readonly Page[] = [
  {
    path: '/',
    title: PLATFORM_NAME,
    stylesheets: ['/index.css'],
    body: {
      kind: 'home',
      links: [
        { href: OFFICE.path, label: OFFICE.title },
        { href: APPLY.path, label: APPLY.title },
        { href: '/judge/', label: { zh: '评委打分', en: 'Judge tablet' } },
        { href: '/notice/', label: { zh: '结果公示与项目进展', en: 'Public notices and project progress' } },
        { href: '/api/docs', label: { zh: 'API 文档', en: 'API documentation' } },
      ],
    },
  },
  OFFICE,
  {
    path: '/admin/',
    title: { zh: '系统管理', en: 'Admin console' },
    stylesheets: [CONSOLE_CSS, '/admin/admin.css'],
    script: '/admin/main.js',
    body: { kind: 'console' },
  },
  {
    path: '/admin/invite/',
    title: { zh: '设置密码', en: 'Accept the invitation' },
    stylesheets: [PUBLIC_CSS, CONSOLE_CSS, '/admin/admin.css'],
    script: '/admin/invite/main.js',
    noReferrer: true,
    body: { kind: 'public', noscript: { zh: '请启用 JavaScript 后设置密码。', en: 'Enable JavaScript to continue.' } },
  },
  APPLY,
  {
    path: '/judge/',
    title: { zh: '评委打分', en: 'Judge scoring' },
    stylesheets: ['/judge/judge.css'],
    script: '/judge/main.js',
    body: {
      kind: 'tablet',
      noscript: { zh: '请启用 JavaScript 后使用评委打分页面。', en: 'Enable JavaScript to use the judge page.' },
    },
  },
  {
    path: '/evaluate/',
    title: { zh: '评估打分', en: 'Evaluation scoring' },
    stylesheets: ['/judge/judge.css', '/evaluate/evaluate.css'],
    script: '/evaluate/main.js',
    body: {
      kind: 'tablet',
      noscript: { zh: '请启用 JavaScript 后使用评估打分页面。', en: 'Enable JavaScript to use the evaluation page.' },
    },
  },
  {
    path: '/screen/',
    title: { zh: '路演大屏', en: 'Live board' },
    stylesheets: ['/screen/screen.css'],
    script: '/screen/main.js',
    body: {
      kind: 'screen',
      noscript: { zh: '请启用 JavaScript 后使用路演大屏。', en: 'Enable JavaScript to show the live board.' },
    },
  },
  {
    path: '/notice/',
    title: { zh: '结果公示', en: 'Public notice' },
    stylesheets: [PUBLIC_CSS],
    script: '/notice/main.js',
    body: {
      kind: 'public',
      noscript: { zh: '请启用 JavaScript 后查看公示。', en: 'Enable JavaScript to read the notice.' },
    },
  },
  {
    path: '/accountability/',
    title: { zh: '项目进展公开', en: 'Project accountability' },
    stylesheets: [PUBLIC_CSS],
    script: '/accountability/main.js',
    body: {
      kind: 'public',
      noscript: { zh: '请启用 JavaScript 后查看项目进展。', en: 'Enable JavaScript to read the projects’ progress.' },
    },
  },
  {
    path: '/vote/',
    title: { zh: '网络投票', en: 'Public vote' },
    stylesheets: [PUBLIC_CSS, '/vote/vote.css'],
    script: '/vote/main.js',
    body: { kind: 'public', noscript: { zh: '请启用 JavaScript 后投票。', en: 'Enable JavaScript to vote.' } },
  },
  {
    path: '/needs/',
    title: { zh: '社区需求墙', en: 'Needs wall' },
    stylesheets: [PUBLIC_CSS, '/vote/vote.css'],
    script: '/needs/main.js',
    body: {
      kind: 'public',
      noscript: { zh: '请启用 JavaScript 后使用需求墙。', en: 'Enable JavaScript to use the needs wall.' },
    },
  },
];
