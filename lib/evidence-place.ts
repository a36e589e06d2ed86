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
