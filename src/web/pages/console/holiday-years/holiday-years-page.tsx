// The admin's public-holiday years: which years the booking calendar covers (built in, or entered here),
// and a form to enter a new year or correct one, a day per line as the State Council's notice lists them.
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useHolidayYears, type HolidayYearView } from '../../../server-api/holiday-years.js';
import { originLabel } from './origin-label.js';
import { YearForm } from './year-form.js';
import './holiday-years.css';

export function HolidayYearsPage() {
  const { t } = useTranslation();
  const years = useHolidayYears();
  // The year whose data the form shows, loaded from the table; the key remounts the form with it.
  const [loaded, setLoaded] = useState<{ view: HolidayYearView; at: number } | null>(null);
  useDocumentTitle(t('holidayYears.title'));

  return (
    <div className="custos-stack">
      <h1 className="custos-page-title">{t('holidayYears.title')}</h1>
      <p className="custos-intro">{t('holidayYears.intro')}</p>
      <Card title={<h2 className="custos-card-title">{t('holidayYears.coveredTitle')}</h2>}>
        <ProblemAlert error={years.error} />
        <CoveredYears
          items={years.data ?? []}
          loading={years.isPending}
          onLoad={(view) => setLoaded({ view, at: Date.now() })}
        />
      </Card>
      <Card title={<h2 className="custos-card-title">{t('holidayYears.formTitle')}</h2>}>
        <YearForm key={loaded?.at ?? 0} initial={loaded?.view} covered={years.data ?? []} />
      </Card>
    </div>
  );
}

function CoveredYears({
  items,
  loading,
  onLoad,
}: {
  items: HolidayYearView[];
  loading: boolean;
  onLoad: (view: HolidayYearView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<HolidayYearView>
      rowKey="year"
      loading={loading}
      dataSource={items}
      pagination={false}
      data-testid="holiday-years-table"
      locale={{ emptyText: <span className="custos-table-empty">{t('holidayYears.empty')}</span> }}
      columns={[
        { key: 'year', title: t('holidayYears.columns.year'), dataIndex: 'year' },
        {
          key: 'origin',
          title: t('holidayYears.columns.origin'),
          render: (_, y) => (
            <StatusTag tone={y.origin === 'built_in' ? 'neutral' : 'info'}>{originLabel(y, t)}</StatusTag>
          ),
        },
        {
          key: 'source',
          title: t('holidayYears.columns.source'),
          render: (_, y) => <span className="custos-holiday-source">{y.source ?? t('common.none')}</span>,
        },
        { key: 'daysOff', title: t('holidayYears.columns.daysOff'), render: (_, y) => y.daysOff.length },
        { key: 'workdays', title: t('holidayYears.columns.workdays'), render: (_, y) => y.workdays.length },
        {
          key: 'added',
          title: t('holidayYears.columns.added'),
          render: (_, y) =>
            y.addedBy && y.addedAt
              ? t('holidayYears.addedBy', { name: y.addedBy.displayName, time: formatBeijingTime(y.addedAt) })
              : t('common.none'),
        },
        {
          key: 'actions',
          title: t('holidayYears.columns.actions'),
          render: (_, y) => (
            <Button type="link" onClick={() => onLoad(y)} data-testid={`holiday-year-load-${y.year}`}>
              {t('holidayYears.load')}
              <span className="custos-visually-hidden"> {y.year}</span>
            </Button>
          ),
        },
      ]}
    />
  );
}
