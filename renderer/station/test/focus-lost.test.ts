// A focused question says « Vous avez quitté la question » as soon as either this page or the station
// (which sees focus leave from inside a frame) recorded it, for the question shown only.
import { describe, expect, it } from 'vitest';
import { stationStatus } from '../testing/render-screen.tsx';
import { focusLostShown } from './focus-lost.ts';

const exam = (currentFocusLost: boolean, current = 4) =>
  stationStatus({ currentFocusLost, progress: { current, answered: current, total: 32 } }).exam;

describe('the focus notice', () => {
  it('shows the loss the station recorded even when the page did not see it', () => {
    expect(focusLostShown(false, exam(true), 4)).toBe(true);
    expect(focusLostShown(true, exam(false), 4)).toBe(true);
    expect(focusLostShown(false, exam(false), 4)).toBe(false);
  });

  it('does not take the loss recorded on another question for the one shown', () => {
    expect(focusLostShown(false, exam(true, 5), 4)).toBe(false);
    expect(focusLostShown(false, null, 4)).toBe(false);
  });
});
