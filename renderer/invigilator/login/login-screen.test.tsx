// The login page after a login that ended mid-session, rendered to HTML: why it ended, and what
// logging in again brings back (state/ended-login.ts chooses the words).
import { describe, expect, it } from 'vitest';
import { emptyDraft, writeDraft } from '../finalization/finalization-draft.ts';
import { rememberReturn } from '../state/ended-login.ts';
import { FakeStorage } from '../testing/fake-storage.ts';
import { renderRoom } from '../testing/render-room.tsx';
import { LoginScreen } from './login-screen.tsx';

const ended = (html: string) =>
  (/<p[^>]*data-testid="login-ended"[^>]*>(.*?)<\/p>/s.exec(html)?.[1] ?? '').replace(/\s+/g, ' ').trim();

describe('the login page after an ended login', () => {
  it('says why, and that the finalization being typed is kept', () => {
    const storage = new FakeStorage();
    rememberReturn(storage, { sessionId: 'ses-1', page: 'finalization' });
    writeDraft(storage, 'ses-1', { ...emptyDraft(), globalComment: 'Alarme incendie.' });
    const html = renderRoom(<LoginScreen ended="passwordChanged" sessionNumber="12345" storage={storage} />);
    expect(ended(html)).toMatch(/^Votre connexion a pris fin : le référent Pix du centre a changé/);
    expect(ended(html)).toMatch(/Reconnectez-vous : votre saisie est conservée\.$/);
    expect(html).toMatch(/role="status" data-testid="login-ended"/);
    expect(html).toContain('value="12345"');
  });

  it('promises only the page when nothing was typed, and says nothing after a plain logout', () => {
    const storage = new FakeStorage();
    rememberReturn(storage, { sessionId: 'ses-1', page: 'results' });
    const expired = renderRoom(<LoginScreen ended="expired" sessionNumber="12345" storage={storage} />, {
      language: 'en',
    });
    expect(ended(expired)).toMatch(/^Your login has ended: more than 30 minutes without contact/);
    expect(ended(expired)).toMatch(/you will be back on the page you were on\.$/);
    const plain = renderRoom(<LoginScreen ended={null} sessionNumber="12345" storage={storage} />);
    expect(plain).not.toContain('data-testid="login-ended"');
  });
});
