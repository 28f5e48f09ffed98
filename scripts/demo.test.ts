// `npm run demo -- --auto --exit` end to end, as a newcomer on a machine without a display would run
// it: the real server seeded with the demo data, the harness's station in headless Chromium, the
// scripted candidate and invigilator through a whole session, ending with the certificate's
// verification code and its public address (fetched by the demo itself before it prints them).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function runDemo(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'demo.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('npm run demo (headless, scripted)', () => {
  it('goes through a whole session and ends with the certificate’s code and public verification address', async () => {
    const { code, out } = await runDemo(['--auto', '--exit']);
    expect(out, out).toMatch(/Station « Poste de démonstration » démarrée/);
    expect(out).toMatch(/Le référent vérifie le poste .*: Ce poste (est prêt|fonctionne)/);
    expect(out).toMatch(/Le surveillant confirme sa présence/);
    expect(out).toMatch(/Question 1\/\d+/);
    expect(out).toMatch(/Le surveillant valide le signalement/);
    expect(out).toMatch(/Résultat reçu et vérifié par le serveur/);
    const verification = /Code de vérification : (P-[2346789BCDFGHJKMPQRTVWXY]{8})/.exec(out)?.[1];
    expect(verification, out).toBeTruthy();
    // The public page where the web screens are built (as the invigilator's screen is), the API otherwise.
    const screensBuilt = /Écran surveillant +: http\S+\/invigilator\//.test(out);
    expect(out).toContain(
      screensBuilt ? `/verification/${verification}` : `/api/public/certificates/${verification}`,
    );
    expect(out).toMatch(/Mot de passe surveillant : \S+/);
    if (screensBuilt) {
      expect(out).toMatch(
        /Back-office du centre +: http\S+\/centre\/ +Compte : \S+@\S+, mot de passe « .+ »/,
      );
    }
    // --exit: the addresses are said to have served during the run, the server being stopped after.
    expect(out).toMatch(
      /le serveur s’arrête \(--exit\) : ces adresses ont servi\npendant la démonstration ; elles ne répondront plus/,
    );
    expect(out.indexOf('Serveur de démonstration arrêté.')).toBeGreaterThan(
      out.indexOf('Vérification publique'),
    );
    expect(code).toBe(0);
  }, 300_000);

  it('a mistyped option prints the usage and exit code 2, not a stack trace', async () => {
    const { code, out } = await runDemo(['--atuo']);
    expect(out).toMatch(/Unknown option '--atuo'[\s\S]*Usage: npm run demo/);
    expect(out).not.toMatch(/\bat \w+ \(/);
    expect(code).toBe(2);
  });
});
