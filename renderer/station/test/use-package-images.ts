// Images written in a challenge's Markdown as `![description](package:<hash>)` come from the test
// package (the station stored them with the challenge's files): each is opened through the station
// like a file, and shown from the candidate's sandbox. Any other image is never fetched.
import { useEffect, useMemo, useState } from 'react';
import type { PackagedChallenge } from '../../../core/challenge/challenge.ts';
import { useStationApi } from '../state/station-context.tsx';

const PACKAGE_IMAGE = /package:([0-9a-f]{64})/g;

export function usePackageImages(challenge: PackagedChallenge): (src: string) => string | null {
  const api = useStationApi();
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const hashes = useMemo(() => {
    const text = `${challenge.instruction}\n${challenge.proposals ?? ''}`;
    const known = new Set([...challenge.attachments.map((a) => a.hash), challenge.illustration?.hash]);
    return [...new Set([...text.matchAll(PACKAGE_IMAGE)].map((m) => m[1] ?? ''))].filter((h) => known.has(h));
  }, [challenge]);

  useEffect(() => {
    let live = true;
    for (const hash of hashes) {
      void api.openAttachment({ challengeId: challenge.id, hash }).then((result) => {
        if (!live || !result.ok || result.value.viewer !== 'image') return;
        setUrls((before) => new Map(before).set(hash, result.value.url));
      });
    }
    return () => {
      live = false;
    };
  }, [api, challenge.id, hashes]);

  return useMemo(
    () => (src: string) => {
      const match = /^package:([0-9a-f]{64})$/.exec(src);
      return match ? (urls.get(match[1] ?? '') ?? null) : null;
    },
    [urls],
  );
}
