// Feeds the OS facts the app can only detect into the lockdown watch (main/station/lockdown): focus
// loss, lock screen, sleep and wake, the candidate screen's or the GPU's crash. The watch turns them
// into journal records the invigilator sees; this file only listens.
import { app, powerMonitor, type BrowserWindow } from 'electron';
import type { LockdownWatch } from '../station/lockdown/lockdown-watch.ts';

export interface LockdownMonitorOptions {
  watch: LockdownWatch;
  window: BrowserWindow;
  /** Reload the candidate screen after its crash (the runtime resumes the test where it was). */
  reloadScreen(): void;
  log(message: string): void;
}

export function monitorLockdown(options: LockdownMonitorOptions): void {
  const { watch, window } = options;
  window.on('blur', () => void watch.focusLost());
  window.on('focus', () => void watch.focusRegained());
  powerMonitor.on('lock-screen', () => void watch.screenLocked());
  powerMonitor.on('suspend', () => void watch.suspended());
  powerMonitor.on('resume', () => void watch.resumed());
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    void watch.rendererGone('renderer', details.reason, details.exitCode).then(({ reload }) => {
      if (reload) options.reloadScreen();
      else options.log('candidate screen keeps crashing: not reloaded again');
    });
  });
  // The screen hangs (not dead): Chromium's own reload is the only way back.
  window.on('unresponsive', () => options.log('candidate screen unresponsive'));
  app.on('child-process-gone', (_event, details) => {
    if (details.type !== 'GPU' || details.reason === 'clean-exit') return;
    void watch.rendererGone('gpu', details.reason, details.exitCode);
  });
}
