// The embedded demo session (resources/demo/: a French bank over the 16 competences, its files and a
// session of candidates) as content to seed the server with, for the headed browser demo.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Profile } from '../../core/profile/profile.ts';
import { contentTypeOf } from './content-types.ts';
import { ROOT } from './renderer-build.ts';
import type { SessionContent } from './seed-session.ts';

const DEMO = path.join(ROOT, 'resources', 'demo');

interface DemoCandidate {
  lastName: string;
  firstName: string;
  sex: 'M' | 'F';
  birthdate: string;
  birthCountry: string;
  birthCity?: string | null;
  birthInseeCode?: string | null;
  externalId?: string | null;
  extraTimePercentage: number;
  accessibilityAdjustment: boolean;
  email?: string | null;
  profile: Profile;
}

interface DemoSession {
  centre: { name: string };
  session: {
    address: string;
    room: string;
    date: string;
    time: string;
    examiner: string;
    description?: string;
  };
  candidates: DemoCandidate[];
}

export function demoContent(): SessionContent & { people: DemoCandidate[] } {
  const demo = JSON.parse(readFileSync(path.join(DEMO, 'session.json'), 'utf8')) as DemoSession;
  const bank = JSON.parse(readFileSync(path.join(DEMO, 'challenges.json'), 'utf8')) as unknown[];
  const folder = path.join(DEMO, 'attachments');
  const files = readdirSync(folder).map((name) => {
    const bytes = readFileSync(path.join(folder, name));
    return {
      hash: createHash('sha256').update(bytes).digest('hex'),
      mediaType: contentTypeOf(name).split(';')[0] ?? 'application/octet-stream',
      bytes,
    };
  });
  return {
    centreName: demo.centre.name,
    details: demo.session,
    people: demo.candidates,
    candidates: demo.candidates.map((c, i) => ({
      key: `demo-${i + 1}`,
      lastName: c.lastName,
      firstName: c.firstName,
      birthdate: c.birthdate,
      profile: c.profile,
      input: {
        lastName: c.lastName,
        firstName: c.firstName,
        sex: c.sex,
        birthdate: c.birthdate,
        birthCountry: c.birthCountry,
        birthCity: c.birthCity ?? null,
        birthInseeCode: c.birthInseeCode ?? null,
        externalId: c.externalId ?? null,
        resultEmail: c.email ?? null,
        extraTimePercentage: c.extraTimePercentage,
        accessibilityAdjustment: c.accessibilityAdjustment,
      },
    })),
    bank,
    files,
  };
}
