// Entering one year's arrangement: the year, the notice it comes from, and two lists typed or pasted a day
// per line. Lines that are not "date name" are caught here; everything else is the server's schema's call,
// and each of its errors is shown against the line it is about, in the admin's language.
import { App, Button, Form, Input, InputNumber } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  usePutHolidayYear,
  type HolidayYearView,
  type YearDataInput,
} from '../../../server-api/holiday-years.js';
import { formatDayLines, lineErrors, parseDayLines, type DayList, type ParsedDays } from './day-lines.js';
import { originLabel } from './origin-label.js';

interface Values {
  year?: number;
  source?: string;
  daysOff?: string;
  workdays?: string;
}

type ListErrors = Record<DayList, string[]>;
const NO_ERRORS: ListErrors = { daysOff: [], workdays: [] };
const LISTS: readonly DayList[] = ['daysOff', 'workdays'];

export function YearForm({ initial, covered }: { initial?: HolidayYearView; covered: HolidayYearView[] }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message, modal } = App.useApp();
  const put = usePutHolidayYear();
  const [form] = Form.useForm<Values>();
  const [listErrors, setListErrors] = useState<ListErrors>(NO_ERRORS);
  const loadedNote = useRef<HTMLParagraphElement>(null);

  // A year loaded from the table is shown where the admin will edit it.
  useEffect(() => {
    if (initial) loadedNote.current?.scrollIntoView({ block: 'start' });
  }, [initial]);

  const initialValues: Values = initial
    ? {
        year: initial.year,
        source: initial.source ?? '',
        daysOff: formatDayLines(initial.daysOff),
        workdays: formatDayLines(initial.workdays),
      }
    : {};

  const send = (data: YearDataInput, parsed: Record<DayList, ParsedDays>) =>
    put.mutate(data, {
      onSuccess: () => {
        setListErrors(NO_ERRORS);
        void message.success(t('holidayYears.saved', { year: data.year }));
      },
      onError: (error) => {
        const unplaced = showFieldErrors(form, error, language, ['year', 'source']);
        const next = { ...NO_ERRORS };
        for (const list of LISTS) {
          const { rows, whole } = lineErrors(unplaced, list, parsed[list].days);
          next[list] = [
            ...whole.map((m) => m[language]),
            ...rows.map((r) => t('holidayYears.rowError', { line: r.line, message: r.message[language] })),
          ];
        }
        setListErrors(next);
      },
    });

  const onFinish = (values: Values) => {
    put.reset();
    const parsed = {
      daysOff: parseDayLines(values.daysOff ?? ''),
      workdays: parseDayLines(values.workdays ?? ''),
    };
    const malformed = {
      daysOff: parsed.daysOff.malformed.map((m) => t('holidayYears.malformed', m)),
      workdays: parsed.workdays.malformed.map((m) => t('holidayYears.malformed', m)),
    };
    setListErrors(malformed);
    if (malformed.daysOff.length + malformed.workdays.length > 0) return;
    const year = values.year!;
    const source = values.source?.trim();
    const data: YearDataInput = {
      year,
      ...(source ? { source } : {}),
      daysOff: parsed.daysOff.days.map(({ date, name }) => ({ date, name })),
      workdays: parsed.workdays.days.map(({ date, name }) => ({ date, name })),
    };
    const existing = covered.find((y) => y.year === year);
    if (!existing) {
      send(data, parsed);
      return;
    }
    void modal.confirm({
      title: t('holidayYears.replaceTitle', { year }),
      content: t('holidayYears.replaceBody', { year, origin: originLabel(existing, t) }),
      okText: t('holidayYears.replace'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'holiday-replace-confirm' },
      onOk: () => send(data, parsed),
    });
  };

  const errorList = (list: DayList) =>
    listErrors[list].length > 0 ? (
      <ul className="custos-holiday-errors" data-testid={`holiday-${list}-errors`}>
        {listErrors[list].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    ) : undefined;

  return (
    <>
      <p className="custos-intro">{t('holidayYears.formIntro')}</p>
      {initial ? (
        <p ref={loadedNote} className="custos-intro" role="status" data-testid="holiday-loaded">
          {t('holidayYears.loaded', { year: initial.year })}
        </p>
      ) : null}
      <ProblemAlert error={put.error} />
      <Form<Values>
        form={form}
        name="holiday-year"
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Values) => {
          // An edited list's old errors no longer describe it.
          const edited = LISTS.filter((list) => list in changed);
          if (edited.length > 0)
            setListErrors((e) => ({ ...e, ...Object.fromEntries(edited.map((l) => [l, []])) }));
        }}
      >
        <Form.Item
          name="year"
          label={t('holidayYears.year')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 2000,
              max: 2100,
              message: t('holidayYears.yearRequired'),
            },
          ]}
        >
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            style={{ width: 140 }}
            data-testid="holiday-year"
          />
        </Form.Item>
        <Form.Item name="source" label={t('holidayYears.source')} extra={t('holidayYears.sourceHelp')}>
          <Input maxLength={500} data-testid="holiday-source" />
        </Form.Item>
        {LISTS.map((list) => (
          <Form.Item
            key={list}
            name={list}
            label={t(`holidayYears.${list}`)}
            extra={t(list === 'daysOff' ? 'holidayYears.daysOffHelp' : 'holidayYears.workdaysHelp')}
            validateStatus={listErrors[list].length > 0 ? 'error' : undefined}
            help={errorList(list)}
          >
            <Input.TextArea
              autoSize={{ minRows: list === 'daysOff' ? 8 : 3, maxRows: 24 }}
              className="custos-holiday-lines"
              spellCheck={false}
              data-testid={`holiday-${list}`}
            />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={put.isPending} data-testid="holiday-save">
          {t('holidayYears.save')}
        </Button>
      </Form>
    </>
  );
}
