import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PasswordField } from './password-field.tsx';

const noop = () => undefined;

describe('PasswordField', () => {
  it('is a hidden, labelled input that says which password the manager should fill', () => {
    const html = renderToStaticMarkup(
      <PasswordField
        label="Mot de passe"
        error={null}
        name="password"
        autoComplete="current-password"
        value="secret"
        onChange={noop}
      />,
    );
    const id = /<label for="([^"]+)">Mot de passe<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(
      /<input[^>]* type="password"[^>]* autoComplete="current-password"[^>]* name="password"/i,
    );
    expect(html).not.toContain('aria-invalid');
  });

  it('ties the hint and the error to the input, error first, and marks it invalid', () => {
    const html = renderToStaticMarkup(
      <PasswordField
        label="Nouveau mot de passe"
        hint="12 caractères au moins."
        error="Trop court."
        autoComplete="new-password"
        value=""
        onChange={noop}
      />,
    );
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(describedBy).toHaveLength(2);
    expect(html).toContain(`<p class="field-error" id="${describedBy[0]}">`);
    expect(html).toContain(`<p class="hint" id="${describedBy[1]}">12 caractères au moins.</p>`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('autoComplete="new-password"');
  });
});
