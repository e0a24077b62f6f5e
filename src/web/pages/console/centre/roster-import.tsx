// Importing a roster spreadsheet: choose the CSV, preview it row by row, then import every row or none.
// Excel in China often saves CSV in GB18030 rather than UTF-8; both are read.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterImportRow } from '../../../../modules/booking/schemas.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { useImportRoster, type RosterImportResult } from '../../../server-api/booking.js';
import { ApiProblem } from '../../../server-api/problem.js';

async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function RosterImport({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const inputId = useId();
  const run = useImportRoster(unitId);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<RosterImportResult | null>(null);

  // A refused import names its bad rows in the problem's data.
  const refusedRows =
    run.error instanceof ApiProblem && Array.isArray(run.error.problem.data?.rows)
      ? (run.error.problem.data.rows as RosterImportRow[])
      : null;
  const rows = refusedRows ?? preview?.rows ?? [];
  const bad = rows.filter((r) => r.errors.length > 0).length;

  const onFile = async (file: File | undefined) => {
    run.reset();
    setPreview(null);
    setCsv(file ? await readText(file) : null);
  };

  const onPreview = () => {
    if (!csv) return void message.warning(t('centre.roster.import.chooseFirst'));
    run.mutate({ csv, dryRun: true }, { onSuccess: setPreview });
  };

  const onCommit = () => {
    if (!csv) return;
    run.mutate(
      { csv, dryRun: false },
      {
        onSuccess: (result) => {
          void message.success(t('centre.roster.import.imported', { count: result.imported }));
          setPreview(null);
          setCsv(null);
        },
      },
    );
  };

  return (
    <Card title={<h2 className="custos-card-title">{t('centre.roster.import.title')}</h2>}>
      <p className="custos-intro">{t('centre.roster.import.intro')}</p>
      <Space wrap align="center">
        <label htmlFor={inputId}>{t('centre.roster.import.file')}</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          data-testid="roster-file"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <Button
          icon={<UploadOutlined />}
          onClick={onPreview}
          loading={run.isPending && run.variables.dryRun}
          data-testid="roster-preview"
        >
          {t('centre.roster.import.preview')}
        </Button>
      </Space>
      <div style={{ marginTop: 16 }}>
        <ProblemAlert error={run.error} />
        {preview || refusedRows ? (
          <Alert
            type={bad === 0 ? 'success' : 'error'}
            showIcon
            title={
              bad === 0
                ? t('centre.roster.import.valid', { count: rows.length })
                : t('centre.roster.import.invalid', { count: bad })
            }
            className="custos-problem"
            data-testid="roster-preview-summary"
          />
        ) : null}
        {rows.length > 0 ? (
          <Table<RosterImportRow>
            rowKey="line"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            caption={t('centre.roster.import.previewTitle')}
            data-testid="roster-preview-table"
            columns={[
              { key: 'line', title: t('centre.roster.import.line'), dataIndex: 'line' },
              { key: 'name', title: t('centre.roster.name'), dataIndex: 'name' },
              {
                key: 'idNo',
                title: t('centre.roster.idNo'),
                render: (_, r) => <span className="custos-mono">{r.idNoMasked}</span>,
              },
              {
                key: 'restricted',
                title: t('centre.roster.restricted'),
                render: (_, r) => (r.restrictedCase ? t('common.yes') : t('common.no')),
              },
              {
                key: 'errors',
                title: t('centre.roster.import.errors'),
                render: (_, r) =>
                  r.errors.length === 0 ? (
                    <StatusTag tone="good">{t('centre.roster.import.ok')}</StatusTag>
                  ) : (
                    <ul className="custos-row-errors">
                      {r.errors.map((e) => (
                        <li key={`${e.field}-${e.code}`}>{e.message[language]}</li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        ) : null}
        {preview?.valid ? (
          <Button
            type="primary"
            style={{ marginTop: 16 }}
            onClick={onCommit}
            loading={run.isPending && !run.variables.dryRun}
            data-testid="roster-commit"
          >
            {t('centre.roster.import.commit', { count: preview.rows.length })}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
