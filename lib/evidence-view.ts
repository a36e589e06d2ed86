import type { Evidence, EvidencePlace } from './detection/result';
import type { MessageKey, Translate } from './translate';

const SEEN_IN = {
  problemList: 'seenInProblemList',
  medicationList: 'seenInMedicationList',
  familyHistory: 'seenInFamilyHistory',
  resolved: 'seenInResolved',
  section: 'seenInSection',
  text: 'seenInText',
  fhir: 'seenInFhir',
} as const satisfies Record<EvidencePlace, MessageKey>;

/** Where a piece of evidence was seen, in the clinician's language: "Seen in the problem list". */
export function seenIn(t: Translate, evidence: Pick<Evidence, 'where' | 'label'>): string {
  return t(SEEN_IN[evidence.where], evidence.label ?? '');
}

export interface WhyLine {
  snippet: string;
  seenIn: string;
}

/**
 * The "why" of a condition as the clinician reads it: each excerpt with where it was seen, at most `max` lines.
 * A code and a term found in the same problem-list row are two pieces of evidence but one line.
 */
export function whyLines(t: Translate, evidence: readonly Evidence[], max: number): WhyLine[] {
  const lines: WhyLine[] = [];
  const seen = new Set<string>();
  for (const e of evidence) {
    const line = { snippet: e.snippet, seenIn: seenIn(t, e) };
    const key = `${line.snippet}\u0000${line.seenIn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
    if (lines.length === max) break;
  }
  return lines;
}
