import { z } from 'zod';
import { ConditionIdSchema, LanguageSchema } from '../conditions-schema';

/** Terms for one language. `abbreviations` are matched case-sensitively (as written); `terms` ignore case and accents. */
const LangTermsSchema = z.object({
  terms: z.array(z.string().min(1)).default([]),
  abbreviations: z.array(z.string().min(1)).default([]),
  /**
   * Abbreviations that mean this condition only in text of this language (matched as `abbreviations` are, and
   * only when the page or text is in this language): English "MI" is mitral insufficiency in Dutch charts.
   */
  localAbbreviations: z.array(z.string().min(1)).optional(),
  /** Words that mean this condition only in text of this language: English "angina"; in Flemish, a sore throat. */
  localTerms: z.array(z.string().min(1)).optional(),
  /** Generic words ("diabetes", "suikerziekte") that alone only make a condition 'possible'. */
  weak: z.array(z.string().min(1)).default([]),
  /**
   * Generic abbreviations, weak as `weak` words are, matched as `localAbbreviations` are: "DM" is diabetes
   * mellitus in English and Dutch charts, but often "dossier médical" in French ones.
   */
  weakAbbreviations: z.array(z.string().min(1)).optional(),
});

/** Look-alikes: phrases that contain a term but mean something else ("diabetes insipidus"). Consumed, never counted. */
const LookalikeSchema = z.array(z.string().min(1)).default([]);

/** One ICD-10 rule: a code prefix ("E11") optionally with excluded sub-prefixes ("G89.1" acute pain). */
const Icd10RuleSchema = z.union([
  z.string().regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{0,4})?$/),
  z.object({ prefix: z.string().regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{0,4})?$/), exclude: z.array(z.string()).default([]) }),
]);

export const ConditionDefinitionSchema = z.object({
  id: ConditionIdSchema,
  names: z.object({ en: z.string(), nl: z.string(), fr: z.string() }),
  en: LangTermsSchema,
  nl: LangTermsSchema,
  fr: LangTermsSchema,
  lookalikes: LookalikeSchema,
  icpc2: z.array(z.string().regex(/^[A-Z][0-9]{2}$/)).default([]),
  icd10: z.array(Icd10RuleSchema).default([]),
  snomed: z.array(z.string().regex(/^[0-9]{6,18}$/)).default([]),
  medications: z
    .object({
      atc: z.array(z.string().regex(/^[A-Z][0-9]{2}[A-Z]{0,2}[0-9]{0,2}$/)).default([]),
      names: z.array(z.string().min(2)).default([]),
    })
    .default({ atc: [], names: [] }),
  /** When this condition's only evidence is weak and one of these has strong evidence, the weak evidence goes there. */
  weakYieldsTo: z.array(ConditionIdSchema).default([]),
  /**
   * Terms and abbreviations of this condition, in any language, that name an acute event of it (an infarct, an
   * acute coronary syndrome). Ruled out, they answer no suspicion of the chronic condition: "?angina, no sign of
   * ACS" leaves angina possible.
   */
  acuteEvents: z.array(z.string().min(1)).default([]),
});
export type ConditionDefinition = z.infer<typeof ConditionDefinitionSchema>;

export const ConditionsFileSchema = z.object({
  version: z.number().int(),
  conditions: z.array(ConditionDefinitionSchema),
});

/** Context a trigger phrase puts a mention in. 'hypothetical' (screening, risk of) never counts and is reported as 'uncertain'. */
export const TriggerContextSchema = z.enum(['negated', 'family', 'historical', 'uncertain', 'hypothetical', 'pseudo']);
export type TriggerContext = z.infer<typeof TriggerContextSchema>;

export const TriggerSchema = z.object({
  phrase: z.string().min(1),
  context: TriggerContextSchema,
  /** 'pre' applies to following mentions, 'post' to preceding ones, 'both' either way. */
  direction: z.enum(['pre', 'post', 'both']),
  /** Maximum number of words between trigger and mention (default: rules.defaultWindow; 0: right beside it). */
  window: z.number().int().nonnegative().optional(),
  /** 'clause' also stops at commas; 'sentence' (default) stops only at terminators. */
  scope: z.enum(['sentence', 'clause']).optional(),
  /**
   * An answer ("Hypertension: No", "COPD? Nee"): the phrase counts only where its clause ends with it, so the
   * "no" of "Asthma: no exacerbations" is read as it stands.
   */
  answer: z.boolean().optional(),
  /**
   * Counts only alone in brackets, right after what it is about ("Diabète (mère)", "Type 2 diabetes (father)"):
   * the relative is the one with the condition. Brackets are no tokens, so the phrase is written without them.
   */
  bracketed: z.boolean().optional(),
  /**
   * Said last, it closes its sentence: ending the sentence, it reaches back past its window to the sentence's
   * start ("trouble panique en 2015, traité en TCC, aucune attaque depuis, résolu"), though not past another
   * condition's item.
   */
  closing: z.boolean().optional(),
});
export type Trigger = z.infer<typeof TriggerSchema>;

const PerLang = <T extends z.ZodTypeAny>(t: T) => z.object({ en: t, nl: t, fr: t });

export const ContextRulesSchema = z.object({
  version: z.number().int(),
  defaultWindow: z.number().int().positive(),
  /** Words that end a trigger's scope ("but", "maar", "mais"). Punctuation . ; ! ? and block boundaries always do. */
  terminators: PerLang(z.array(z.string())),
  triggers: PerLang(z.array(TriggerSchema)),
  /**
   * A relative named as the source of the history ("according to his wife", "mum reports", "volgens dochter",
   * "selon sa fille") is the informant, not the one with the condition: a one-word relative among the
   * language's family triggers, right after a `before` phrase or right before an `after` one, is no trigger.
   */
  informants: PerLang(z.object({ before: z.array(z.string()), after: z.array(z.string()) })),
  /**
   * Words after a relative (and a comma, maybe) that open a clause about them ("her husband, who has COPD",
   * "son mari, qui a une BPCO"): the relative's family trigger then reaches through that clause.
   */
  relativeClauses: PerLang(z.array(z.string())),
  /** Section headings that put their whole section in a context, or mark it as a structured list. */
  sections: PerLang(
    z.object({
      family: z.array(z.string()),
      historical: z.array(z.string()),
      /** Screening questions asked of every patient: what they name is asked about, not found (hypothetical). */
      screening: z.array(z.string()),
      /** Guidance, leaflets and links for anyone: what they name is no finding about the patient (hypothetical). */
      reference: z.array(z.string()),
      problemList: z.array(z.string()),
      medication: z.array(z.string()),
    }),
  ),
  /**
   * Words that name a section only in a heading of at most two words ("Links", "Useful links", "Mijn taken"):
   * in a longer one they are ordinary words of another of the three languages ("RX knie links" is the left
   * knee in Dutch; "Bloods taken for GP" is English).
   */
  shortHeadingWords: z.array(z.string()).default([]),
  /**
   * Names of an EHR's screens ("Journaal", "Biologie", "Correspondence"): a side column or strip of short items
   * where several name screens is the EHR's menu, and the condition names beside them ("Ketenzorg DM", "BPCO /
   * Asthme") are its modules, not the patient's conditions (menus.ts).
   */
  chartModules: PerLang(z.array(z.string())),
  /**
   * Words that make a heading naming the practice's programmes or registers the patient's own ("Deelname
   * zorgprogramma", "Enrolled care programmes", "Inscription trajet de soins"): the list under it is what the
   * patient takes part in, not a column of modules or a reference.
   */
  enrolment: PerLang(z.array(z.string())).default({ en: [], nl: [], fr: [] }),
  /**
   * Titles before a person's name ("Mrs", "Dhr.", "Mme"): a column whose items mostly open with one
   * ("08:30 Mme Rochat C. - contrôle asthme") lists other patients, an agenda or a call list (menus.ts).
   */
  honorifics: PerLang(z.array(z.string())),
  /**
   * Status words of a problem-list row, in a cell of their own ("Resolved", "uitgesloten - wittejassen...").
   * `active` words in a heading also keep it from making a whole list historical ("Active and past problems").
   */
  rowStatus: PerLang(
    z.object({
      historical: z.array(z.string()),
      negated: z.array(z.string()).default([]),
      /**
       * The plain "no" of a yes/no cell ("Nee"), also in `negated`: after a date in its row it is a flag column's
       * ("Attentie", "Chronic"), not the problem's status, since a problem with a begin date was there.
       */
      answerNo: z.array(z.string()).default([]),
      /** A problem not yet confirmed ("Probable", "Werkhypothese", "À confirmer"): its row's mentions are possible at most. */
      uncertain: z.array(z.string()).default([]),
      active: z.array(z.string()),
      /** Column headings of an end date ("Einddatum", "End date", "Date de fin"): a row with one filled in has ended. */
      endColumn: z.array(z.string()).default([]),
      /** Column headings of a status ("Statut") in a plain-text table: the row's cell there is read as a status cell. */
      statusColumn: z.array(z.string()).default([]),
    }),
  ),
  /** Frequent function words, used only to guess the language of unlabelled pages (ICPC-2 vs ICD-10 reading of bare codes). */
  languageHints: PerLang(z.array(z.string())),
});
export type ContextRules = z.infer<typeof ContextRulesSchema>;

const SelectorSchema = z.string().min(1).max(500);

export const AdapterSchema = z.object({
  name: z.string().min(1).max(80),
  /** URL globs: '*' matches any run of characters. Matched against the full URL (hash included). */
  urlPatterns: z.array(z.string().min(1)).min(1),
  language: LanguageSchema.optional(),
  patientId: z
    .object({
      selector: SelectorSchema,
      attribute: z.string().min(1).optional(),
      /** Regular expression applied to the text/attribute; its first group (or whole match) is the reference. */
      pattern: z.string().min(1).max(200).optional(),
    })
    .optional(),
  problemList: SelectorSchema.optional(),
  medicationList: SelectorSchema.optional(),
  /** Sections whose content is about relatives / resolved problems. */
  familyHistory: SelectorSchema.optional(),
  historicalList: SelectorSchema.optional(),
  noteField: SelectorSchema.optional(),
  /** Parts of the page never read (banners with free text, ads...). */
  ignore: z.array(SelectorSchema).optional(),
});
export type Adapter = z.infer<typeof AdapterSchema>;
