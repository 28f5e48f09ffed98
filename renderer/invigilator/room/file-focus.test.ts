// A keyboard invigilator never lands on an action button right after an action in a candidate's file:
// one more Enter would undo it (« Retirer la confirmation ») or start a test (« Confirmer la présence »).
import { describe, expect, it } from 'vitest';
import { fileFocus } from './file-focus.ts';

describe('focus in a candidate’s file', () => {
  it('starts an alert from the dialog’s title, whether opened on it or from the file', () => {
    expect(fileFocus('alert', { opening: true, openedOn: 'alert', cancelledFrom: null })).toBe('title');
    expect(fileFocus('alert', { opening: false, openedOn: 'details', cancelledFrom: null })).toBe('title');
  });

  it('opens on the view’s first control, or on the station’s events from « Voir l’événement »', () => {
    expect(fileFocus('details', { opening: true, openedOn: 'details', cancelledFrom: null })).toBe(
      'autofocus',
    );
    expect(fileFocus('details', { opening: true, openedOn: 'lockdown', cancelledFrom: null })).toBe(
      'lockdownEvents',
    );
    expect(fileFocus('resume', { opening: true, openedOn: 'resume', cancelledFrom: null })).toBe('autofocus');
    expect(fileFocus('endTest', { opening: false, openedOn: 'details', cancelledFrom: null })).toBe(
      'autofocus',
    );
  });

  it('comes back to the file after an action on its state line, never on an action', () => {
    expect(fileFocus('details', { opening: false, openedOn: 'details', cancelledFrom: null })).toBe(
      'stateLine',
    );
  });

  it('comes back after a cancel on the button that opened the view', () => {
    expect(fileFocus('details', { opening: false, openedOn: 'details', cancelledFrom: 'pause' })).toEqual({
      action: 'pause',
    });
  });
});
