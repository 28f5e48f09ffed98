// URL policy cost (issue 7): the challenge browser calls evaluateUrl for every request a page makes
// (webRequest.onBeforeRequest, or page.route in the harness), so it must stay far below a network
// round trip. Measures the shipped block list (~150 rules) and a large centre list (1,000 rules plus
// the shipped ones), over a mix of allowed and blocked URLs. Prints medians; nothing is asserted.
import { Bench } from 'tinybench';
import { createDefaultUrlPolicy } from '../core/lockdown/default-block-list.ts';
import {
  compileUrlPolicy,
  evaluateUrl,
  UrlPolicySchema,
  type UrlPolicy,
} from '../core/lockdown/url-policy.ts';

const urls = [
  'https://fr.wikipedia.org/wiki/Certification_Pix',
  'https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Logo.png/120px-Logo.png',
  'https://www.google.fr/search?q=pix+certification&hl=fr',
  'https://chatgpt.com/c/6751a2b3',
  'https://mail.google.com/mail/u/0/#inbox',
  'https://cdn.example-news.fr/assets/app.3f9c2.js',
  'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006419292',
  'https://meteo.pix-demo.test/prevision/paris.html?jour=2',
  'data:image/png;base64,iVBORw0KGgo=',
  'wss://live.example-news.fr/socket',
];

const shipped = createDefaultUrlPolicy();
const large: UrlPolicy = UrlPolicySchema.parse({
  rules: [
    ...shipped.rules,
    ...Array.from({ length: 1000 }, (_, i) => ({
      action: i % 10 === 0 ? 'block' : 'allow',
      expression: i % 3 === 0 ? `site${i}.example.org/docs/*` : `.www.site${i}.example.fr`,
    })),
    { action: 'allow', expression: '*' },
  ],
});
const compiledLarge = compileUrlPolicy(large);

const batch = (policy: UrlPolicy) => () => {
  for (const url of urls) evaluateUrl(url, policy, { topLevel: false });
};

const bench = new Bench({ time: 2000, warmup: true });
bench
  .add(`evaluateUrl, shipped list (${shipped.rules.length} rules), batch of ${urls.length}`, batch(shipped))
  .add(`evaluateUrl, ${large.rules.length} rules, batch of ${urls.length}`, batch(large))
  .add(`compileUrlPolicy, ${large.rules.length} rules (once per policy change)`, () => {
    compileUrlPolicy(large);
  })
  .add(`compiled.evaluate, ${large.rules.length} rules, batch of ${urls.length}`, () => {
    for (const url of urls) compiledLarge.evaluate(url, { topLevel: false });
  });

await bench.run();

function latency(name: string) {
  const result = bench.getTask(name)?.result;
  return result && 'latency' in result ? result.latency : undefined;
}
const median = (name: string) => latency(name)?.p50 ?? Number.NaN;
console.table(
  bench.tasks.map((t) => ({
    task: t.name,
    'median (ms)': median(t.name).toFixed(4),
    samples: latency(t.name)?.samplesCount ?? 0,
  })),
);
const perUrl = (index: number) => (median(bench.tasks[index]?.name ?? '') / urls.length) * 1000;
console.log(
  `per URL, median: ${perUrl(0).toFixed(2)} µs with the shipped list, ${perUrl(1).toFixed(2)} µs with ${large.rules.length} rules ` +
    `(a network round trip is ≥ 1,000 µs: ${(1000 / perUrl(1)).toFixed(0)}× more)`,
);
