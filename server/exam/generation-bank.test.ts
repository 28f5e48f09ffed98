// The bank snapshot kept with each package holds all that generation reads: drawn from it, every seed
// and profile gives the test the live bank gave; and it is one copy per bank state, whatever the order
// of the bank or its challenges that cannot be asked.
import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { indexBank } from '../../core/generation/bank-index.ts';
import { generateTest } from '../../core/generation/generate-test.ts';
import { syntheticBank, syntheticProfile } from '../../core/testing/synthetic-bank.ts';
import {
  drawableBank,
  generationBankHash,
  generationBankOf,
  GenerationBankSchema,
} from './generation-bank.ts';

const bank = syntheticBank({ size: 600, seed: 11 });
const snapshotOf = (challenges: readonly Challenge[]) => generationBankOf(indexBank(challenges));

describe('the bank as generation read it', () => {
  it('draws, from any seed and profile, the test the whole bank draws', () => {
    const snapshot = snapshotOf(bank);
    const replay = drawableBank(GenerationBankSchema.parse(JSON.parse(snapshot.content)));
    for (let i = 0; i < 40; i++) {
      const profile = syntheticProfile(bank, { seed: 500 + i, competences: 5 + (i % 12) });
      const seed = (i * 2_654_435_761) >>> 0;
      expect(generateTest({ profile, bank: replay, seed })).toEqual(generateTest({ profile, bank, seed }));
    }
  });

  it('keeps only the operative challenges: ids by skill with the competence, content-hashed', () => {
    const snapshot = snapshotOf(bank);
    const parsed = GenerationBankSchema.parse(JSON.parse(snapshot.content));
    const operative = bank.filter((c) => c.status === 'validated' || c.status === 'archived');
    expect(parsed.skills.flatMap((s) => s.challenges).sort()).toEqual(operative.map((c) => c.id).sort());
    expect(parsed.skills.map((s) => s.skill)).toEqual([...new Set(operative.map((c) => c.skill))].sort());
    expect(snapshot.hash).toBe(generationBankHash(snapshot.content));
    expect(snapshot.content).not.toContain('instruction');
  });

  it('is the same copy for the same bank state, another for a bank that draws differently', () => {
    const hash = snapshotOf(bank).hash;
    expect(snapshotOf([...bank].reverse()).hash).toBe(hash);
    // A challenge that cannot be asked changes nothing generation reads.
    const draft = bank.map((c, i) => (i === 0 ? { ...c, id: 'recNEWdraft', status: 'draft' as const } : c));
    expect(snapshotOf([...bank, draft[0] as Challenge]).hash).toBe(hash);
    // One operative challenge more, or one made obsolete, does.
    const added = { ...(bank[0] as Challenge), id: 'recNEWvalid', status: 'validated' as const };
    expect(snapshotOf([...bank, added]).hash).not.toBe(hash);
    const firstOperative = bank.findIndex((c) => c.status === 'validated');
    const obsolete = bank.map((c, i) => (i === firstOperative ? { ...c, status: 'obsolete' as const } : c));
    expect(snapshotOf(obsolete).hash).not.toBe(hash);
  });
});
