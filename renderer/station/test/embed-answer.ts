// What a simulator's posted answer (embed-frame.tsx) fills in: the first field, when it can take the
// text. A select takes only one of its options: any other text would be a draft and an answer the
// station refuses (exam-runtime.ts, answerMisfit), so the field is left as the candidate set it.
import type { Field } from '../../../core/challenge/challenge.ts';

/** The field the posted `answer` fills and its value, or null when it fills none. */
export function embedFill(
  fields: readonly Field[] | undefined,
  answer: string,
): { name: string; value: string } | null {
  const first = fields?.[0];
  if (!first) return null;
  if (first.kind === 'select' && !first.options.includes(answer)) return null;
  return { name: first.name, value: answer };
}
