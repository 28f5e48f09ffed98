// How a question and its answer read in the jury's test record: the start of the instruction as plain
// text (the record is read, not sat: no Markdown rendered, no image fetched), and the answer as the
// candidate gave it, each choice with its text and each field with its label. The screens show both as
// text only (React escapes them): what a candidate typed is never markup.
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { PackagedChallenge } from '../../core/challenge/challenge.ts';
import { INSTRUCTION_EXCERPT_MAX, type RecordedAnswer } from '../../core/contracts/candidate-record.ts';

/** Markdown's marks left out, links and images by their words, spaces collapsed, cut on a word. */
export function instructionExcerpt(markdown: string, max = INSTRUCTION_EXCERPT_MAX): string {
  const text = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The answer with the challenge's words beside it; a choice or field unknown to it keeps its id. */
export function recordedAnswer(
  challenge: Pick<PackagedChallenge, 'choices' | 'fields'>,
  value: AnswerValue,
): RecordedAnswer {
  if (value.type === 'fields') {
    const labels = new Map((challenge.fields ?? []).map((f) => [f.name, f.label ?? null]));
    // In the challenge's order of fields, then any other the station sent.
    const order = [...labels.keys()].filter((name) => name in value.fields);
    const others = Object.keys(value.fields).filter((name) => !labels.has(name));
    return {
      type: 'fields',
      fields: [...order, ...others].map((name) => ({
        name,
        label: labels.get(name) ?? null,
        value: value.fields[name] ?? '',
      })),
    };
  }
  const texts = new Map((challenge.choices ?? []).map((c) => [c.id, c.text]));
  const ids = value.type === 'choice' ? [value.choice] : value.choices;
  return { type: 'choices', choices: ids.map((id) => ({ id, text: texts.get(id) ?? null })) };
}
