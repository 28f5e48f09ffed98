// A simulated candidate for the demo: answers the way a student types (capitals, missing accents,
// stray spaces, the odd typo), but only with the slips the challenge's treatments forgive, so that a
// "right" answer is always accepted; a wrong answer is a plausible mistake, never accepted.
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { Challenge, Deactivations, Field } from '../../core/challenge/challenge.ts';
import type { SeededRandom } from '../../core/generation/seeded-random.ts';

const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

const ALL_ON: Deactivations = { t1: false, t2: false, t3: false };

/** How a student might type an accepted answer, within what T1–T3 forgive (none for numbers). */
function typedLike(variant: string, random: SeededRandom, off: Deactivations, numeric: boolean): string {
  if (numeric && /^[0-9 ,.]+$/.test(variant)) return random.int(0, 1) === 0 ? variant : ` ${variant} `;
  if (off.t1) return variant;
  switch (random.int(0, 3)) {
    case 0:
      return variant.toUpperCase();
    case 1:
      return `  ${stripAccents(variant)} `;
    case 2:
      // One slipped key on a long word stays within T3's 25 % tolerance (checked by the demo data test).
      return !off.t2 && !off.t3 && variant.length >= 8
        ? `${variant.slice(0, 2)}${variant.slice(3)}`
        : variant;
    default:
      return variant.charAt(0).toUpperCase() + variant.slice(1);
  }
}

/** A mistake: another option of a select, or a free-text answer a student gives when they do not know. */
function wrongFor(field: Field | undefined, accepted: readonly string[], random: SeededRandom): string {
  if (field?.kind === 'select') {
    const others = field.options.filter((option) => !accepted.includes(option));
    if (others.length > 0) return random.pick(others);
  }
  return random.pick(['je ne sais pas', '?', 'aucune idée']);
}

export function simulatedAnswer(challenge: Challenge, right: boolean, random: SeededRandom): AnswerValue {
  const s = challenge.solution;
  const fields = challenge.fields ?? [];
  const numeric = challenge.format === 'nombre';
  const off = 'deactivations' in s ? s.deactivations : ALL_ON;
  const typed = (field: Field | undefined, variant: string) =>
    field?.kind === 'select' ? variant : typedLike(variant, random, off, numeric);
  switch (s.type) {
    case 'QCU': {
      const others = (challenge.choices ?? []).filter((c) => c.id !== s.value.trim());
      return { type: 'choice', choice: right ? s.value.trim() : random.pick(others).id };
    }
    case 'QCM': {
      const ids = s.value.split(',').map((v) => v.trim());
      const all = (challenge.choices ?? []).map((c) => c.id);
      return {
        type: 'choices',
        choices: right ? random.shuffle(ids) : all.filter((id) => !ids.includes(id) || id === ids[0]),
      };
    }
    case 'QROC': {
      const field = fields[0];
      const text = right ? typed(field, random.pick(s.variants)) : wrongFor(field, s.variants, random);
      return { type: 'fields', fields: { [field?.name ?? 'reponse']: text } };
    }
    case 'QROCM-ind':
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f) => {
            const accepted = s.fields[f.name] ?? [];
            return [f.name, right ? typed(f, random.pick(accepted)) : wrongFor(f, accepted, random)];
          }),
        ),
      };
    case 'QROCM-dep': {
      const order = random.shuffle(s.variants).slice(0, fields.length);
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f, i) => [f.name, right ? typed(f, order[i] ?? '') : wrongFor(f, s.variants, random)]),
        ),
      };
    }
  }
}
