// The station home: which station this is and whether it can welcome a candidate (and if not, why).
import { useEffect, useState } from 'react';
import type { StationApi, StationStatus } from '../../core/contracts/station-api.ts';

type View =
  { kind: 'loading' } | { kind: 'ready'; status: StationStatus } | { kind: 'unavailable'; reason: string };

export function StationHome({ api }: { api: StationApi | undefined }) {
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    if (!api) {
      setView({
        kind: 'unavailable',
        reason: "Cette page doit être ouverte dans l'application de la station.",
      });
      return;
    }
    let live = true;
    api.getStatus({}).then((result) => {
      if (!live) return;
      setView(
        result.ok
          ? { kind: 'ready', status: result.value }
          : { kind: 'unavailable', reason: result.error.message },
      );
    });
    const off = api.onEvent((event) => {
      if (event.type === 'status') setView({ kind: 'ready', status: event.status });
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  return (
    <main className="home">
      <h1>Certification Pix</h1>
      {view.kind === 'loading' && <p role="status">Démarrage de la station…</p>}
      {view.kind === 'unavailable' && (
        <div role="alert" className="notice">
          <p>La station n'est pas prête.</p>
          <p>{view.reason}</p>
        </div>
      )}
      {view.kind === 'ready' && (
        <section aria-labelledby="station-title">
          <h2 id="station-title">{view.status.station.name}</h2>
          {view.status.station.centreName && <p>{view.status.station.centreName}</p>}
          <p role="status">
            {view.status.station.ready
              ? 'Poste prêt : vous pouvez vous connecter.'
              : `Poste pas encore prêt : ${view.status.station.notReadyReason ?? 'raison inconnue'}.`}
          </p>
        </section>
      )}
    </main>
  );
}
