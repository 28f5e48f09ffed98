// A file's badge shows its extension; one without an extension gets a word of the screen's language.
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../core/challenge/challenge.ts';
import { renderScreen } from '../testing/render-screen.tsx';
import { Attachments, fileBadge } from './attachments.tsx';

const file = (fileName: string): Attachment => ({
  hash: 'a'.repeat(64),
  fileName,
  mediaType: 'text/plain',
  size: 2048,
});

describe('Attachments', () => {
  it('badges a file with its extension', () => {
    expect(fileBadge(file('releve-notes.csv'))).toBe('CSV');
    expect(fileBadge(file('plan.jpeg'))).toBe('JPEG');
    expect(fileBadge(file('LISEZMOI'))).toBe('');
  });

  it('says “FILE” in English and “FICHIER” in French for a file without an extension', () => {
    const list = <Attachments challengeId="c1" attachments={[file('LISEZMOI')]} />;
    expect(renderScreen(list, 'en')).toContain('FILE Open LISEZMOI');
    expect(renderScreen(list, 'en')).not.toContain('FICHIER');
    expect(renderScreen(list, 'fr')).toContain('FICHIER Ouvrir LISEZMOI');
  });
});
