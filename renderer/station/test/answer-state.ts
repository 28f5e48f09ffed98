// The answer being built on screen, from the saved draft to the value sent to the station, and the
// checks that tell the candidate what is missing before "Valider" (never whether it is right).
import type { AnswerValue } from '../../../core/challenge/answer.ts';
import type { PackagedChallenge } from '../../../core/challenge/challenge.ts';

export type AnswerDraft =
  | { type: 'choice'; choice: string | null }
  | { type: 'choices'; choices: string[] }
  | { type: 'fields'; fields: Record<string, string> };

export type MissingAnswer = 'chooseOne' | 'chooseSeveral' | 'fillOne' | 'fillAll';

type Shown = Pick<PackagedChallenge, 'type' | 'fields' | 'choices'>;

export function initialDraft(challenge: Shown, saved: AnswerValue | null): AnswerDraft {
  if (challenge.type === 'QCU') {
    const choice = saved?.type === 'choice' && knownChoice(challenge, saved.choice) ? saved.choice : null;
    return { type: 'choice', choice };
  }
  if (challenge.type === 'QCM') {
    const choices = saved?.type === 'choices' ? saved.choices.filter((c) => knownChoice(challenge, c)) : [];
    return { type: 'choices', choices };
  }
  const fields: Record<string, string> = {};
  for (const field of challenge.fields ?? []) {
    const value = saved?.type === 'fields' ? saved.fields[field.name] : undefined;
    fields[field.name] = typeof value === 'string' ? value : '';
  }
  return { type: 'fields', fields };
}

function knownChoice(challenge: Shown, id: string): boolean {
  return (challenge.choices ?? []).some((c) => c.id === id);
}

/** What is missing before the answer can be validated, or null when it is complete. */
export function missingAnswer(challenge: Shown, draft: AnswerDraft): MissingAnswer | null {
  switch (draft.type) {
    case 'choice':
      return draft.choice ? null : 'chooseOne';
    case 'choices':
      return draft.choices.length > 0 ? null : 'chooseSeveral';
    case 'fields': {
      const names = (challenge.fields ?? []).map((f) => f.name);
      const empty = names.some((name) => (draft.fields[name] ?? '').trim() === '');
      if (!empty) return null;
      return names.length > 1 ? 'fillAll' : 'fillOne';
    }
  }
}

/** The value the station stores. Draft and answer share one shape; only a missing QCU choice differs. */
export function toAnswerValue(draft: AnswerDraft): AnswerValue | null {
  switch (draft.type) {
    case 'choice':
      return draft.choice ? { type: 'choice', choice: draft.choice } : null;
    case 'choices':
      return { type: 'choices', choices: [...draft.choices] };
    case 'fields':
      return { type: 'fields', fields: { ...draft.fields } };
  }
}

/** Does the draft hold anything worth saving? */
export function hasContent(draft: AnswerDraft): boolean {
  switch (draft.type) {
    case 'choice':
      return draft.choice !== null;
    case 'choices':
      return draft.choices.length > 0;
    case 'fields':
      return Object.values(draft.fields).some((v) => v !== '');
  }
}
