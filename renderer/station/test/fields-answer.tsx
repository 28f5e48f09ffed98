// QROC and QROCM: text fields and selects placed inside the Markdown proposals at their `${name}`
// placeholders. Each field has a label (the author's, or "Réponse n") read by screen readers.
import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { placeholderNames, type Field } from '../../../core/challenge/challenge.ts';
import type { CurrentChallenge } from '../../../core/contracts/station-api.ts';
import { useMissingImageWords } from './missing-image.ts';
import { MarkdownView } from '../../shared/markdown/markdown-view.tsx';
import type { AnswerDraft } from './answer-state.ts';

export function FieldsAnswer(props: {
  current: CurrentChallenge;
  draft: Extract<AnswerDraft, { type: 'fields' }>;
  onChange: (draft: AnswerDraft) => void;
  disabled: boolean;
  errorId: string | null;
  onLink: (url: string) => void;
  linkHint: string;
  resolveImage: (src: string) => string | null;
}) {
  const { t } = useTranslation();
  const missingImage = useMissingImageWords();
  const numberHintId = useId();
  const { challenge } = props.current;
  const fields = useMemo(() => challenge.fields ?? [], [challenge.fields]);
  const names = useMemo(() => fields.map((f) => f.name), [fields]);
  const numeric = challenge.format === 'nombre';
  const { draft, onChange, disabled, errorId } = props;

  const renderField = useCallback(
    (name: string) => {
      const index = fields.findIndex((f) => f.name === name);
      const field = fields[index];
      if (!field) return null;
      const label = field.label ?? t('test.fieldDefault', { n: index + 1 });
      const describedBy = [numeric ? numberHintId : null, errorId].filter(Boolean).join(' ') || undefined;
      const value = draft.fields[name] ?? '';
      const set = (text: string) => onChange({ type: 'fields', fields: { ...draft.fields, [name]: text } });
      return (
        <AnswerField
          field={field}
          label={label}
          value={value}
          onChange={set}
          describedBy={describedBy}
          numeric={numeric}
          invalid={errorId !== null && value.trim() === ''}
          placeholder={t('test.selectPlaceholder')}
        />
      );
    },
    [fields, numeric, numberHintId, errorId, draft, onChange, t],
  );

  const unplaced = unplacedFields(challenge.proposals, fields);

  return (
    <fieldset className="answer fields" disabled={disabled}>
      <legend>{t('test.answerLegend')}</legend>
      {numeric && (
        <p id={numberHintId} className="hint">
          {t('test.numberHint')}
        </p>
      )}
      {challenge.proposals && (
        <MarkdownView
          className="proposals markdown"
          markdown={challenge.proposals}
          fields={names}
          renderField={renderField}
          onLink={props.onLink}
          linkHint={props.linkHint}
          resolveImage={props.resolveImage}
          missingImage={missingImage}
          headingOffset={2}
        />
      )}
      {unplaced.map((f) => (
        <p key={f.name}>{renderField(f.name)}</p>
      ))}
    </fieldset>
  );
}

/**
 * Fields the proposals forgot to place: they still appear, after the text. Read with core's placeholder
 * rule (which the Markdown rendering follows too), so `${ p1 }` counts as placed and is not drawn twice.
 */
export function unplacedFields(proposals: string | undefined, fields: readonly Field[]): Field[] {
  const placed = new Set(placeholderNames(proposals ?? ''));
  return fields.filter((f) => !placed.has(f.name));
}

function AnswerField(props: {
  field: Field;
  label: string;
  value: string;
  onChange: (value: string) => void;
  describedBy: string | undefined;
  numeric: boolean;
  invalid: boolean;
  placeholder: string;
}) {
  const { field } = props;
  if (field.kind === 'select') {
    return (
      <select
        className="input input-inline"
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        data-field={field.name}
      >
        <option value="">{props.placeholder}</option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      type="text"
      className={`input input-inline ${props.numeric ? 'input-number' : ''}`}
      aria-label={props.label}
      value={props.value}
      placeholder={field.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
      inputMode={props.numeric ? 'decimal' : 'text'}
      autoComplete="off"
      spellCheck={false}
      maxLength={2000}
      data-field={field.name}
    />
  );
}
