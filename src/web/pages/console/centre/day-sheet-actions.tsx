// What staff do with one booking on the day sheet, as the server offers it (row.actions): cancel it for the
// centre, record that the lawyer came or did not (a no-show is confirmed first: it is a strike that is never
// taken back), or correct a mistaken "attended".
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DaySheetRow } from '../../../../modules/booking/schemas.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import { useRecordAttendance, type AttendanceOutcome } from '../../../server-api/centre-ops.js';

export function DaySheetActions({
  unitId,
  row,
  onCancel,
  onCorrect,
}: {
  unitId: string;
  row: DaySheetRow;
  onCancel: (row: DaySheetRow) => void;
  onCorrect: (row: DaySheetRow) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const record = useRecordAttendance(unitId);
  // Each button names its detainee for screen readers: the visible label alone repeats on every row.
  const whose = <span className="custos-visually-hidden"> {row.detaineeName}</span>;

  const mark = (outcome: AttendanceOutcome) =>
    record.mutate(
      { bookingId: row.bookingId, outcome },
      {
        onSuccess: () =>
          void message.success(
            t(outcome === 'attended' ? 'centreOps.day.attendedDone' : 'centreOps.day.noShowDone'),
          ),
        onError: (error) => void message.error(problemText(error)),
      },
    );
  const pending = (outcome: AttendanceOutcome) => record.isPending && record.variables.outcome === outcome;

  if (row.actions.length === 0) return <span aria-hidden="true">—</span>;
  return (
    <Space size={4} wrap>
      {row.actions.includes('mark_attended') ? (
        <Button
          size="small"
          type="primary"
          loading={pending('attended')}
          onClick={() => mark('attended')}
          data-testid="day-mark-attended"
        >
          {t('centreOps.day.markAttended')}
          {whose}
        </Button>
      ) : null}
      {row.actions.includes('mark_no_show') ? (
        <Popconfirm
          title={t('centreOps.day.confirmNoShow')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'day-no-show-confirm' }}
          onConfirm={() => mark('no_show')}
        >
          <Button size="small" danger loading={pending('no_show')} data-testid="day-mark-no-show">
            {t('centreOps.day.markNoShow')}
            {whose}
          </Button>
        </Popconfirm>
      ) : null}
      {row.actions.includes('correct_to_no_show') ? (
        <Button size="small" onClick={() => onCorrect(row)} data-testid="day-correct">
          {t('centreOps.day.correct')}
          {whose}
        </Button>
      ) : null}
      {row.actions.includes('cancel') ? (
        <Button size="small" danger type="link" onClick={() => onCancel(row)} data-testid="day-cancel">
          {t('centreOps.day.cancel')}
          {whose}
        </Button>
      ) : null}
    </Space>
  );
}
