// A stored file staff open in a dialog (a booking's document, a lawyer's licence photo): fetched only when
// opened, since the server records each view; an image shown inline and a PDF opened in a new tab, since
// the page's policy allows no frames.
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ProblemAlert } from './problem-alert.js';

/**
 * The file `fetchBlob` gives for `source`, as an object URL while the caller shows it: fetched again when
 * `source` changes (pass a function that does not change), revoked when it changes or the caller goes.
 */
export function useFetchedObjectUrl<T>(
  source: T | null,
  fetchBlob: (source: T) => Promise<Blob>,
): { url: string | null; error: unknown } {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (source === null) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    setUrl(null);
    setError(null);
    fetchBlob(source).then(
      (blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      (problem: unknown) => {
        if (!cancelled) setError(problem);
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [source, fetchBlob]);

  return { url, error };
}

export interface FetchedFileViewProps {
  url: string | null;
  error: unknown;
  isPdf: boolean;
  /** Tells staff that opening the file was recorded. */
  auditNotice: string;
  imageAlt: string;
  imageClassName: string;
  openPdfLabel: string;
  testIds?: { viewer?: string; image?: string; openPdf?: string };
  /** What identifies the file under it: its name, its hash. */
  children: ReactNode;
}

/** The dialog's body: the audit notice, a spinner until the file is here, then the image or a PDF link. */
export function FetchedFileView({
  url,
  error,
  isPdf,
  auditNotice,
  imageAlt,
  imageClassName,
  openPdfLabel,
  testIds = {},
  children,
}: FetchedFileViewProps) {
  return (
    <div className="custos-stack" data-testid={testIds.viewer}>
      <Alert type="info" showIcon title={auditNotice} />
      <ProblemAlert error={error} />
      {!url && !error ? <Spin /> : null}
      {url && !isPdf ? (
        <img src={url} alt={imageAlt} className={imageClassName} data-testid={testIds.image} />
      ) : null}
      {url && isPdf ? (
        <Button href={url} target="_blank" rel="noopener" data-testid={testIds.openPdf}>
          {openPdfLabel}
        </Button>
      ) : null}
      {children}
    </div>
  );
}
