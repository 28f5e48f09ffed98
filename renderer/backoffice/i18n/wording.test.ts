// Words that must not mean two things: the candidate's « Signaler un problème » is an alert on the
// invigilator screen; « signalements » are the C/E incident reports.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { en as invigilatorEn } from '../../invigilator/i18n/en.ts';
import { fr as invigilatorFr } from '../../invigilator/i18n/fr.ts';
import { addBackOfficeMessages, translator } from './use-t.ts';

const fr = translator(addBackOfficeMessages(createI18n('fr')));
const en = translator(addBackOfficeMessages(createI18n('en')));

describe('the session kit’s steps', () => {
  it('call the candidate’s « Signaler un problème » an alert, as the invigilator screen does', () => {
    expect(fr('kit.steps.alerts')).toContain('traitez aussitôt les alertes (« Signaler un problème »)');
    expect(fr('kit.steps.alerts')).not.toContain('signalements');
    expect(en('kit.steps.alerts')).toContain('handle the alerts ("Report a problem")');
    expect(en('kit.steps.alerts')).not.toContain('reports');
  });
});

describe('a test that may still run offline, at finalization', () => {
  it('is explained to the referent in the invigilator’s words, with their confirmation', () => {
    expect(fr('finalization.maybeRunningHint')).toContain(invigilatorFr.finalization.maybeOfflineHint);
    expect(en('finalization.maybeRunningHint')).toContain(invigilatorEn.finalization.maybeOfflineHint);
    expect(fr('finalization.confirmOver', { name: 'Léa MARTIN' })).toBe(
      invigilatorFr.finalization.confirmOver.replace('{{name}}', 'Léa MARTIN'),
    );
    expect(fr('finalization.silentSince', { time: '09:41' })).toMatch(/^Poste muet depuis /);
  });
});
