// Errors of the identity module, with their stable codes.
import { badRequest, forbidden, locked, msg, unauthorized } from '../../platform/http/errors.js';
import { BUSINESS_TIME_ZONE } from '../../platform/clock.js';

export const invalidCredentials = () =>
  unauthorized('auth.invalid_credentials', msg('用户名或密码错误。', 'Wrong username or password.'));

export const noSession = () => unauthorized('auth.no_session', msg('请先登录。', 'Please sign in first.'));

export const sessionIncomplete = () =>
  forbidden(
    'auth.session_incomplete',
    msg(
      '请先完成登录步骤（动态口令或修改密码）。',
      'Finish signing in first (one-time code or new password).',
    ),
  );

export const wrongStep = () =>
  badRequest(
    'auth.wrong_step',
    msg('当前登录步骤不需要此操作。', 'This step is not part of your sign-in now.'),
  );

export const totpInvalid = () =>
  badRequest(
    'auth.totp_invalid',
    msg(
      '动态口令不正确或已使用，请输入验证器中的最新 6 位数字。',
      'The code is wrong or already used; enter the current six digits from your app.',
    ),
  );

export function accountLocked(until: Date) {
  const shanghai = until.toLocaleString('zh-CN', { timeZone: BUSINESS_TIME_ZONE, hour12: false });
  return locked(
    'auth.locked',
    msg(
      `多次登录失败，账号已临时锁定，请于 ${shanghai} 后再试，或联系管理员解锁。`,
      `Too many failed sign-ins: the account is locked until ${until.toISOString()}. Try again later or ask an administrator.`,
    ),
    { lockedUntil: until.toISOString() },
  );
}

export const csrfRejected = () =>
  forbidden(
    'auth.csrf',
    msg(
      '请求缺少有效的安全令牌，请刷新页面后重试。',
      'The request lacks a valid security token; reload the page and try again.',
    ),
  );
