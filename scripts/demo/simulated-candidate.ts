// A simulated candidate for the demo: answers the way a student types (capitals, missing accents,
// stray spaces, the odd typo), right more often on skills at or below their level.
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { SeededRandom } from '../../core/generation/seeded-random.ts';

const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** How a student might type an accepted answer: still accepted by T1–T3 when they are on. */
function typedLike(variant: string, random: SeededRandom, tolerant: boolean): string {
  if (!tolerant) return variant;
  switch (random.int(0, 3)) {
    case 0:
      return variant.toUpperCase();
    case 1:
      return `  ${stripAccents(variant)} `;
    case 2:
      // One slipped key on a long enough word stays within T3's 25 % tolerance.
      return variant.length >= 6 ? `${variant.slice(0, 2)}${variant.slice(3)}` : variant;
    default:
      return variant.charAt(0).toUpperCase() + variant.slice(1);
  }
}

export function simulatedAnswer(challenge: Challenge, right: boolean, random: SeededRandom): AnswerValue {
  const s = challenge.solution;
  const fields = challenge.fields ?? [];
  const tolerant = 'deactivations' in s && !s.deactivations.t1 && !s.deactivations.t2 && !s.deactivations.t3;
  const wrongText = (field: string) => (random.int(0, 1) === 0 ? 'je ne sais pas' : `${field}?`);
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
      const variant = random.pick(s.variants);
      const text = right
        ? field?.kind === 'select'
          ? variant
          : typedLike(variant, random, tolerant)
        : wrongText('x');
      return { type: 'fields', fields: { [field?.name ?? 'reponse']: text } };
    }
    case 'QROCM-ind':
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f) => {
            const variant = s.fields[f.name]?.[0] ?? '';
            return [
              f.name,
              right
                ? f.kind === 'select'
                  ? variant
                  : typedLike(variant, random, tolerant)
                : wrongText(f.name),
            ];
          }),
        ),
      };
    case 'QROCM-dep': {
      const order = random.shuffle(s.variants).slice(0, fields.length);
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f, i) => [
            f.name,
            right ? typedLike(order[i] ?? '', random, tolerant) : wrongText(f.name),
          ]),
        ),
      };
    }
  }
}
