import type { Bilingual } from '@app/domain';
import { PLATFORM_NAME } from '@app/domain';
import { Page } from './page-shell';

const PUBLIC_CSS = '/shared/public.css';
const CONSOLE_CSS = '/shared/console.css';

// Every page but the landing one runs the main.js of its own folder.
const inFolder = (folder: string) => ({ path: `/${folder}/`, script: `/${folder}/main.js` });

function consolePage(folder: string, title: Bilingual, stylesheets: readonly string[], narrow?: true): Page {
  return { ...inFolder(folder), title, stylesheets: [CONSOLE_CSS, ...stylesheets], body: { kind: 'console', narrow } };
}

function publicPage(folder: string, title: Bilingual, task: Bilingual, stylesheets: readonly string[] = []): Page {
  return { ...inFolder(folder), title, stylesheets: [PUBLIC_CSS, ...stylesheets], body: { kind: 'public', task } };
}

function tabletPage(folder: string, title: Bilingual, task: Bilingual, stylesheets: readonly string[]): Page {
  return { ...inFolder(folder), title, stylesheets, body: { kind: 'tablet', task } };
}

const OFFICE = consolePage('office', { zh: '管理控制台', en: 'Office console' }, ['/office/office.css']);
const APPLY = consolePage('apply', { zh: '项目申报', en: 'Apply' }, ['/apply/apply.css'], true);

/**
 * Every page the API serves: the layout (page-shell.ts) spells what they share, so a page's own
 * title, stylesheets, script and body texts are all that is written here. A tablet's or a public
 * page's task completes "请启用 JavaScript 后… / Enable JavaScript to …" for a browser without it.
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
  APPLY,
  consolePage('admin', { zh: '系统管理', en: 'Admin console' }, ['/admin/admin.css']),
  {
    ...publicPage('admin/invite', { zh: '设置密码', en: 'Accept the invitation' }, { zh: '设置密码', en: 'continue' }, [
      CONSOLE_CSS,
      '/admin/admin.css',
    ]),
    noReferrer: true,
  },
  publicPage('notice', { zh: '结果公示', en: 'Public notice' }, { zh: '查看公示', en: 'read the notice' }),
  publicPage(
    'accountability',
    { zh: '项目进展公开', en: 'Project accountability' },
    { zh: '查看项目进展', en: 'read the projects’ progress' },
  ),
  publicPage('vote', { zh: '网络投票', en: 'Public vote' }, { zh: '投票', en: 'vote' }, ['/vote/vote.css']),
  publicPage('needs', { zh: '社区需求墙', en: 'Needs wall' }, { zh: '使用需求墙', en: 'use the needs wall' }, [
    '/vote/vote.css',
  ]),
  tabletPage('judge', { zh: '评委打分', en: 'Judge scoring' }, { zh: '使用评委打分页面', en: 'use the judge page' }, [
    '/judge/judge.css',
  ]),
  tabletPage(
    'evaluate',
    { zh: '评估打分', en: 'Evaluation scoring' },
    { zh: '使用评估打分页面', en: 'use the evaluation page' },
    ['/judge/judge.css', '/evaluate/evaluate.css'],
  ),
  {
    ...inFolder('screen'),
    title: { zh: '路演大屏', en: 'Live board' },
    stylesheets: ['/screen/screen.css'],
    body: { kind: 'screen', task: { zh: '使用路演大屏', en: 'show the live board' } },
  },
];
