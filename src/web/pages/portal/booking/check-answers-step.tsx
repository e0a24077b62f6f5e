// Step 7: check your answers, each with a way back to change it (the held place stays held), then confirm.
// Confirming twice (a double tap, a retried request) cannot make two bookings: the held place is one
// booking, completed once, and the button is off while the request is out.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { maskIdNo } from '../../../../modules/lawyers/id-number.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { beijingHm, formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage, useLocalName } from '../../../i18n/use-language.js';
import {
  myBookingsQuery,
  useCentres,
  useCompleteBooking,
  type BookingView,
} from '../../../server-api/booking.js';
import { ApiProblem } from '../../../server-api/problem.js';
import { onBehalf, useBookingFor } from '../../../server-api/booking-for.js';
import { EnteredForNote } from './booking-for.js';
import { StepGuard, useJourney } from './journey-context.js';
import { STEP_PATHS, type StepName } from './journey-state.js';
import { StepFrame } from './step-frame.js';

const LIVE = ['confirmed', 'awaiting_permission'];

export function CheckAnswersStep() {
  return (
    <StepGuard step="check">
      <CheckAnswers />
    </StepGuard>
  );
}

function CheckAnswers() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const localName = useLocalName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const centres = useCentres();
  const { answers, update, finish, setLapsed } = useJourney();
  const complete = useCompleteBooking();
  const bookingFor = useBookingFor();
  const sent = useRef(false);
  const hold = answers.hold!;
  const client = answers.client!;
  const documents = answers.documents!;
  const centre = centres.data?.find((c) => c.id === answers.centreId);

  const finished = (booking: BookingView) => {
    finish();
    void navigate(`/portal/bookings/${booking.id}`, { state: { justBooked: true } });
  };

  /** A confirm whose answer was lost may have gone through: the lawyer's own list says. */
  const alreadyDone = async (): Promise<BookingView | undefined> => {
    const mine = await queryClient.fetchQuery({ ...myBookingsQuery(bookingFor.onBehalfOf), staleTime: 0 });
    return mine.items.find((b) => b.id === hold.bookingId && LIVE.includes(b.status));
  };

  /** Takes the lawyer to the step that can put a refusal right; the rest show here. */
  const afterRefusal = async (error: Error) => {
    if (!(error instanceof ApiProblem)) return;
    const state = { problem: error.problem };
    switch (error.code) {
      case 'booking.client_not_found':
        await navigate(`${STEP_PATHS.client}?from=check`, { state });
        return;
      case 'booking.co_counsel_unknown':
        await navigate(`${STEP_PATHS.coCounsel}?from=check`, { state });
        return;
      case 'booking.documents_missing':
      case 'booking.documents_unknown':
      case 'booking.documents_wrong_client':
        await navigate(`${STEP_PATHS.documents}?from=check`, { state });
        return;
      case 'booking.hold_expired':
        update({ hold: undefined });
        setLapsed(true);
        await navigate(STEP_PATHS.session);
        return;
      case 'booking.wrong_state': {
        const done = await alreadyDone().catch(() => undefined);
        if (done) finished(done);
        return;
      }
      default:
        return;
    }
  };

  const onConfirm = () => {
    if (sent.current) return;
    sent.current = true;
    complete.mutate(
      {
        bookingId: hold.bookingId,
        client,
        documentIds: documents.items.map((d) => d.id),
        ...(answers.coCounselUsername ? { coCounselUsername: answers.coCounselUsername } : {}),
        ...onBehalf(bookingFor.onBehalfOf),
      },
      {
        onSuccess: finished,
        onError: (error) => {
          sent.current = false;
          void afterRefusal(error);
        },
      },
    );
  };

  const rows: { step: StepName; key: string; label: string; value: string }[] = [
    {
      step: 'centre',
      key: 'centre',
      label: t('journey.check.centre'),
      value: centre ? localName(centre) : '',
    },
    {
      step: 'date',
      key: 'date',
      label: t('journey.check.date'),
      value: formatLongDate(answers.date!, language),
    },
    {
      step: 'session',
      key: 'session',
      label: t('journey.check.session'),
      value: `${beijingHm(hold.startsAt)}–${beijingHm(hold.endsAt)}`,
    },
    {
      step: 'session',
      key: 'duration',
      label: t('journey.check.duration'),
      value: t('journey.session.minutes', { count: hold.durationMinutes }),
    },
    { step: 'client', key: 'clientName', label: t('journey.check.clientName'), value: client.name },
    { step: 'client', key: 'clientIdNo', label: t('journey.check.clientIdNo'), value: maskIdNo(client.idNo) },
    {
      step: 'documents',
      key: 'documents',
      label: t('documents.check.documents'),
      value: documents.items
        .map((d) =>
          language === 'en'
            ? `${t(`documents.kinds.${d.kind}`)} (${d.fileName})`
            : `${t(`documents.kinds.${d.kind}`)}（${d.fileName}）`,
        )
        .join(language === 'en' ? '; ' : '；'),
    },
    {
      step: 'coCounsel',
      key: 'coCounsel',
      label: t('journey.check.coCounsel'),
      value: answers.coCounselUsername ?? t('journey.check.none'),
    },
  ];

  return (
    <StepFrame step="check" title={t('journey.check.title')} intro={t('journey.check.intro')}>
      <ProblemAlert error={complete.error} />
      <EnteredForNote />
      <dl className="custos-summary" data-testid="check-answers">
        {rows.map((row) => (
          <div key={row.key} data-testid={`answer-${row.key}`}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
            <dd className="custos-summary-change">
              <Link to={`${STEP_PATHS[row.step]}?from=check`} data-testid={`change-${row.key}`}>
                {t('journey.check.change')}
                <span className="custos-visually-hidden"> {row.label}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <Alert type="info" showIcon title={t('journey.check.bringDocuments')} />
      <Button
        type="primary"
        size="large"
        block
        onClick={onConfirm}
        loading={complete.isPending}
        disabled={complete.isPending}
        data-testid="journey-confirm"
      >
        {t('journey.check.confirm')}
      </Button>
    </StepFrame>
  );
}
