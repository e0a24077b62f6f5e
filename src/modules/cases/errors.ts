// Errors of the cases module, with their stable codes.
import { AppError, badRequest, conflict, msg, notFound } from '../../platform/http/errors.js';
import type { LocalisedMessage } from '../../platform/http/problem.js';

/** An error about one field of a form, carried in `errors` too so the form shows it beside the field. */
function fieldProblem(status: number, code: string, field: string, message: LocalisedMessage): AppError {
  return new AppError(status, code, message, { field }, [{ path: field, code, message }]);
}

export const caseNotFound = () => notFound('case.not_found', msg('找不到该案件。', 'No such case.'));

export const activityNotFound = () =>
  notFound('case.activity_not_found', msg('找不到该执法活动。', 'No such activity.'));

export const unitNotFound = () => notFound('unit.not_found', msg('找不到该单位。', 'No such unit.'));

export const caseNoTaken = () =>
  fieldProblem(
    409,
    'case.case_no_taken',
    'caseNo',
    msg('该单位已有此案件编号的案件。', 'This unit already has a case with this number.'),
  );

export const personIdNoTaken = () =>
  fieldProblem(
    409,
    'case.person_duplicate',
    'idNo',
    msg('该身份证号的人员已在本案中。', 'A person with this ID number is already in this case.'),
  );

export const caseClosed = () =>
  conflict('case.closed', msg('案件已结案，不能再修改。', 'The case is closed and can no longer change.'));

export const wrongCaseStatus = (from: string, to: string) =>
  conflict(
    'case.wrong_status',
    msg('案件当前状态不允许此变更。', 'The case’s status does not allow this change.'),
    { from, to },
  );

export const recordingsMissing = (activityIds: string[]) =>
  conflict(
    'case.recordings_missing',
    msg(
      `尚有 ${activityIds.length} 项必须录音录像的执法活动没有已封存的录像，不能报送法制审核（第七条）。`,
      `${activityIds.length} activity(ies) that must be recorded have no sealed recording; the case cannot go to legal review (art. 7).`,
    ),
    { activityIds },
  );

export const notAnOfficer = () =>
  fieldProblem(
    400,
    'case.not_an_officer',
    'userId',
    msg('只能添加办案单位内在岗的办案民警。', 'Only active case officers of the handling unit can be added.'),
  );

export const participantNotInCase = (index: number) =>
  fieldProblem(
    400,
    'case.participant_unknown',
    `participants.${index}`,
    msg(
      '参与人员应为本案的办案民警或本案人员。',
      'A participant must be one of the case’s officers or persons.',
    ),
  );

export const participantRoleMismatch = (index: number) =>
  fieldProblem(
    400,
    'case.participant_role',
    `participants.${index}`,
    msg('参与人员的身份与本案登记的不一致。', 'The participant’s role differs from the one in the case.'),
  );

export const optionalKindOnly = () =>
  fieldProblem(
    400,
    'case.recording_always_required',
    'recordingRequired',
    msg(
      '此类执法活动必须全程录音录像，不能取消。',
      'This kind of activity must always be recorded; that cannot be turned off.',
    ),
  );

export const handlingUnitNotWorking = () =>
  badRequest(
    'case.handling_unit_kind',
    msg(
      '办案单位应为具体办案单位，而非行政区域。',
      'The handling unit must be a working unit, not a region.',
    ),
  );

export const activityTimesInvalid = () =>
  badRequest(
    'case.activity_times',
    msg(
      '执法活动的结束时间应晚于开始时间，且有实际结束时间时应有实际开始时间。',
      'An activity must end after it starts, and an actual end needs an actual start.',
    ),
  );
