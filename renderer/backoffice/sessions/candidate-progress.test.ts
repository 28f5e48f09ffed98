import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { progressWord } from './candidate-progress.ts';

const fr = translator(addBackOfficeMessages(createI18n('fr')));

describe('a candidate’s progress in the back office', () => {
  it('is "not connected yet" while the session is open, "absent" once it is finalized or processed', () => {
    expect(progressWord({ progress: 'notJoined' }, { state: 'created' })).toBe('notJoined');
    expect(progressWord({ progress: 'notJoined' }, { state: 'finalized' })).toBe('absent');
    expect(progressWord({ progress: 'notJoined' }, { state: 'processed' })).toBe('absent');
    expect(
      fr(`session.candidates.progresses.${progressWord({ progress: 'notJoined' }, { state: 'processed' })}`),
    ).toBe('absent : n’est pas venu');
  });

  it('keeps what a candidate who came did, whatever the session’s state', () => {
    expect(progressWord({ progress: 'resultReceived' }, { state: 'processed' })).toBe('resultReceived');
    expect(progressWord({ progress: 'started' }, { state: 'finalized' })).toBe('started');
  });
});
