// The Electron station through Playwright's `_electron` (ELECTRON_PATH): it starts, enrolls with the
// test server and shows its home screen ready. Skipped where no Electron binary exists (development
// and CI machines here, ENVIRONMENT.md); set ELECTRON_PATH to run this and every other scenario
// against the app instead of the Chromium harness.
import { afterAll, describe, expect, it } from 'vitest';
import { CertificationDay } from './harness/certification-day.ts';
import { ELECTRON_PATH } from './harness/electron-station.ts';
import { waitForHomeReady } from './harness/scenario-steps.ts';

let day: CertificationDay | null = null;

afterAll(async () => {
  await day?.close();
});

describe.skipIf(!ELECTRON_PATH)('the Electron station (ELECTRON_PATH)', () => {
  it('launches, enrolls and shows its home screen ready for a candidate', async () => {
    day = await CertificationDay.open({ scenario: 'electron-launch' });
    expect(day.mode).toBe('electron');
    await waitForHomeReady(day);
    const status = await day.status();
    expect(status.station.enrolled).toBe(true);
    await day.capture('electron-home');
  });
});
