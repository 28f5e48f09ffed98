// The record's signature block: the invigilators' and the Pix referent's, each with blank lines for the
// name and the date and a box to sign in. Kept whole on one sheet when printed.
import { useT } from '../i18n/use-t.ts';
import type { MessageKey } from '../i18n/use-t.ts';

const SIGNERS: readonly { id: string; title: MessageKey }[] = [
  { id: 'pv-sign-invigilators', title: 'finalizationRecord.invigilatorSignature' },
  { id: 'pv-sign-referent', title: 'finalizationRecord.referentSignature' },
];

export function RecordSignatures() {
  const t = useT();
  return (
    <section className="pv-section pv-keep" aria-labelledby="pv-signatures" data-testid="pv-signatures">
      <h2 id="pv-signatures">{t('finalizationRecord.signaturesTitle')}</h2>
      <div className="pv-signers">
        {SIGNERS.map((signer) => (
          <div className="pv-signer" key={signer.id}>
            <h3 id={signer.id}>{t(signer.title)}</h3>
            <p className="pv-blank">
              {t('finalizationRecord.signatureName')} <span className="pv-line" aria-hidden="true" />
            </p>
            <p className="pv-blank">
              {t('finalizationRecord.signatureDate')} <span className="pv-line" aria-hidden="true" />
            </p>
            <div className="pv-sign-box" aria-hidden="true" />
          </div>
        ))}
      </div>
    </section>
  );
}
