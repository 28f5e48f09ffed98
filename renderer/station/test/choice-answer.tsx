// QCU (radio buttons) and QCM (checkboxes), in the order the station gives (shuffled per candidate
// when the challenge says so). Native inputs: arrow keys, Space and screen readers work as expected.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentChallenge } from '../../../core/contracts/station-api.ts';
import type { AnswerDraft } from './answer-state.ts';

export function ChoiceAnswer(props: {
  current: CurrentChallenge;
  draft: Extract<AnswerDraft, { type: 'choice' | 'choices' }>;
  onChange: (draft: AnswerDraft) => void;
  disabled: boolean;
  errorId: string | null;
}) {
  const { t } = useTranslation();
  const name = useId();
  const hintId = useId();
  const { challenge, choiceOrder } = props.current;
  const byId = new Map((challenge.choices ?? []).map((c) => [c.id, c]));
  const ordered = choiceOrder.map((id) => byId.get(id)).filter((c) => c !== undefined);
  // Every choice is shown even if the station's order missed one.
  for (const choice of challenge.choices ?? []) if (!choiceOrder.includes(choice.id)) ordered.push(choice);
  const single = props.draft.type === 'choice';
  const describedBy = [hintId, props.errorId].filter(Boolean).join(' ');

  return (
    <fieldset className="answer choices" disabled={props.disabled} aria-describedby={describedBy}>
      <legend>{t('test.answerLegend')}</legend>
      <p id={hintId} className="hint">
        {single ? t('test.chooseOne') : t('test.chooseSeveral')}
      </p>
      <ul className="choice-list">
        {ordered.map((choice) => {
          const checked =
            props.draft.type === 'choice'
              ? props.draft.choice === choice.id
              : props.draft.choices.includes(choice.id);
          const toggle = () => {
            if (props.draft.type === 'choice') props.onChange({ type: 'choice', choice: choice.id });
            else {
              const choices = checked
                ? props.draft.choices.filter((c) => c !== choice.id)
                : [...props.draft.choices, choice.id];
              props.onChange({ type: 'choices', choices });
            }
          };
          return (
            <li key={choice.id}>
              <label className={`choice ${checked ? 'choice-checked' : ''}`}>
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={name}
                  value={choice.id}
                  checked={checked}
                  onChange={toggle}
                  data-choice-id={choice.id}
                />
                <span className="choice-text">{choice.text}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
