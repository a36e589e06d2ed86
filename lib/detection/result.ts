import { z } from 'zod';
import { ConditionIdSchema } from '../conditions-schema';

/** Why a mention did not count as a current condition. */
export const MentionContextSchema = z.enum(['negated', 'family', 'historical', 'uncertain']);
export type MentionContext = z.infer<typeof MentionContextSchema>;

/**
 * Where on the page a piece of evidence was seen. The sidebar and the popup word it in the clinician's language
 * (lib/evidence-view.ts), so the detector says which kind of place, not how to name it.
 */
export const EvidencePlaceSchema = z.enum(['problemList', 'medicationList', 'familyHistory', 'resolved', 'section', 'text', 'fhir']);
export type EvidencePlace = z.infer<typeof EvidencePlaceSchema>;

/** One piece of evidence: the text or code seen, and where on the page. */
export const EvidenceSchema = z.object({
  kind: z.enum(['code', 'term', 'fhir', 'medication']),
  /** Code system for kind 'code' / 'fhir' / 'medication' (atc). */
  system: z.enum(['icpc2', 'icd10', 'snomed', 'atc', 'drug']).optional(),
  /** The matched code or term as it appears on the page. */
  match: z.string(),
  /** A short excerpt around the match, plain text, for the "why" view. */
  snippet: z.string(),
  /** Which kind of place on the page it was seen in. */
  where: EvidencePlaceSchema,
  /** As on the page: the section's heading (where 'section'), the FHIR resource's id (where 'fhir'). */
  label: z.string().optional(),
  /** Set when the mention does not count as a current condition. */
  context: MentionContextSchema.nullable(),
  /** True when the evidence came from a structured problem list / FHIR resource. */
  structured: z.boolean(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const DetectedConditionSchema = z.object({
  id: ConditionIdSchema,
  /** 'possible' is a suspected condition: never shown as confirmed. */
  status: z.enum(['confirmed', 'possible']),
  evidence: z.array(EvidenceSchema),
});
export type DetectedCondition = z.infer<typeof DetectedConditionSchema>;

export const DetectionResultSchema = z.object({
  conditions: z.array(DetectedConditionSchema),
  /** Mentions that were seen but ruled out (negated, family, historical), for the "why" view. */
  ruledOut: z.array(z.object({ id: ConditionIdSchema, evidence: z.array(EvidenceSchema) })),
  /** Page text that identifies the patient (raw; hashed before storage, never stored). Null when none found. */
  patientRef: z.string().nullable(),
  /** CSS selector of the EHR's note field, when known. */
  noteField: z.string().nullable(),
  /** Name of the site adapter used, or 'generic'. */
  adapter: z.string(),
});
export type DetectionResult = z.infer<typeof DetectionResultSchema>;
