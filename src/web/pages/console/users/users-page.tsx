// User administration: filter by unit and text, create users, and run the account actions.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUsers } from '../../../server-api/users.js';
import { useLabels } from '../../../components/labels.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { UnitTreeSelect } from '../../../components/unit-tree-select.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { useLocalName } from '../../../i18n/use-language.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import { CreateUserDrawer } from './create-user-drawer.js';
import { TemporaryPasswordModal, type IssuedPassword } from './temporary-password-modal.js';
import { userColumns } from './user-columns.js';
import { UserRowActions } from './user-row-actions.js';

export function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const localName = useLocalName();
  const { user: me } = useGuardedSession();
  useDocumentTitle(t('users.title'));

  // The filter lives in the URL, so a filtered list can be bookmarked and survives a reload.
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const q = params.get('q') ?? undefined;
  const setFilter = (key: 'unitId' | 'q', value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const users = useUsers({ unitId, q });
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);

  const columns = userColumns({
    t,
    labels,
    localName,
    actions: (user) => <UserRowActions user={user} isSelf={user.id === me.id} onPasswordIssued={setIssued} />,
  });

  return (
    <>
      <h1 className="custos-page-title">{t('users.title')}</h1>
      <Card>
        <Form layout="vertical" className="custos-toolbar" name="user-filter" role="search">
          <Form.Item label={t('users.filterUnit')} htmlFor="user-filter-unit">
            <UnitTreeSelect
              id="user-filter-unit"
              value={unitId}
              onChange={(value) => setFilter('unitId', value)}
              placeholder={t('users.allUnits')}
              allowClear
              style={{ minWidth: 240 }}
            />
          </Form.Item>
          <Form.Item label={t('users.search')} htmlFor="user-filter-q">
            <Input.Search
              id="user-filter-q"
              defaultValue={q}
              allowClear
              onSearch={(value) => setFilter('q', value.trim() || undefined)}
              style={{ width: 260 }}
            />
          </Form.Item>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            className="custos-toolbar-end"
            onClick={() => setCreating(true)}
            data-testid="create-user"
          >
            {t('users.create')}
          </Button>
        </Form>
        <ProblemAlert error={users.error} />
        <Table
          rowKey="id"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            pageSize: 20,
            showTotal: (count) => t('users.count', { count }),
            hideOnSinglePage: false,
          }}
        />
      </Card>
      <CreateUserDrawer open={creating} onClose={() => setCreating(false)} />
      <TemporaryPasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
