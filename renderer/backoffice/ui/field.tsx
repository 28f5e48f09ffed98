// A labelled form field: the label, a hint, the error next to it (tied to the control for screen
// readers, with aria-invalid), and the control itself, which gets the ids it needs from `children`.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export function FieldError({ id, text }: { id?: string; text: string }) {
  return (
    <p className="field-error" id={id}>
      <span className="field-error-icon" aria-hidden="true">
        !
      </span>
      {text}
    </p>
  );
}

export function Field({
  label,
  hint,
  error,
  optionalLabel,
  children,
  className,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  /** Shown after the label, e.g. "(facultatif)". */
  optionalLabel?: string;
  children: (control: ControlProps) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {optionalLabel && <span className="optional"> {optionalLabel}</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId} text={error} />}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/** A yes/no or one-of-several choice as radio buttons in a fieldset. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  error,
  hint,
}: {
  legend: string;
  name: string;
  value: V | null;
  options: readonly { value: V; label: string; hint?: string }[];
  onChange: (value: V) => void;
  error?: string | null;
  hint?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`field radio-group ${error ? 'has-error' : ''}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      data-field={name}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId} text={error} />}
      <div className="radio-options">
        {options.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name={`${id}-${name}`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>
              {option.label}
              {option.hint && <span className="radio-hint">{option.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Moves focus to the first control marked invalid, so keyboard users land on what to fix. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const target = form?.querySelector<HTMLElement>(
      '[aria-invalid="true"]:is(input, select, textarea), fieldset[aria-invalid="true"] input',
    );
    target?.focus();
  });
}
