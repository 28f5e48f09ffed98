// The challenge model (DOMAIN.md §4). Two views of one challenge:
// - `Challenge`: the bank's record, with its solution (server only);
// - `PackagedChallenge`: what a station receives in a test package, with no solution.
import { z } from 'zod';
import { CompetenceCodeSchema } from '../framework/crcn.ts';
import { SkillNameSchema } from '../framework/skill.ts';

export const CHALLENGE_TYPES = ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'] as const;
export const ChallengeTypeSchema = z.enum(CHALLENGE_TYPES);
export type ChallengeType = z.infer<typeof ChallengeTypeSchema>;

export const ChallengeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "_" or "-"');
export type ChallengeId = z.infer<typeof ChallengeIdSchema>;

/** Attachments and illustrations are stored by content: the id is the SHA-256 of the bytes, in hex. */
export const ContentHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex');

export const AttachmentSchema = z
  .object({
    hash: ContentHashSchema,
    fileName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\\0]+$/, 'must be a file name, without a folder')
      .refine((name) => name !== '.' && name !== '..', 'must be a file name, without a folder'),
    mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a media type such as application/pdf'),
    size: z.number().int().nonnegative(),
  })
  .strict();
export type Attachment = z.infer<typeof AttachmentSchema>;

export const IllustrationSchema = z
  .object({
    hash: ContentHashSchema,
    mediaType: z.string().regex(/^image\/[a-z0-9.+-]+$/, 'must be an image media type'),
    alt: z.string().min(1, 'an illustration needs an alternative text'),
  })
  .strict();
export type Illustration = z.infer<typeof IllustrationSchema>;

/** An embedded simulator: a web page shown in a sandboxed frame that may post the answer itself. */
export const EmbedSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(2000),
    title: z.string().min(1, 'an embedded simulator needs a title (read by screen readers)'),
    height: z.number().int().min(100).max(2000),
  })
  .strict();
export type Embed = z.infer<typeof EmbedSchema>;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
export const FieldNameSchema = z
  .string()
  .regex(FIELD_NAME, 'must be a field name (letters, digits, "_", "-")');

/** A free-text input, or a select (dropdown) whose options are fixed. */
export const FieldSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      name: FieldNameSchema,
      label: z.string().min(1).optional(),
      placeholder: z.string().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('select'),
      name: FieldNameSchema,
      label: z.string().min(1).optional(),
      options: z.array(z.string().min(1)).min(2, 'a select needs at least two options'),
    })
    .strict(),
]);
export type Field = z.infer<typeof FieldSchema>;

export const ChoiceSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'must be a short choice id such as 1 or 2'),
    text: z.string().min(1, 'a choice needs a text'),
  })
  .strict();
export type Choice = z.infer<typeof ChoiceSchema>;

/** The field names placed in proposals as `${name}`, spaces around the name allowed (`${ p1 }`). */
export const placeholderNames = (markdown: string): string[] =>
  [...markdown.matchAll(/\$\{([^}]*)\}/g)].map((m) => (m[1] ?? '').trim());

/** What every challenge shows, with or without its solution. */
const presentation = {
  id: ChallengeIdSchema,
  competence: CompetenceCodeSchema,
  skill: SkillNameSchema,
  type: ChallengeTypeSchema,
  /** Markdown. */
  instruction: z.string().min(1, 'a challenge needs an instruction'),
  /** QCU/QCM: the choices. */
  choices: z.array(ChoiceSchema).optional(),
  /** QROC family: Markdown with `${name}` placeholders, one per field. */
  proposals: z.string().optional(),
  fields: z.array(FieldSchema).optional(),
  illustration: IllustrationSchema.optional(),
  attachments: z.array(AttachmentSchema).max(10).default([]),
  embed: EmbedSchema.optional(),
  /** Timed challenge: seconds allowed. */
  timer: z.number().int().positive().max(3600).optional(),
  /** The candidate must not leave the question. */
  focused: z.boolean().default(false),
  /** `nombre`: answers are compared as numbers when they parse as numbers. */
  format: z.enum(['texte', 'nombre']).default('texte'),
  /** Shuffle the choices' display order (seeded per candidate). */
  shuffled: z.boolean().default(false),
  locale: z.string().default('fr-fr'),
};

type Presentation = {
  type: ChallengeType;
  choices?: Choice[] | undefined;
  proposals?: string | undefined;
  fields?: Field[] | undefined;
};

/** Cross-field rules shared by both views: a format's required parts are present and consistent. */
function checkPresentation(c: Presentation, ctx: z.RefinementCtx): void {
  if (c.type === 'QCU' || c.type === 'QCM') {
    if (!c.choices || c.choices.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${c.type} needs at least two choices` });
      return;
    }
    const ids = c.choices.map((ch) => ch.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must be distinct' });
    }
    if (c.fields?.length || c.proposals) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: `a ${c.type} has choices, not fields` });
    }
    return;
  }
  if (!c.fields || c.fields.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['fields'], message: `a ${c.type} needs at least one field` });
    return;
  }
  if (c.type === 'QROC' && c.fields.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['fields'], message: 'a QROC has exactly one field' });
  }
  if (c.type !== 'QROC' && c.fields.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['fields'], message: `a ${c.type} needs at least two fields` });
  }
  const names = c.fields.map((f) => f.name);
  if (new Set(names).size !== names.length) {
    ctx.addIssue({ code: 'custom', path: ['fields'], message: 'field names must be distinct' });
  }
  if (c.choices?.length) {
    ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${c.type} has fields, not choices` });
  }
  if (!c.proposals) {
    ctx.addIssue({
      code: 'custom',
      path: ['proposals'],
      message: `a ${c.type} needs proposals with \${field} placeholders`,
    });
    return;
  }
  const placed = placeholderNames(c.proposals);
  for (const name of names) {
    if (placed.filter((p) => p === name).length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['proposals'],
        message: `the proposals must place the field "${name}" exactly once as \${${name}}`,
      });
    }
  }
  for (const name of placed) {
    if (!names.includes(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['proposals'],
        message: `the placeholder \${${name}} has no field`,
      });
    }
  }
}

/** The challenge as a station receives it: everything needed to show it, nothing to check it. */
export const PackagedChallengeSchema = z.object(presentation).strict().superRefine(checkPresentation);
export type PackagedChallenge = z.infer<typeof PackagedChallengeSchema>;

/** Which of the treatments T1, T2, T3 a challenge turns off (all on by default). */
export const DeactivationsSchema = z
  .object({ t1: z.boolean().default(false), t2: z.boolean().default(false), t3: z.boolean().default(false) })
  .strict()
  .default({ t1: false, t2: false, t3: false });
export type Deactivations = z.infer<typeof DeactivationsSchema>;

const variants = z.array(z.string()).min(1, 'needs at least one accepted answer');

export const SolutionSchema = z.discriminatedUnion('type', [
  /** The id of the right choice. */
  z.object({ type: z.literal('QCU'), value: z.string().min(1) }).strict(),
  /** The ids of the right choices, comma-separated as in the bank ("1,3"). */
  z.object({ type: z.literal('QCM'), value: z.string().min(1) }).strict(),
  z.object({ type: z.literal('QROC'), variants, deactivations: DeactivationsSchema }).strict(),
  /** Each field with its own accepted answers. */
  z
    .object({
      type: z.literal('QROCM-ind'),
      fields: z.record(FieldNameSchema, variants),
      deactivations: DeactivationsSchema,
    })
    .strict(),
  /** One shared set: each field must match a distinct accepted answer. */
  z.object({ type: z.literal('QROCM-dep'), variants, deactivations: DeactivationsSchema }).strict(),
]);
export type Solution = z.infer<typeof SolutionSchema>;

/** validated and archived challenges are operative (may be asked); the others are not. */
export const ChallengeStatusSchema = z.enum(['validated', 'archived', 'obsolete', 'draft']);
export type ChallengeStatus = z.infer<typeof ChallengeStatusSchema>;

/** A challenge as the bank holds it (server only). */
export const ChallengeSchema = z
  .object({ ...presentation, status: ChallengeStatusSchema.default('validated'), solution: SolutionSchema })
  .strict()
  .superRefine((c, ctx) => {
    checkPresentation(c, ctx);
    if (c.solution.type !== c.type) {
      ctx.addIssue({
        code: 'custom',
        path: ['solution', 'type'],
        message: `the solution is for a ${c.solution.type} but the challenge is a ${c.type}`,
      });
      return;
    }
    const choiceIds = new Set((c.choices ?? []).map((ch) => ch.id));
    const fieldNames = (c.fields ?? []).map((f) => f.name);
    const s = c.solution;
    if (s.type === 'QCU' && !choiceIds.has(s.value.trim())) {
      ctx.addIssue({
        code: 'custom',
        path: ['solution', 'value'],
        message: `"${s.value}" is not one of the choices`,
      });
    }
    if (s.type === 'QCM') {
      for (const id of s.value.split(',').map((v) => v.trim())) {
        if (!choiceIds.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['solution', 'value'],
            message: `"${id}" is not one of the choices`,
          });
        }
      }
    }
    if (s.type === 'QROCM-ind') {
      for (const name of fieldNames) {
        if (!(name in s.fields)) {
          ctx.addIssue({
            code: 'custom',
            path: ['solution', 'fields', name],
            message: `the field "${name}" has no accepted answers`,
          });
        }
      }
      for (const name of Object.keys(s.fields)) {
        if (!fieldNames.includes(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['solution', 'fields', name],
            message: `"${name}" is not a field of the challenge`,
          });
        }
      }
    }
    if (s.type === 'QROCM-dep' && s.variants.length < fieldNames.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['solution', 'variants'],
        message: 'a QROCM-dep needs at least as many accepted answers as fields',
      });
    }
  });
export type Challenge = z.infer<typeof ChallengeSchema>;

export function isOperative(challenge: Pick<Challenge, 'status'>): boolean {
  return challenge.status === 'validated' || challenge.status === 'archived';
}

/** Strips what a station must never see: the solution and the bank status. */
export function toPackagedChallenge(challenge: Challenge): PackagedChallenge {
  const { solution: _solution, status: _status, ...shown } = challenge;
  return shown;
}
