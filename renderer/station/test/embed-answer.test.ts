import { describe, expect, it } from 'vitest';
import type { Field } from '../../../core/challenge/challenge.ts';
import { embedFill } from './embed-answer.ts';

const text: Field = { kind: 'text', name: 'reponse' };
const select: Field = { kind: 'select', name: 'ville', options: ['Lyon', 'Paris'] };

describe('the field a simulator’s posted answer fills', () => {
  it('fills a first text field with any text', () => {
    expect(embedFill([text, select], 'n’importe quoi')).toEqual({ name: 'reponse', value: 'n’importe quoi' });
  });

  it('fills a first select only with one of its options, exactly', () => {
    expect(embedFill([select, text], 'Paris')).toEqual({ name: 'ville', value: 'Paris' });
    expect(embedFill([select, text], 'Marseille')).toBeNull();
    expect(embedFill([select], 'paris')).toBeNull();
    expect(embedFill([select], ' Paris')).toBeNull();
    expect(embedFill([select], '')).toBeNull();
  });

  it('fills nothing without fields', () => {
    expect(embedFill(undefined, 'Paris')).toBeNull();
    expect(embedFill([], 'Paris')).toBeNull();
  });
});
