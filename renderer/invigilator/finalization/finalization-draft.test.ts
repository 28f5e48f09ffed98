// The finalization being typed, kept in this tab while typing so that a login ending meanwhile loses
// nothing: read back only when it is a draft of that session.
import { describe, expect, it } from 'vitest';
import { FakeStorage, refusingStorage } from '../testing/fake-storage.ts';
import {
  clearDraft,
  draftKey,
  emptyDraft,
  isEmptyDraft,
  readDraft,
  writeDraft,
} from './finalization-draft.ts';
import type { FinalizationDraft } from './finalization-rules.ts';

const typed: FinalizationDraft = {
  abortReasons: { lea: 'technical', tom: '' },
  confirmedOver: { lea: true, tom: false },
  globalComment: 'Alarme incendie à 10 h 12 : évacuation de 8 minutes.',
  hadIncident: true,
  candidateCouldNotJoin: null,
};

describe('the finalization draft', () => {
  it('is found again as typed, for its own session only', () => {
    const storage = new FakeStorage();
    writeDraft(storage, 'ses-1', typed);
    expect(readDraft(storage, 'ses-1')).toEqual({
      ...typed,
      // What was not chosen is not kept, nor the confirmation that a test is over.
      abortReasons: { lea: 'technical' },
      confirmedOver: {},
    });
    expect(readDraft(storage, 'ses-2')).toBeNull();
    expect([...storage.items.keys()]).toEqual([draftKey('ses-1')]);
  });

  it('never restores « Je confirme que le test … est terminé » ticked: it is to be checked again', () => {
    const storage = new FakeStorage();
    writeDraft(storage, 'ses-1', { ...emptyDraft(), confirmedOver: { lea: true } });
    // A tick alone is nothing to keep.
    expect(isEmptyDraft({ ...emptyDraft(), confirmedOver: { lea: true } })).toBe(true);
    expect(storage.items.size).toBe(0);
    writeDraft(storage, 'ses-1', typed);
    expect(storage.getItem(draftKey('ses-1'))).not.toContain('"lea":true');
    expect(readDraft(storage, 'ses-1')?.confirmedOver).toEqual({});
    // Nor a tick an earlier version of the screen kept.
    storage.setItem(
      draftKey('ses-1'),
      JSON.stringify({
        version: 1,
        sessionId: 'ses-1',
        draft: { ...typed, abortReasons: { lea: 'technical' }, confirmedOver: { lea: true } },
      }),
    );
    expect(readDraft(storage, 'ses-1')).toMatchObject({
      abortReasons: { lea: 'technical' },
      confirmedOver: {},
    });
  });

  it('keeps a comment over 500 characters as typed (the page says it is too long)', () => {
    const storage = new FakeStorage();
    const long = { ...emptyDraft(), globalComment: 'é'.repeat(612) };
    writeDraft(storage, 'ses-1', long);
    expect(readDraft(storage, 'ses-1')?.globalComment).toHaveLength(612);
  });

  it('keeps nothing while nothing is chosen, and goes when emptied or cleared', () => {
    const storage = new FakeStorage();
    expect(isEmptyDraft(emptyDraft())).toBe(true);
    expect(isEmptyDraft({ ...emptyDraft(), globalComment: '   ', abortReasons: { lea: '' } })).toBe(true);
    expect(isEmptyDraft({ ...emptyDraft(), candidateCouldNotJoin: false })).toBe(false);
    writeDraft(storage, 'ses-1', emptyDraft());
    expect(storage.items.size).toBe(0);
    writeDraft(storage, 'ses-1', typed);
    writeDraft(storage, 'ses-1', emptyDraft());
    expect(storage.items.size).toBe(0);
    writeDraft(storage, 'ses-1', typed);
    writeDraft(storage, 'ses-2', typed);
    clearDraft(storage, 'ses-1');
    expect(readDraft(storage, 'ses-1')).toBeNull();
    expect(readDraft(storage, 'ses-2')).not.toBeNull();
  });

  it('drops what does not read as a draft of this session', () => {
    const storage = new FakeStorage();
    const stored = {
      version: 1,
      sessionId: 'ses-1',
      draft: { ...typed, abortReasons: { lea: 'technical' } },
    };
    const cases: [string, unknown][] = [
      ['another session’s, under this key', { ...stored, sessionId: 'ses-2' }],
      ['another version', { ...stored, version: 2 }],
      ['an unknown abort reason', { ...stored, draft: { ...stored.draft, abortReasons: { lea: 'bored' } } }],
      ['a field too many', { ...stored, draft: { ...stored.draft, extra: 1 } }],
      ['a field missing', { ...stored, draft: { ...stored.draft, hadIncident: undefined } }],
      ['a yes/no that is not one', { ...stored, draft: { ...stored.draft, hadIncident: 'yes' } }],
      ['an absurd comment', { ...stored, draft: { ...stored.draft, globalComment: 'x'.repeat(50_000) } }],
      ['not an object', 'Alarme incendie'],
    ];
    for (const [why, value] of cases) {
      storage.setItem(draftKey('ses-1'), JSON.stringify(value));
      expect(readDraft(storage, 'ses-1'), why).toBeNull();
      expect(storage.items.has(draftKey('ses-1')), why).toBe(false);
    }
    storage.setItem(draftKey('ses-1'), '{not json');
    expect(readDraft(storage, 'ses-1')).toBeNull();
    storage.setItem(draftKey('ses-1'), JSON.stringify(stored));
    expect(readDraft(storage, 'ses-1')).toEqual({ ...stored.draft, confirmedOver: {} });
  });

  it('never fails the page when the storage refuses (private mode, full) or is missing', () => {
    expect(() => writeDraft(refusingStorage, 'ses-1', typed)).not.toThrow();
    expect(readDraft(refusingStorage, 'ses-1')).toBeNull();
    expect(() => clearDraft(refusingStorage, 'ses-1')).not.toThrow();
    expect(readDraft(null, 'ses-1')).toBeNull();
  });
});
