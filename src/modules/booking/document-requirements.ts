// What a meeting needs on paper (CPL 39; PSB 53): the lawyer's power of attorney (委托书) or the legal-aid
// letter (法律援助公函), and the law firm's letter (律师事务所证明). Nothing else may be demanded; the
// investigating organ's permission decision of a restricted case is asked for after booking, by the
// booking's own status. Browser-safe: the journey's documents step applies the same rule.
import type { CLIENT_DOCUMENT_KINDS } from './tables.js';

export type ClientDocumentKind = (typeof CLIENT_DOCUMENT_KINDS)[number];

/** Each requirement is met by any one of its kinds. */
export const DOCUMENT_REQUIREMENTS = {
  authority: ['power_of_attorney', 'legal_aid_letter'],
  firm_letter: ['firm_letter'],
} as const satisfies Record<string, readonly ClientDocumentKind[]>;

export type DocumentRequirement = keyof typeof DOCUMENT_REQUIREMENTS;

export const DOCUMENT_REQUIREMENT_KEYS = Object.keys(DOCUMENT_REQUIREMENTS) as DocumentRequirement[];

/** The requirements the given kinds leave unmet, in the order above. */
export function missingRequirements(kinds: readonly string[]): DocumentRequirement[] {
  return DOCUMENT_REQUIREMENT_KEYS.filter(
    (key) => !DOCUMENT_REQUIREMENTS[key].some((kind) => kinds.includes(kind)),
  );
}

/** The requirement a kind counts towards; undefined for the permission decision. */
export function requirementOf(kind: string): DocumentRequirement | undefined {
  return DOCUMENT_REQUIREMENT_KEYS.find((key) =>
    (DOCUMENT_REQUIREMENTS[key] as readonly string[]).includes(kind),
  );
}
