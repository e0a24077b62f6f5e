// Step 5: the documents (CPL 39): a power of attorney or a legal-aid letter, and the law firm's letter, for
// the client named at the previous step. Documents already on file for this client are offered for reuse,
// the newest of each preselected; new ones are photographed or chosen and uploaded here. The step cannot
// be passed without one of each. A client the roster does not know is sent back to the client step with
// the server's words, as the check step does.
import { Alert, Button, Radio, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  DOCUMENT_REQUIREMENT_KEYS,
  DOCUMENT_REQUIREMENTS,
  requirementOf,
  type DocumentRequirement,
} from '../../../../modules/booking/document-requirements.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { formatFileSize } from '../../../format/file-size.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  clientDocumentUrl,
  useClientDocuments,
  useUploadClientDocument,
  type BookingDocumentKind,
  type ClientDocumentView,
} from '../../../server-api/documents.js';
import { useBookingFor } from '../../../server-api/booking-for.js';
import { isApiProblem } from '../../../server-api/problem.js';
import { problemFromState } from './client-step.js';
import { DocumentUpload } from './document-upload.js';
import { StepGuard, useContinue, useJourney } from './journey-context.js';
import { STEP_PATHS, type ChosenDocument } from './journey-state.js';
import { StepFrame } from './step-frame.js';
import './documents.css';

type Choices = Partial<Record<DocumentRequirement, string>>;

export function DocumentsStep() {
  return (
    <StepGuard step="documents">
      <Documents />
    </StepGuard>
  );
}

function Documents() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const { answers, update } = useJourney();
  const next = useContinue('documents');
  const unitId = answers.centreId!;
  const client = answers.client!;
  // An assistant files and reuses the principal's documents.
  const bookingFor = useBookingFor();
  const onBehalfOf = bookingFor.onBehalfOf;
  const onFile = useClientDocuments(unitId, client, onBehalfOf, bookingFor.status === 'ready');
  const upload = useUploadClientDocument(unitId, client, onBehalfOf);
  const [authorityKind, setAuthorityKind] = useState<BookingDocumentKind>('power_of_attorney');
  const [showMissing, setShowMissing] = useState(false);
  // Choices the lawyer made (or made before, for this same client); the rest default to the newest.
  const [choices, setChoices] = useState<Choices>(() => {
    const earlier = answers.documents;
    if (!earlier || earlier.client.idNo !== client.idNo || earlier.client.name !== client.name) return {};
    const earlierChoices: Choices = {};
    for (const d of earlier.items) {
      const requirement = requirementOf(d.kind);
      if (requirement) earlierChoices[requirement] = d.id;
    }
    return earlierChoices;
  });

  // A client the roster does not know: back to the step that can put it right, with the server's words.
  const notFound = isApiProblem(onFile.error, 'booking.client_not_found') ? onFile.error : null;
  useEffect(() => {
    if (!notFound) return;
    const from = params.get('from') === 'check' ? '?from=check' : '';
    void navigate(`${STEP_PATHS.client}${from}`, { state: { problem: notFound.problem }, replace: true });
  }, [notFound, navigate, params]);

  // A refusal handed back from the check step (a document the server would not take).
  const refusal = problemFromState(location.state);
  const documents = onFile.data ?? [];
  const optionsFor = (requirement: DocumentRequirement) =>
    documents.filter((d) => requirementOf(d.kind) === requirement);
  const chosenFor = (requirement: DocumentRequirement): ClientDocumentView | undefined => {
    const options = optionsFor(requirement);
    return options.find((d) => d.id === choices[requirement]) ?? options[0];
  };
  const missing = DOCUMENT_REQUIREMENT_KEYS.filter((r) => !chosenFor(r));

  const uploadAs =
    (requirement: DocumentRequirement) => async (file: File, onProgress: (f: number) => void) => {
      const kind = requirement === 'authority' ? authorityKind : 'firm_letter';
      const filed = await upload.mutateAsync({ kind, file, onProgress });
      setChoices((current) => ({ ...current, [requirement]: filed.id }));
      await onFile.refetch();
    };

  const onContinue = () => {
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    const items: ChosenDocument[] = DOCUMENT_REQUIREMENT_KEYS.map((r) => chosenFor(r)!).map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.fileName,
    }));
    next(update({ documents: { unitId, client, items } }));
  };

  return (
    <StepFrame step="documents" title={t('documents.step.title')} intro={t('documents.step.intro')}>
      {refusal ? (
        <Alert type="error" showIcon title={refusal.message[language]} data-testid="documents-problem" />
      ) : null}
      {onFile.isPending ? <Skeleton active /> : null}
      <ProblemAlert error={bookingFor.error} />
      {onFile.isError && !notFound ? <ProblemAlert error={onFile.error} /> : null}
      {onFile.isSuccess
        ? DOCUMENT_REQUIREMENT_KEYS.map((requirement) => {
            const requirementName = t(`documents.requirements.${requirement}`);
            const options = optionsFor(requirement);
            const chosen = chosenFor(requirement);
            return (
              <fieldset key={requirement} data-testid={`documents-${requirement}`}>
                <legend>{requirementName}</legend>
                {options.length === 0 ? (
                  <p className="custos-choice-meta" data-testid={`documents-${requirement}-none`}>
                    {t('documents.step.noneOnFile', { requirement: requirementName })}
                  </p>
                ) : (
                  <Radio.Group
                    className="custos-choice-list"
                    value={chosen?.id}
                    onChange={(event) =>
                      setChoices((current) => ({ ...current, [requirement]: event.target.value as string }))
                    }
                    aria-label={t('documents.step.choose', { requirement: requirementName })}
                  >
                    {options.map((d) => (
                      <div key={d.id} className="custos-document-option">
                        <Radio value={d.id} data-testid={`document-${d.id}`}>
                          <span className="custos-choice-label">
                            <span>
                              {t(`documents.kinds.${d.kind}`)} · {d.fileName}
                            </span>
                            <span className="custos-choice-meta">
                              {t('documents.step.fileMeta', {
                                date: formatBeijingTime(d.createdAt).slice(0, 16),
                                size: formatFileSize(d.byteSize),
                              })}
                            </span>
                          </span>
                        </Radio>
                        <a href={clientDocumentUrl(d.id, onBehalfOf)} target="_blank" rel="noopener">
                          {t('documents.step.view')}
                          <span className="custos-visually-hidden"> {d.fileName}</span>
                        </a>
                      </div>
                    ))}
                  </Radio.Group>
                )}
                <p className="custos-document-new">
                  {t('documents.step.uploadNew', { requirement: requirementName })}
                </p>
                {requirement === 'authority' ? (
                  <Radio.Group
                    optionType="button"
                    className="custos-duration-list"
                    value={authorityKind}
                    onChange={(event) => setAuthorityKind(event.target.value as BookingDocumentKind)}
                    aria-label={t('documents.step.kindLegend')}
                    options={DOCUMENT_REQUIREMENTS.authority.map((kind) => ({
                      value: kind,
                      label: t(`documents.kinds.${kind}`),
                    }))}
                    data-testid="authority-kind"
                  />
                ) : null}
                <DocumentUpload upload={uploadAs(requirement)} testId={`documents-${requirement}`} />
              </fieldset>
            );
          })
        : null}
      {showMissing && missing.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="documents-missing"
          title={t('documents.step.missing', {
            list: new Intl.ListFormat(language, { type: 'conjunction' }).format(
              missing.map((r) => t(`documents.requirements.${r}`)),
            ),
          })}
        />
      ) : null}
      <Alert type="info" showIcon title={t('documents.step.originals')} />
      <Button
        type="primary"
        size="large"
        block
        onClick={onContinue}
        disabled={!onFile.isSuccess}
        data-testid="journey-continue"
      >
        {t('journey.continue')}
      </Button>
    </StepFrame>
  );
}
