import { describe, expect, it } from 'vitest';
import { instructionExcerpt, recordedAnswer } from './test-record-text.ts';

describe('the instruction as the record shows it', () => {
  it('keeps the words of Markdown, links and images, on one line', () => {
    expect(
      instructionExcerpt(
        '## Recherche\n\nOuvrez **le site** [du CDI](https://cdi.example/) et lisez ![le plan](plan.png) :\n- la *date*\n- `le lieu`',
      ),
    ).toBe('Recherche Ouvrez le site du CDI et lisez le plan : la date le lieu');
  });

  it('cuts a long instruction on a word, with an ellipsis', () => {
    const long = `${'Lisez attentivement le document joint. '.repeat(10)}Fin`;
    const excerpt = instructionExcerpt(long, 60);
    expect(excerpt.length).toBeLessThanOrEqual(61);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toBe('Lisez attentivement le document joint. Lisez attentivement…');
    expect(instructionExcerpt('Court.', 60)).toBe('Court.');
  });

  it('leaves markup as text: the screen escapes it', () => {
    expect(instructionExcerpt('Que fait <script>alert(1)</script> ?')).toBe('Que fait alert(1) ?');
  });
});

describe('the answer as the candidate gave it', () => {
  const qcm = {
    choices: [
      { id: '1', text: 'Un moteur de recherche' },
      { id: '2', text: 'Un tableur' },
    ],
  };

  it('names each choice picked with its text, and keeps an unknown one by its id', () => {
    expect(recordedAnswer(qcm, { type: 'choice', choice: '2' })).toEqual({
      type: 'choices',
      choices: [{ id: '2', text: 'Un tableur' }],
    });
    expect(recordedAnswer(qcm, { type: 'choices', choices: ['1', '9'] })).toEqual({
      type: 'choices',
      choices: [
        { id: '1', text: 'Un moteur de recherche' },
        { id: '9', text: null },
      ],
    });
  });

  it('gives each field in the challenge’s order with its label, then any other sent, as typed', () => {
    const challenge = {
      fields: [
        { kind: 'text' as const, name: 'ville', label: 'Ville' },
        { kind: 'select' as const, name: 'pays', options: ['France', 'Belgique'] },
      ],
    };
    expect(
      recordedAnswer(challenge, {
        type: 'fields',
        fields: { extra: 'x', pays: 'France', ville: ' <b>Lyon</b> ' },
      }),
    ).toEqual({
      type: 'fields',
      fields: [
        { name: 'ville', label: 'Ville', value: ' <b>Lyon</b> ' },
        { name: 'pays', label: null, value: 'France' },
        { name: 'extra', label: null, value: 'x' },
      ],
    });
  });
});
