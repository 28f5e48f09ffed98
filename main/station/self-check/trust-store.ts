// The station's requests to its server go through Node's TLS, which trusts only the certificates it
// ships with; the NODE_OPTIONS fuse also turns off NODE_EXTRA_CA_CERTS and --use-system-ca. A centre
// whose server certificate comes from the establishment's own authority (installed by IT in the OS
// store, as browsers expect) would be refused. So the station adds the OS store to Node's defaults,
// where this Node can (tls.setDefaultCACertificates: Node 22.19 / 24.5 and later).
import tls from 'node:tls';

type TlsWithStores = typeof tls & {
  getCACertificates?: (store: 'default' | 'system' | 'bundled' | 'extra') => string[];
  setDefaultCACertificates?: (certificates: string[]) => void;
};

/** Node's shipped authorities plus the system's; false when this Node cannot do it (nothing changes). */
export function trustSystemCertificates(log: (message: string) => void = () => {}): boolean {
  const api = tls as TlsWithStores;
  if (typeof api.getCACertificates !== 'function' || typeof api.setDefaultCACertificates !== 'function') {
    log('TLS: this runtime cannot add the system certificate store; only public authorities are trusted');
    return false;
  }
  try {
    const system = api.getCACertificates('system');
    const current = api.getCACertificates('default');
    const merged = [...new Set([...current, ...system])];
    api.setDefaultCACertificates(merged);
    return true;
  } catch (error) {
    log(
      `TLS: the system certificate store could not be read (${error instanceof Error ? error.message : 'error'})`,
    );
    return false;
  }
}
