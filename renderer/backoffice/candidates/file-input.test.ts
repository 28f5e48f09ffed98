import { describe, expect, it } from 'vitest';
import { readyForAnotherFile, takeChosenFile, type FileInputLike } from './file-input.ts';

function fakeInput(): FileInputLike & { focused: number } {
  return {
    value: 'C:\\fakepath\\profils.json',
    focused: 0,
    focus() {
      this.focused += 1;
    },
  };
}

describe('a file input ready for another file', () => {
  it('is emptied after a file was sent, so that the same file chosen again is read again', () => {
    const input = fakeInput();
    readyForAnotherFile(input, { focus: false });
    expect([input.value, input.focused]).toEqual(['', 0]);
  });

  it('gets the focus back when the section that had it is gone (Cancel, a failed confirmation)', () => {
    const input = fakeInput();
    readyForAnotherFile(input, { focus: true });
    expect([input.value, input.focused]).toEqual(['', 1]);
  });

  it('does nothing before the input is on the page', () => {
    expect(() => readyForAnotherFile(null, { focus: true })).not.toThrow();
  });
});

describe('a chosen file taken for a preview', () => {
  it('is read, then the input emptied, so that the corrected file chosen again is sent again', async () => {
    const input = fakeInput();
    const bytes = await takeChosenFile(new Blob(['Nom;Prénom\r\n'], { type: 'text/csv' }), input);
    expect([input.value, input.focused]).toEqual(['', 0]);
    expect(await bytes.text()).toBe('Nom;Prénom\r\n');
    expect(bytes.type).toBe('text/csv');
  });

  it('empties the input even when the file cannot be read', async () => {
    const input = fakeInput();
    const unreadable = { type: '', arrayBuffer: () => Promise.reject(new Error('NotFoundError')) } as Blob;
    await expect(takeChosenFile(unreadable, input)).rejects.toThrow('NotFoundError');
    expect(input.value).toBe('');
  });
});
