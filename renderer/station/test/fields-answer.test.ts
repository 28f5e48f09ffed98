// A field placed in the proposals is drawn there only, however its placeholder is spaced.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../core/challenge/challenge.ts';
import { unplacedFields } from './fields-answer.tsx';

const fields: Field[] = [
  { kind: 'text', name: 'p1' },
  { kind: 'text', name: 'p2' },
];

describe('unplacedFields', () => {
  it('counts `${ p1 }` as placed, as the challenge schema and the Markdown rendering do', () => {
    expect(unplacedFields('Ville : ${ p1 }\n\nPays : ${p2}', fields)).toEqual([]);
  });

  it('still lists the fields the proposals do not place', () => {
    expect(unplacedFields('Ville : ${p1}', fields).map((f) => f.name)).toEqual(['p2']);
    expect(unplacedFields(undefined, fields).map((f) => f.name)).toEqual(['p1', 'p2']);
  });
});
