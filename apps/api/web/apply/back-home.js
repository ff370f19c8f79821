// The applicant's way back to the start page, above every page opened off it.
import { breadcrumb } from '../shared/app-shell.js';

export function backToMyProjects() {
  return breadcrumb({ zh: '← 我的申报', en: '← My projects' }, '#/home');
}
