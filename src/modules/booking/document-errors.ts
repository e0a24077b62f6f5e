// Errors of client documents and permission decisions, with their stable codes.
import { badRequest, conflict, msg, notFound } from '../../platform/http/errors.js';
import type { DocumentRequirement } from './document-requirements.js';

const REQUIREMENT_NAMES: Record<DocumentRequirement, { zh: string; en: string }> = {
  authority: { zh: '授权委托书或法律援助公函', en: 'a power of attorney or a legal-aid letter' },
  firm_letter: { zh: '律师事务所证明（会见介绍信）', en: 'the law firm’s letter' },
};

/** Names each missing requirement in both languages; data.missing lists their keys for clients. */
export const documentsMissing = (missing: DocumentRequirement[]) =>
  badRequest(
    'booking.documents_missing',
    msg(
      `会见须提交${missing.map((m) => REQUIREMENT_NAMES[m].zh).join('和')}，请上传或选择后再预约。`,
      `A meeting needs ${missing.map((m) => REQUIREMENT_NAMES[m].en).join(' and ')}; upload or choose it before booking.`,
    ),
    { missing },
  );

/** A document that does not exist and one of another lawyer's get the same answer. */
export const documentsUnknown = (documentIds: string[]) =>
  badRequest(
    'booking.documents_unknown',
    msg(
      '所选材料不存在，或不是您本人上传的。',
      'A chosen document does not exist or was not uploaded by you.',
    ),
    { documentIds },
  );

export const documentsOfAnotherClient = (documentIds: string[]) =>
  badRequest(
    'booking.documents_wrong_client',
    msg(
      '所选材料不是为该当事人在本看守所提交的，请为该当事人上传或选择材料。',
      'A chosen document was filed for another client or centre; choose or upload this client’s documents.',
    ),
    { documentIds },
  );

export const documentNotFound = () =>
  notFound('client_document.not_found', msg('找不到该材料。', 'No such document.'));

export const permissionDecisionMissing = () =>
  conflict(
    'booking.permission_decision_missing',
    msg(
      '律师尚未上传侦查机关的许可决定书，暂不能确认。',
      'The lawyer has not uploaded the investigating organ’s permission decision yet; it cannot be confirmed.',
    ),
  );

export const permissionTooLate = () =>
  conflict(
    'booking.permission_too_late',
    msg(
      '会见开始时间已过，该预约不能再确认；如需关闭，请选择不予许可并说明原因。',
      'The meeting’s start has passed, so it can no longer be confirmed; refuse it with a reason to close it.',
    ),
  );
