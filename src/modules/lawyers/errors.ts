// Errors of the lawyers module, with their stable codes. Errors about one field of a form carry that field
// in `errors` too, as schema errors do, so the form shows them beside the field.
import { BUSINESS_TIME_ZONE } from '../../platform/clock.js';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  msg,
  notFound,
  tooManyRequests,
} from '../../platform/http/errors.js';
import type { LocalisedMessage } from '../../platform/http/problem.js';

function fieldProblem(
  make: (code: string, message: LocalisedMessage, data?: Record<string, unknown>) => AppError,
  code: string,
  field: string,
  message: LocalisedMessage,
  data: Record<string, unknown> = {},
): AppError {
  const base = make(code, message, { field, ...data });
  return new AppError(base.status, base.code, base.messages, base.data, [{ path: field, code, message }]);
}

const beijing = (at: Date) => at.toLocaleString('zh-CN', { timeZone: BUSINESS_TIME_ZONE, hour12: false });

// ---- the verification code

export const codeThrottled = (retryAfter: Date, now: Date) =>
  tooManyRequests(
    'lawyer.code_throttled',
    msg('验证码发送过于频繁，请稍后再试。', 'Codes were sent too often; wait a moment and try again.'),
    {
      field: 'mobile',
      retryAfter: retryAfter.toISOString(),
      retryAfterSeconds: Math.max(1, Math.ceil((retryAfter.getTime() - now.getTime()) / 1000)),
    },
  );

export const codeNotSent = () =>
  fieldProblem(
    badRequest,
    'lawyer.code_not_sent',
    'code',
    msg('请先获取发送到该手机号码的验证码。', 'Ask for a code to be sent to this mobile number first.'),
  );

export const codeExpired = () =>
  fieldProblem(
    badRequest,
    'lawyer.code_expired',
    'code',
    msg('验证码已过期，请重新获取。', 'The code has expired; ask for a new one.'),
  );

export const codeExhausted = () =>
  fieldProblem(
    badRequest,
    'lawyer.code_exhausted',
    'code',
    msg(
      '验证码输错次数过多，已失效，请重新获取。',
      'Too many wrong codes were entered; this code no longer works. Ask for a new one.',
    ),
  );

export const codeWrong = (remainingAttempts: number) =>
  fieldProblem(
    badRequest,
    'lawyer.code_wrong',
    'code',
    msg(
      `验证码不正确，还可尝试 ${remainingAttempts} 次。`,
      `The code is wrong; ${remainingAttempts} attempt(s) left.`,
    ),
    { remainingAttempts },
  );

// ---- registration

export const licenceNoTaken = () =>
  fieldProblem(
    conflict,
    'lawyer.licence_no_taken',
    'licenceNo',
    msg(
      '该执业证号已注册。如账号不是您本人注册的，请联系看守所。',
      'This licence number is already registered. If you did not register it, contact the centre.',
    ),
  );

export const idNoTaken = () =>
  fieldProblem(
    conflict,
    'lawyer.id_no_taken',
    'idNo',
    msg(
      '该身份证号已注册。每人只能注册一个律师账号。',
      'This ID number is already registered; one person holds one lawyer account.',
    ),
  );

export const usernameTaken = () =>
  fieldProblem(
    conflict,
    'user.username_taken',
    'username',
    msg('该用户名已被使用。', 'That username is taken.'),
  );

export const noRegion = () =>
  badRequest(
    'lawyer.no_region',
    msg(
      '平台尚未设置任何行政区域，暂不能注册。',
      'The platform has no regions set up yet; registration is not possible.',
    ),
  );

// ---- review and standing

export const lawyerNotFound = () =>
  notFound('lawyer.not_found', msg('找不到该律师的注册信息。', 'No such lawyer registration.'));

export const wrongReviewState = () =>
  conflict(
    'lawyer.wrong_state',
    msg('该注册当前的状态不允许此操作。', 'The registration is not in a state that allows this.'),
  );

export const notApproved = (status: 'pending' | 'rejected', reason: string | null) =>
  forbidden(
    'lawyer.not_approved',
    status === 'pending'
      ? msg(
          '您的律师注册正在等待看守所审核，审核通过后即可网上预约。未预约也可直接到看守所会见。',
          'Your registration is waiting for review by centre staff; you can book online once it is approved. You can still go to the centre without a booking.',
        )
      : msg(
          `您的律师注册未通过审核：${reason ?? ''}。请在“我的账户”中更正后重新提交。`,
          `Your registration was not approved: ${reason ?? ''}. Correct it under "My account" and submit it again.`,
        ),
    { status, reason },
  );

export const suspended = (s: {
  unitId: string;
  until: Date;
  strikeCount: number;
  strikeWindowDays: number;
  suspensionId: string;
}) =>
  forbidden(
    'lawyer.suspended',
    msg(
      `您在 ${s.strikeWindowDays} 天内在本看守所有 ${s.strikeCount} 次逾期取消或爽约，网上预约已暂停至 ${beijing(s.until)}（北京时间）。可在“我的账户”中申诉；未预约也可直接到看守所会见。`,
      `You had ${s.strikeCount} late cancellations or no-shows at this centre within ${s.strikeWindowDays} days, so online booking here is suspended until ${s.until.toISOString()}. You may appeal under "My account", and you can still go to the centre without a booking.`,
    ),
    {
      unitId: s.unitId,
      until: s.until.toISOString(),
      suspensionId: s.suspensionId,
      strikes: s.strikeCount,
      windowDays: s.strikeWindowDays,
      reason: 'strikes',
    },
  );

export const suspensionNotFound = () =>
  notFound('lawyer.suspension_not_found', msg('找不到该暂停记录。', 'No such suspension.'));

export const suspensionNotActive = () =>
  conflict(
    'lawyer.suspension_not_active',
    msg('该暂停已解除或已到期。', 'This suspension has been lifted or has ended.'),
  );

export const alreadyAppealed = () =>
  conflict('lawyer.already_appealed', msg('您已对该暂停提出申诉。', 'You have already appealed.'));

// ---- assistants

export const assistantUnknown = () =>
  fieldProblem(
    badRequest,
    'lawyer.assistant_unknown',
    'username',
    msg(
      '找不到该助理的账号（须为本平台上的其他律师账号）。',
      'No such assistant: name another lawyer account on this platform.',
    ),
  );

export const assistantUnavailable = () =>
  fieldProblem(
    conflict,
    'lawyer.assistant_unavailable',
    'username',
    msg(
      '该账号已是其他律师的助理，或自己有助理，不能再作为您的助理。',
      'That account already assists a lawyer, or has assistants of its own.',
    ),
  );

export const assistingOthers = () =>
  conflict(
    'lawyer.assisting_others',
    msg('您是其他律师的助理，不能再添加自己的助理。', 'You assist a lawyer, so you cannot have assistants.'),
  );

export const linkNotFound = () =>
  notFound('lawyer.assistant_link_not_found', msg('找不到该助理关系。', 'No such assistant link.'));

export const notYourAssistant = () =>
  forbidden(
    'lawyer.not_your_assistant',
    msg('您不是该律师已确认的助理。', 'You are not a confirmed assistant of that lawyer.'),
  );

export const linkWrongState = () =>
  conflict(
    'lawyer.assistant_link_state',
    msg('该助理关系已确认或已结束。', 'This assistant link is already confirmed or has ended.'),
  );
