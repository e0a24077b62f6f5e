// The day sheet: the day's meetings by session in bring-out order, filtered by date, session and status,
// and exported as CSV for Excel; staff cancel a booking for the centre, record whether the lawyer came,
// and see who cancelled what and why.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  DAY_SHEET_STATUSES,
  type DaySheetRow,
  type DaySheetStatus,
} from '../../../../modules/booking/schemas.js';
import { BookingStatusTag } from '../../../components/booking-status-tag.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { beijingHm, beijingToday } from '../../../format/beijing-date.js';
import { daySheetCsvUrl, useDaySheet } from '../../../server-api/booking.js';
import { AttendanceCorrectionModal } from './attendance-correction-modal.js';
import { CentreCancelModal } from './centre-cancel-modal.js';
import { CentrePage } from './centre-page.js';
import { SessionWaitlist } from './session-waitlist.js';
import { DaySheetActions } from './day-sheet-actions.js';
import { DaySheetCancellationNote } from './day-sheet-cancellation.js';
import './day-sheet.css';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function CentreDaySheetPage() {
  const { t } = useTranslation();
  return (
    <CentrePage title={t('centre.day.title')} intro={t('centre.day.intro')}>
      {(unitId) => <DaySheet unitId={unitId} />}
    </CentrePage>
  );
}

function DaySheet({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  // The filters live in the URL, so a filtered sheet can be bookmarked and survives a reload.
  const [params, setParams] = useSearchParams();
  const given = params.get('date') ?? '';
  const date = ISO_DATE.test(given) ? given : beijingToday();
  const sessionId = params.get('sessionId') ?? undefined;
  const status = (params.get('status') ?? undefined) as DaySheetStatus | undefined;
  const sheet = useDaySheet(unitId, { date, sessionId, status });
  const [cancelling, setCancelling] = useState<DaySheetRow | null>(null);
  const [correcting, setCorrecting] = useState<DaySheetRow | null>(null);

  const setFilter = (key: 'date' | 'sessionId' | 'status', value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        // Sessions belong to a date.
        if (key === 'date') next.delete('sessionId');
        return next;
      },
      { replace: true },
    );

  const sessions = sheet.data?.date === date ? sheet.data.sessions : [];

  return (
    <Card>
      <Form layout="vertical" className="custos-toolbar" name="day-sheet-filter" role="search">
        <Form.Item label={t('centre.day.date')} htmlFor="day-date">
          <Input
            id="day-date"
            type="date"
            value={date}
            onChange={(e) => setFilter('date', e.target.value || undefined)}
            style={{ width: 180 }}
            data-testid="day-date"
          />
        </Form.Item>
        <Form.Item label={t('centre.day.session')} htmlFor="day-session">
          <Select
            id="day-session"
            value={sessionId ?? ''}
            onChange={(value: string) => setFilter('sessionId', value || undefined)}
            style={{ width: 200 }}
            options={[
              { value: '', label: t('centre.day.allSessions') },
              ...sessions.map((s) => ({
                value: s.id,
                label: `${beijingHm(s.startsAt)}–${beijingHm(s.endsAt)}`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('centre.day.status')} htmlFor="day-status">
          <Select
            id="day-status"
            value={status ?? ''}
            onChange={(value: string) => setFilter('status', value || undefined)}
            style={{ width: 200 }}
            options={[
              { value: '', label: t('centre.day.allStatuses') },
              ...DAY_SHEET_STATUSES.map((s) => ({ value: s, label: t(`bookingStatus.${s}`) })),
            ]}
          />
        </Form.Item>
        <Button
          icon={<DownloadOutlined />}
          href={daySheetCsvUrl(unitId, date)}
          download
          className="custos-toolbar-end"
          data-testid="day-export"
        >
          {t('centre.day.export')}
        </Button>
      </Form>
      {sessions.length > 0 ? (
        <ul className="custos-day-sessions" aria-label={t('centre.day.session')}>
          {sessions.map((s) => (
            <li key={s.id}>
              {t('centre.day.sessionSummary', {
                time: `${beijingHm(s.startsAt)}–${beijingHm(s.endsAt)}`,
                taken: s.taken,
                places: s.onlinePlaces,
                walkIn: s.walkInPlaces,
              })}
              <SessionWaitlist
                unitId={unitId}
                date={date}
                sessionId={s.id}
                time={`${beijingHm(s.startsAt)}–${beijingHm(s.endsAt)}`}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <ProblemAlert error={sheet.error} />
      <Table<DaySheetRow>
        rowKey="bookingId"
        loading={sheet.isFetching}
        dataSource={sheet.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="custos-table-empty">{t('centre.day.empty')}</span> }}
        data-testid="day-sheet-table"
        columns={[
          { key: 'order', title: t('centre.day.order'), render: (_, r) => r.bringOutOrder ?? '—' },
          {
            key: 'time',
            title: t('centre.day.time'),
            render: (_, r) => `${beijingHm(r.startsAt)}–${beijingHm(r.endsAt)}`,
          },
          {
            key: 'lawyers',
            title: t('centre.day.lawyers'),
            render: (_, r) => r.lawyers.map((l) => l.displayName).join('、'),
          },
          {
            key: 'client',
            title: t('centre.day.client'),
            render: (_, r) => (
              <span className="custos-day-client">
                {r.detaineeName}
                <small className="custos-mono">{r.detaineeIdNoMasked}</small>
              </span>
            ),
          },
          {
            key: 'room',
            title: t('centre.day.room'),
            render: (_, r) => r.roomName ?? t(`channel.${r.channel}`),
          },
          {
            key: 'status',
            title: t('centre.day.status'),
            render: (_, r) => (
              <span className="custos-day-status">
                <BookingStatusTag status={r.status} />
                {r.cancellation ? <DaySheetCancellationNote cancellation={r.cancellation} /> : null}
              </span>
            ),
          },
          {
            key: 'actions',
            title: t('centreOps.day.actions'),
            render: (_, r) => (
              <DaySheetActions unitId={unitId} row={r} onCancel={setCancelling} onCorrect={setCorrecting} />
            ),
          },
        ]}
      />
      <CentreCancelModal unitId={unitId} booking={cancelling} onClose={() => setCancelling(null)} />
      <AttendanceCorrectionModal unitId={unitId} booking={correcting} onClose={() => setCorrecting(null)} />
    </Card>
  );
}
