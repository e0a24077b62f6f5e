// Why a centre cancelled a meeting (issue 3: the detainee was released or transferred, or an emergency),
// and how that reason is kept. The booking table has one free-text cancel_reason column, shared with the
// lawyer's own cancellations; for a booking cancelled by the centre it holds the reason's code, then the
// staff member's words if any ("transferred: 转至市第二看守所"). The code lets the lawyer read the reason
// in their own language and lets staff filter; the words say what no code can.
import { z } from 'zod';
import type { LocalisedMessage } from '../../platform/http/problem.js';

export const CENTRE_CANCEL_REASONS = ['released', 'transferred', 'emergency', 'other'] as const;
export const centreCancelReasonSchema = z.enum(CENTRE_CANCEL_REASONS);
export type CentreCancelReasonCode = z.infer<typeof centreCancelReasonSchema>;

/** Reasons staff must explain in words: a code alone tells the lawyer nothing about them. */
export const REASONS_NEEDING_WORDS: readonly CentreCancelReasonCode[] = ['emergency', 'other'];

export const CENTRE_CANCEL_REASON_LABELS: Readonly<Record<CentreCancelReasonCode, LocalisedMessage>> = {
  released: { 'zh-CN': '在押人员已释放', en: 'The detainee has been released' },
  transferred: { 'zh-CN': '在押人员已转所', en: 'The detainee has been transferred' },
  emergency: { 'zh-CN': '看守所突发情况', en: 'An emergency at the centre' },
  other: { 'zh-CN': '其他原因', en: 'Another reason' },
};

export interface CentreCancelReason {
  code: CentreCancelReasonCode;
  /** The staff member's own words, or null. */
  text: string | null;
}

const STORED = /^(released|transferred|emergency|other)(?:: ([\s\S]*))?$/;

/** The cancel_reason column's value for a centre's cancellation. */
export function storeCentreCancelReason(reason: CentreCancelReason): string {
  return reason.text ? `${reason.code}: ${reason.text}` : reason.code;
}

/**
 * Reads a centre cancellation's cancel_reason back. Anything not written by storeCentreCancelReason (a row
 * changed by hand) is kept whole as the words of an "other" reason rather than lost.
 */
export function readCentreCancelReason(stored: string | null): CentreCancelReason {
  if (stored === null || stored.trim() === '') return { code: 'other', text: null };
  const match = STORED.exec(stored);
  if (!match) return { code: 'other', text: stored };
  return { code: match[1] as CentreCancelReasonCode, text: match[2]?.trim() || null };
}

/** "在押人员已转所：转至市第二看守所", for people (CSV, messages to lawyers) in one language. */
export function describeCentreCancelReason(reason: CentreCancelReason, language: 'zh-CN' | 'en'): string {
  const label = CENTRE_CANCEL_REASON_LABELS[reason.code][language];
  if (!reason.text) return label;
  return language === 'zh-CN' ? `${label}：${reason.text}` : `${label}: ${reason.text}`;
}
