// Errors of transcripts and interruptions, with their stable codes.
import { AppError, badRequest, notFound, msg } from '../../platform/http/errors.js';

export const transcriptNotFound = () =>
  notFound('transcript.not_found', msg('找不到该笔录。', 'No such transcript.'));

export const interruptionNotFound = () =>
  notFound('interruption.not_found', msg('找不到该中断记录。', 'No such interruption.'));

export const approverInvalid = () =>
  new AppError(
    400,
    'interruption.approver_invalid',
    msg(
      '批准人应为在岗的、可管辖办案单位的办案民警或监督人员。',
      'The approver must be an active case officer or supervisor with reach over the handling unit.',
    ),
    { field: 'approvedBy' },
    [
      {
        path: 'approvedBy',
        code: 'interruption.approver_invalid',
        message: msg('请选择有权批准的人员。', 'Choose someone who may approve this.'),
      },
    ],
  );

export const approvalMissing = () =>
  badRequest(
    'interruption.approval_required',
    msg(
      '未录音录像继续进行执法活动的，应写明批准人和笔录中的记载（第十四条）。',
      'An activity that went on without recording needs its approver and the note in the transcript (art. 14).',
    ),
  );
