// A password typed by the person it belongs to (log in, change mine): hidden as it is typed, and
// `autoComplete` tells the password manager whether to fill the saved one or offer to save a new one.
// (A referent's first password, which the administrator reads out to them, is a plain text field.)
import { Field } from './field.tsx';

export function PasswordField({
  label,
  hint,
  error,
  name,
  autoComplete,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  error: string | null;
  name?: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="input"
          type="password"
          autoComplete={autoComplete}
          name={name}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
