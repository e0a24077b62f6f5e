// The centre's weekly sessions, by weekday, and a form that adds one session on several weekdays at once.
// Pudong's 5 sessions x 12 places are five sessions added for Monday to Friday with 12 online places each;
// Nanjing's one meeting per room per half-day is a session tied to a room with one place.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  useAddTemplates,
  useRooms,
  useTemplates,
  type RoomView,
  type TemplateView,
} from '../../../server-api/booking.js';
import { CentrePage } from './centre-page.js';
import { CheckboxFieldset } from './checkbox-fieldset.js';
import { WEEKDAY_KEYS, weekdayKey } from './weekdays.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DURATION_CHOICES = [30, 45, 60, 90, 120, 180];
const NO_ROOM = '';

interface SessionForm {
  weekdays: number[];
  startTime: string;
  endTime: string;
  channel: RoomView['channel'];
  onlinePlaces: number;
  walkInPlaces: number;
  durations: number[];
  roomId: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function CentreSessionsPage() {
  const { t } = useTranslation();
  return (
    <CentrePage title={t('centre.sessions.title')} intro={t('centre.sessions.intro')}>
      {(unitId) => <Sessions unitId={unitId} />}
    </CentrePage>
  );
}

function Sessions({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const templates = useTemplates(unitId);
  const rooms = useRooms(unitId);
  const roomName = (id: string | null) =>
    rooms.data?.find((r) => r.id === id)?.name ?? t('centre.sessions.anyRoom');

  return (
    <div className="custos-stack">
      <AddSessionForm unitId={unitId} rooms={rooms.data ?? []} />
      <Card title={<h2 className="custos-card-title">{t('centre.sessions.title')}</h2>}>
        <ProblemAlert error={templates.error} />
        <Table<TemplateView>
          rowKey="id"
          size="small"
          loading={templates.isPending}
          dataSource={templates.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <span className="custos-table-empty">{t('centre.sessions.empty')}</span> }}
          data-testid="sessions-table"
          columns={[
            {
              key: 'weekday',
              title: t('centre.sessions.weekday'),
              render: (_, s) => t(`weekdays.${weekdayKey(s.weekday)}`),
              onCell: (s, index) => {
                // One weekday label per group of rows.
                const list = templates.data ?? [];
                const i = index ?? 0;
                if (i > 0 && list[i - 1]?.weekday === s.weekday) return { rowSpan: 0 };
                let span = 1;
                while (list[i + span]?.weekday === s.weekday) span++;
                return { rowSpan: span };
              },
            },
            {
              key: 'time',
              title: t('centre.sessions.time'),
              render: (_, s) => `${s.startTime}–${s.endTime}`,
            },
            {
              key: 'channel',
              title: t('centre.sessions.channel'),
              render: (_, s) => t(`channel.${s.channel}`),
            },
            { key: 'online', title: t('centre.sessions.onlinePlaces'), dataIndex: 'onlinePlaces' },
            { key: 'walkIn', title: t('centre.sessions.walkInPlaces'), dataIndex: 'walkInPlaces' },
            {
              key: 'durations',
              title: t('centre.sessions.durations'),
              render: (_, s) => s.durations.join(' / '),
            },
            { key: 'room', title: t('centre.sessions.room'), render: (_, s) => roomName(s.roomId) },
            {
              key: 'active',
              title: t('centre.rooms.active'),
              render: (_, s) =>
                s.active ? null : <StatusTag tone="neutral">{t('centre.sessions.inactive')}</StatusTag>,
            },
          ]}
        />
      </Card>
    </div>
  );
}

function AddSessionForm({ unitId, rooms }: { unitId: string; rooms: RoomView[] }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const add = useAddTemplates(unitId);
  const [form] = Form.useForm<SessionForm>();

  const onFinish = (values: SessionForm) =>
    add.mutate(
      {
        weekdays: [...values.weekdays].sort(),
        startTime: values.startTime.trim(),
        endTime: values.endTime.trim(),
        channel: values.channel,
        onlinePlaces: values.onlinePlaces,
        walkInPlaces: values.walkInPlaces,
        durations: [...values.durations].sort((a, b) => a - b),
        roomId: values.roomId === NO_ROOM ? null : values.roomId,
      },
      {
        onSuccess: (count) => void message.success(t('centre.sessions.added', { count })),
        onError: (error) =>
          showFieldErrors(form, error, language, [
            'startTime',
            'endTime',
            'durations',
            'onlinePlaces',
            'walkInPlaces',
          ]),
      },
    );

  return (
    <Card title={<h2 className="custos-card-title">{t('centre.sessions.add')}</h2>}>
      <ProblemAlert error={add.error} />
      <Form<SessionForm>
        form={form}
        name="add-session"
        layout="vertical"
        requiredMark={false}
        initialValues={{
          weekdays: [1, 2, 3, 4, 5],
          channel: 'in_person',
          onlinePlaces: 12,
          walkInPlaces: 2,
          durations: [45, 60, 90],
          roomId: NO_ROOM,
        }}
        onValuesChange={(changed: Partial<SessionForm>) => {
          // A room takes one meeting at a time.
          if (changed.roomId) form.setFieldValue('onlinePlaces', 1);
        }}
        onFinish={onFinish}
      >
        <Form.Item
          name="weekdays"
          rules={[{ required: true, type: 'array', min: 1, message: t('centre.sessions.weekdaysRequired') }]}
        >
          <CheckboxFieldset<number>
            legend={t('centre.sessions.weekdays')}
            options={WEEKDAY_KEYS.map((key, i) => ({ value: i + 1, label: t(`weekdays.${key}`) }))}
            testId="session-weekdays"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="startTime"
              label={t('centre.sessions.startTime')}
              rules={[{ required: true, pattern: HHMM, message: t('centre.sessions.timeInvalid') }]}
            >
              <Input placeholder="09:00" inputMode="numeric" maxLength={5} data-testid="session-start" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="endTime"
              label={t('centre.sessions.endTime')}
              dependencies={['startTime']}
              rules={[
                { required: true, pattern: HHMM, message: t('centre.sessions.timeInvalid') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: string | undefined) => {
                    const start = getFieldValue('startTime') as string | undefined;
                    if (!value || !start || !HHMM.test(value) || !HHMM.test(start) || start < value) {
                      return Promise.resolve();
                    }
                    return Promise.reject(new Error(t('centre.sessions.endAfterStart')));
                  },
                }),
              ]}
            >
              <Input placeholder="10:00" inputMode="numeric" maxLength={5} data-testid="session-end" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="channel" label={t('centre.sessions.channel')}>
              <Select
                options={(['in_person', 'remote'] as const).map((c) => ({
                  value: c,
                  label: t(`channel.${c}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="roomId" label={t('centre.sessions.room')} extra={t('centre.sessions.roomHelp')}>
              <Select
                options={[
                  { value: NO_ROOM, label: t('centre.sessions.anyRoom') },
                  ...rooms.filter((r) => r.active).map((r) => ({ value: r.id, label: r.name })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="onlinePlaces"
              label={t('centre.sessions.onlinePlaces')}
              rules={[{ required: true, type: 'integer', min: 0, max: 500 }]}
            >
              <InputNumber min={0} max={500} precision={0} data-testid="session-online" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="walkInPlaces"
              label={t('centre.sessions.walkInPlaces')}
              extra={t('centre.sessions.walkInHelp')}
              rules={[{ required: true, type: 'integer', min: 0, max: 500 }]}
            >
              <InputNumber min={0} max={500} precision={0} data-testid="session-walk-in" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="durations"
              dependencies={['startTime', 'endTime']}
              rules={[
                { required: true, type: 'array', min: 1, message: t('centre.sessions.durationsRequired') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: number[] | undefined) => {
                    const start = getFieldValue('startTime') as string | undefined;
                    const end = getFieldValue('endTime') as string | undefined;
                    if (!value?.length || !start || !end || !HHMM.test(start) || !HHMM.test(end)) {
                      return Promise.resolve();
                    }
                    return Math.max(...value) <= minutes(end) - minutes(start)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('centre.sessions.durationsTooLong')));
                  },
                }),
              ]}
            >
              <CheckboxFieldset<number>
                legend={t('centre.sessions.durations')}
                options={DURATION_CHOICES.map((m) => ({ value: m, label: String(m) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={add.isPending}
          data-testid="session-add"
        >
          {t('centre.sessions.add')}
        </Button>
      </Form>
    </Card>
  );
}
