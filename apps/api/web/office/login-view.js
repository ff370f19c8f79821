// Office sign-in with login and password (accounts are created with `npm run create-user`).
import { signInForm } from '../shared/sign-in.js';

export async function loginView(ctx) {
  return signInForm(ctx, {
    title: { zh: '管理控制台登录', en: 'Office console sign-in' },
    // Administrators come here to read every office's audit log.
    roles: ['office', 'admin'],
    refusal: { zh: '该账号不是街道办/民政局工作人员账号', en: 'this account does not belong to the grants office' },
    landing: (session) => (session.role === 'admin' ? '#/audit' : '#/competitions'),
  });
}
