// The columns of the audit events table.
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { AuditEvent } from '../../../server-api/audit.js';
import type { useLabels } from '../../../components/labels.js';
import { StatusTag } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { ProofButton } from './proof-button.js';

export function auditColumns(
  t: TFunction,
  labels: ReturnType<typeof useLabels>,
): TableColumnsType<AuditEvent> {
  return [
    {
      key: 'time',
      title: t('audit.columns.time'),
      render: (_, event) => <time dateTime={event.occurredAt}>{formatBeijingTime(event.occurredAt)}</time>,
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      render: (_, event) => event.actor?.username ?? t('audit.system'),
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      render: (_, event) => {
        const label = labels.action(event.action);
        return (
          <>
            {label !== event.action ? <div>{label}</div> : null}
            <code className="custos-mono">{event.action}</code>
          </>
        );
      },
    },
    {
      key: 'subject',
      title: t('audit.columns.subject'),
      render: (_, event) =>
        event.subjectType ? (
          <>
            <div>{event.subjectType}</div>
            {event.subjectId ? <code className="custos-mono custos-unit-code">{event.subjectId}</code> : null}
          </>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'leafIndex',
      title: t('audit.columns.leafIndex'),
      render: (_, event) =>
        event.leafIndex === null ? <StatusTag tone="warn">{t('audit.pending')}</StatusTag> : event.leafIndex,
    },
    {
      key: 'proof',
      title: t('audit.columns.proof'),
      render: (_, event) =>
        event.leafIndex === null ? t('common.none') : <ProofButton eventId={event.id} />,
    },
  ];
}
