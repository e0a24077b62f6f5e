// Meeting rooms and the centre's video terminals: the list, and a form to add one.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { useAddRoom, useRooms, type RoomView } from '../../../server-api/booking.js';
import { CentrePage } from './centre-page.js';

export function CentreRoomsPage() {
  const { t } = useTranslation();
  return (
    <CentrePage title={t('centre.rooms.title')} intro={t('centre.rooms.intro')}>
      {(unitId) => <Rooms unitId={unitId} />}
    </CentrePage>
  );
}

function Rooms({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const rooms = useRooms(unitId);
  const add = useAddRoom(unitId);
  const [form] = Form.useForm<{ name: string; channel: RoomView['channel'] }>();

  const onFinish = (values: { name: string; channel: RoomView['channel'] }) =>
    add.mutate(
      { name: values.name.trim(), channel: values.channel },
      {
        onSuccess: () => {
          void message.success(t('centre.rooms.added'));
          form.resetFields();
        },
        onError: (error) => showFieldErrors(form, error, language, ['name', 'channel']),
      },
    );

  return (
    <div className="custos-stack">
      <Card title={<h2 className="custos-card-title">{t('centre.rooms.add')}</h2>}>
        <ProblemAlert error={add.error} />
        <Form
          form={form}
          name="add-room"
          layout="vertical"
          className="custos-toolbar"
          initialValues={{ channel: 'in_person' }}
          onFinish={onFinish}
        >
          <Form.Item
            name="name"
            label={t('centre.rooms.name')}
            rules={[{ required: true, whitespace: true, max: 50, message: t('centre.rooms.nameRequired') }]}
          >
            <Input style={{ width: 240 }} data-testid="room-name" />
          </Form.Item>
          <Form.Item name="channel" label={t('centre.rooms.channel')}>
            <Select
              style={{ width: 200 }}
              options={(['in_person', 'remote'] as const).map((c) => ({
                value: c,
                label: t(`channel.${c}`),
              }))}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="room-add"
          >
            {t('centre.rooms.add')}
          </Button>
        </Form>
      </Card>
      <Card>
        <ProblemAlert error={rooms.error} />
        <Table<RoomView>
          rowKey="id"
          loading={rooms.isPending}
          dataSource={rooms.data ?? []}
          pagination={false}
          locale={{ emptyText: <span className="custos-table-empty">{t('centre.rooms.empty')}</span> }}
          data-testid="rooms-table"
          columns={[
            { key: 'name', title: t('centre.rooms.name'), dataIndex: 'name' },
            { key: 'channel', title: t('centre.rooms.channel'), render: (_, r) => t(`channel.${r.channel}`) },
            {
              key: 'active',
              title: t('centre.rooms.active'),
              render: (_, r) =>
                r.active ? (
                  <StatusTag tone="good">{t('centre.rooms.inUse')}</StatusTag>
                ) : (
                  <StatusTag tone="neutral">{t('centre.rooms.notInUse')}</StatusTag>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
