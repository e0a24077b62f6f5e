// The centre's roster: names with ID numbers masked (only the region code and the last four characters
// ever leave the server), the restricted-case flag, status changes (a release or transfer warns first how
// many meetings it cancels, then says how many it did), adding one person and importing a spreadsheet.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idNoSchema } from '../../../../modules/lawyers/id-number.js';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag, type Tone } from '../../../components/status-tag.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import { zodRule } from '../../../components/zod-rule.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  useAddDetainee,
  useRoster,
  type DetaineeListItem,
  type DetaineeStatus,
} from '../../../server-api/booking.js';
import { useChangeDetaineeStatus, useComingMeetings } from '../../../server-api/centre-ops.js';
import { CentrePage } from './centre-page.js';
import { RosterImport } from './roster-import.js';

const STATUS_TONES: Record<DetaineeStatus, Tone> = {
  in_custody: 'info',
  released: 'neutral',
  transferred: 'neutral',
};

export function CentreRosterPage() {
  const { t } = useTranslation();
  return (
    <CentrePage title={t('centre.roster.title')} intro={t('centreOps.roster.intro')}>
      {(unitId) => (
        <div className="custos-stack">
          <AddDetainee unitId={unitId} />
          <RosterImport unitId={unitId} />
          <RosterTable unitId={unitId} />
        </div>
      )}
    </CentrePage>
  );
}

interface DetaineeForm {
  name: string;
  idNo: string;
  restrictedCase: boolean;
}

function AddDetainee({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const add = useAddDetainee(unitId);
  const [form] = Form.useForm<DetaineeForm>();

  const onFinish = (values: DetaineeForm) =>
    add.mutate(
      {
        name: values.name.trim(),
        idNo: values.idNo.trim().toUpperCase(),
        restrictedCase: values.restrictedCase,
      },
      {
        onSuccess: () => {
          void message.success(t('centre.roster.added'));
          form.resetFields();
        },
        onError: (error) => showFieldErrors(form, error, language, ['name', 'idNo']),
      },
    );

  return (
    <Card title={<h2 className="custos-card-title">{t('centre.roster.add')}</h2>}>
      <ProblemAlert error={add.error} />
      <Form
        form={form}
        name="add-detainee"
        layout="vertical"
        className="custos-toolbar"
        initialValues={{ restrictedCase: false }}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('centre.roster.name')}
          rules={[{ required: true, whitespace: true, max: 50, message: t('centre.roster.nameRequired') }]}
        >
          <Input autoComplete="off" style={{ width: 180 }} data-testid="detainee-name" />
        </Form.Item>
        <Form.Item
          name="idNo"
          label={t('centre.roster.idNo')}
          rules={[
            { required: true, message: t('centre.roster.idNoInvalid') },
            zodRule(idNoSchema, t('centre.roster.idNoInvalid')),
          ]}
        >
          <Input
            autoComplete="off"
            maxLength={18}
            spellCheck={false}
            style={{ width: 220 }}
            data-testid="detainee-id-no"
          />
        </Form.Item>
        <Form.Item name="restrictedCase" valuePropName="checked" extra={t('centre.roster.restrictedHelp')}>
          <Checkbox data-testid="detainee-restricted">{t('centre.roster.restricted')}</Checkbox>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={add.isPending}
          data-testid="detainee-add"
        >
          {t('centre.roster.add')}
        </Button>
      </Form>
    </Card>
  );
}

function RosterTable({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const roster = useRoster(unitId);

  return (
    <Card title={<h2 className="custos-card-title">{t('centre.roster.title')}</h2>}>
      <ProblemAlert error={roster.error} />
      <Table<DetaineeListItem>
        rowKey="id"
        loading={roster.isPending}
        dataSource={roster.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="custos-table-empty">{t('centre.roster.empty')}</span> }}
        data-testid="roster-table"
        columns={[
          { key: 'name', title: t('centre.roster.name'), dataIndex: 'name' },
          {
            key: 'idNo',
            title: t('centre.roster.idNo'),
            render: (_, d) => <span className="custos-mono">{d.idNoMasked}</span>,
          },
          {
            key: 'status',
            title: t('centre.roster.status'),
            render: (_, d) => (
              <StatusTag tone={STATUS_TONES[d.status]}>{t(`centre.roster.statuses.${d.status}`)}</StatusTag>
            ),
          },
          {
            key: 'restricted',
            title: t('centre.roster.restricted'),
            render: (_, d) =>
              d.restrictedCase ? <StatusTag tone="warn">{t('common.yes')}</StatusTag> : t('common.no'),
          },
          {
            key: 'actions',
            title: t('centre.roster.actions'),
            render: (_, d) => <StatusActions unitId={unitId} detainee={d} />,
          },
        ]}
      />
    </Card>
  );
}

function StatusActions({ unitId, detainee }: { unitId: string; detainee: DetaineeListItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const setStatus = useChangeDetaineeStatus(unitId);
  const [open, setOpen] = useState<DetaineeStatus | null>(null);
  // Asked only while a release or transfer waits for confirmation: the count is the staff member's warning.
  const leaving = open === 'released' || open === 'transferred';
  const coming = useComingMeetings(unitId, detainee.id, leaving);
  const choices: { status: DetaineeStatus; label: string }[] =
    detainee.status === 'in_custody'
      ? [
          { status: 'released', label: t('centre.roster.markReleased') },
          { status: 'transferred', label: t('centre.roster.markTransferred') },
        ]
      : [{ status: 'in_custody', label: t('centre.roster.markInCustody') }];

  const warning = () => {
    if (coming.isPending) return t('centreOps.roster.checking');
    if (coming.isError) return problemText(coming.error);
    return coming.data === 0
      ? t('centreOps.roster.noComingMeetings')
      : t('centreOps.roster.comingMeetings', { count: coming.data });
  };

  return (
    <Space size={0} wrap>
      {choices.map((choice) => (
        <Popconfirm
          key={choice.status}
          open={open === choice.status}
          onOpenChange={(next) => setOpen(next ? choice.status : null)}
          title={t('centre.roster.confirmStatus', {
            name: detainee.name,
            status: t(`centre.roster.statuses.${choice.status}`),
          })}
          description={
            choice.status === 'in_custody' ? undefined : (
              <span data-testid="roster-coming-meetings">{warning()}</span>
            )
          }
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: leaving && coming.isPending, 'data-testid': 'roster-status-confirm' }}
          onConfirm={() =>
            setStatus.mutate(
              { detaineeId: detainee.id, status: choice.status },
              {
                onSuccess: (result) =>
                  void message.success(
                    result.cancelledBookings > 0
                      ? t('centreOps.roster.statusChangedCancelled', { count: result.cancelledBookings })
                      : t('centreOps.roster.statusChanged'),
                  ),
                onError: (error) => void message.error(problemText(error)),
              },
            )
          }
        >
          <Button
            type="link"
            size="small"
            loading={setStatus.isPending && setStatus.variables.status === choice.status}
            data-testid={`roster-mark-${choice.status}`}
          >
            {choice.label}
            <span className="custos-visually-hidden"> {detainee.name}</span>
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
