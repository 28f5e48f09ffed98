// Deny-by-default for every session (LOCKDOWN.md: Electron grants everything unless told otherwise):
// permission requests AND checks, devices (HID, serial, USB, Bluetooth), screen capture, spell-check
// downloads from Google. Applied to the app's session and to each candidate's browser session.
import type { Session } from 'electron';

export function hardenSession(ses: Session, log: (message: string) => void): void {
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    log(`permission refused: ${permission} (${safeOrigin(contents.getURL())})`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // An empty list would open every USB class to WebUSB: the protected ones stay protected.
  ses.setUSBProtectedClassesHandler((details) => details.protectedClasses);
  ses.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  // getDisplayMedia (screen sharing) must never be granted to a page.
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // The spell checker would download dictionaries from Google: off (and it only knows English well).
  ses.setSpellCheckerEnabled(false);
}

/**
 * Downloads refused, for the sessions that offer none (the app's and the invigilator's; the candidate's
 * browser has its own handler, which saves to the sandbox): nothing lands on the station's disk.
 */
export function refuseDownloads(ses: Session, log: (message: string) => void): void {
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    log(`download refused (${safeOrigin(item.getURL())})`);
  });
}

/** Only the origin goes to the logs: full URLs may carry what a candidate typed. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}
