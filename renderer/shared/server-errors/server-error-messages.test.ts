import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import {
  addServerErrorMessages,
  serverErrorMessage,
  serverErrorsEn,
  serverErrorsFr,
} from './server-error-messages.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Every error code written in the server's source: ApiError and its helpers (conflict, forbidden…,
 * badRequest's second argument), errorBody, the intake's refusals and the framework errors' table.
 * Codes computed at run time (the bundle verifier's, passed through) are not seen: those only reach
 * stations.
 */
function serverCodes(): Map<string, string[]> {
  const patterns = [
    /(?:new ApiError\(\s*\d+,|\b(?:conflict|unprocessable|unauthorized|forbidden|errorBody|refused)\()\s*'([A-Z][A-Z0-9_]+)'/g,
    /\bbadRequest\((?:[^()]|\([^()]*\))*?,\s*'([A-Z][A-Z0-9_]+)'\s*\)/g,
  ];
  // The framework errors' table ({ status, code, message }); elsewhere `code:` also names the CSV
  // report's per-line codes, which the import screen explains itself.
  const frameworkTable = /\bcode: '([A-Z][A-Z0-9_]+)'/g;
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(ROOT, 'server'))) {
    const text = readFileSync(file, 'utf8');
    const filePatterns = file.endsWith(path.join('http', 'error-handler.ts'))
      ? [...patterns, frameworkTable]
      : patterns;
    for (const pattern of filePatterns) {
      for (const match of text.matchAll(pattern)) {
        const code = match[1] as string;
        found.set(code, [...(found.get(code) ?? []), path.relative(ROOT, file)]);
      }
    }
    // notFound() and badRequest() without a code.
    if (/\bnotFound\(/.test(text)) found.set('NOT_FOUND', [...(found.get('NOT_FOUND') ?? []), file]);
    if (/\bbadRequest\(/.test(text))
      found.set('INVALID_REQUEST', [...(found.get('INVALID_REQUEST') ?? []), file]);
  }
  return found;
}

describe('server error messages', () => {
  it('has a French and an English sentence for every code the server can answer', () => {
    const codes = serverCodes();
    // The scan itself works: it sees codes from services, helpers and the framework table.
    for (const known of [
      'SESSION_CLOSED',
      'ALERT_ALREADY_DECIDED',
      'PAYLOAD_TOO_LARGE',
      'TOO_MANY_ATTEMPTS',
    ]) {
      expect(codes.has(known), known).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(50);
    const missing = [...codes.keys()].filter((code) => !(code in serverErrorsFr.codes));
    expect(
      missing,
      `codes without a sentence (add them to server-error-messages.ts): ${missing.join(', ')}`,
    ).toEqual([]);
  });

  it('has the same codes in both languages, each a non-empty sentence, French not left in English', () => {
    expect(Object.keys(serverErrorsEn.codes).sort()).toEqual(Object.keys(serverErrorsFr.codes).sort());
    const fr: Record<string, string> = serverErrorsFr.codes;
    const en: Record<string, string> = serverErrorsEn.codes;
    for (const code of Object.keys(fr)) {
      expect(fr[code]?.length, code).toBeGreaterThan(10);
      expect(en[code]?.length, code).toBeGreaterThan(10);
      expect(fr[code], code).not.toBe(en[code]);
      expect(fr[code], code).not.toMatch(/\b(the|this|please|not found|try again)\b/i);
    }
  });

  it('says what to do in the chosen language, never the server’s English message', () => {
    const i18n = addServerErrorMessages(createI18n('fr'));
    expect(serverErrorMessage(i18n, { status: 409, code: 'SESSION_CLOSED' })).toBe(
      'La session est finalisée : elle ne peut plus être modifiée.',
    );
    expect(serverErrorMessage(i18n, { status: 0, code: 'NETWORK' })).toMatch(/ne répond pas/);
    expect(serverErrorMessage(i18n, { status: 0, code: 'WHATEVER' })).toMatch(/ne répond pas/);
    void i18n.changeLanguage('en');
    expect(serverErrorMessage(i18n, { status: 409, code: 'SESSION_CLOSED' })).toBe(
      'The session is finalized: it can no longer be changed.',
    );
  });

  it('falls back to a generic sentence with the code for a code it does not know', () => {
    const i18n = addServerErrorMessages(createI18n('fr'));
    expect(serverErrorMessage(i18n, { status: 409, code: 'SOMETHING_NEW' })).toBe(
      'L’opération n’a pas abouti (code SOMETHING_NEW). Réessayez ; si cela persiste, contactez le référent Pix ou le support informatique de l’établissement en indiquant ce code.',
    );
    // Not a code (a non-JSON answer's status text, or anything odd): the HTTP status instead.
    expect(serverErrorMessage(i18n, { status: 502, code: '<html>Bad gateway' })).toContain('(code HTTP_502)');
    void i18n.changeLanguage('en');
    expect(serverErrorMessage(i18n, { status: 409, code: 'SOMETHING_NEW' })).toMatch(
      /^The operation did not go through \(code SOMETHING_NEW\)/,
    );
  });
});
