// The server's check of a result bundle's payload (core's BundlePayloadParser port): core's zod schema,
// ResultBundlePayloadSchema, turned into JSON Schema by zod itself and compiled by Ajv (which Fastify
// already uses) into one function that walks the payload without copying it. zod parses field by field
// into new objects; for a 48-answer bundle that was the largest part of verification after the
// signature (0.27 ms against 0.05 ms compiled, measured on 200 bench bundles), and intake checks
// every bundle.
//
// The compiled check is stricter than the schema, never looser: every object refuses unknown keys
// (zod drops the ones beside a record's envelope), lengths are counted in code points and patterns run
// without the u flag, as zod does, and a format is only accepted with the pattern zod checks it with.
// So what it accepts, zod accepts with the same data; what it refuses goes to zod, which gives the
// verdict, the data and the message (intake-payload.test.ts checks both on generated payloads). The
// schema has no refinements: zod would leave them out of the JSON Schema.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import type { BundlePayloadParser } from '../../core/bundle/verify-bundle.ts';
import { ResultBundlePayloadSchema, type ResultBundlePayload } from '../../core/bundle/result-bundle.ts';

type SchemaNode = { [keyword: string]: unknown };

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The property every branch of a union fixes with a constant (zod's discriminator), if any. */
function tagOf(branches: unknown[]): string | undefined {
  const first = branches[0];
  if (!isNode(first) || !isNode(first.properties)) return undefined;
  return Object.keys(first.properties).find((key) =>
    branches.every(
      (branch) =>
        isNode(branch) &&
        isNode(branch.properties) &&
        isNode(branch.properties[key]) &&
        branch.properties[key].const !== undefined &&
        Array.isArray(branch.required) &&
        branch.required.includes(key),
    ),
  );
}

/** zod's JSON Schema, made at least as strict as zod, with its discriminated unions keyed by their tag. */
export function tightenedSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tightenedSchema);
  if (!isNode(node)) return node;
  const out: SchemaNode = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword !== '$schema') out[keyword] = tightenedSchema(value);
  }
  if (out.format !== undefined && out.pattern === undefined) {
    throw new Error(`format ${String(out.format)} has no pattern: the compiled check would be looser`);
  }
  if (out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  // Ajv then goes straight to the branch the tag names instead of trying every branch.
  if (Array.isArray(out.oneOf)) {
    const tag = tagOf(out.oneOf);
    if (tag !== undefined) {
      out.type = 'object';
      out.discriminator = { propertyName: tag };
    }
  }
  return out;
}

const ajv = new Ajv2020({
  // Anything Ajv would not understand in the schema is an error, not a warning: never a looser check.
  strict: true,
  discriminator: true,
  // zod's semantics: regular expressions without the u flag. String lengths are counted as zod counts
  // them, by Ajv's default: in code points, a surrogate pair once, a lone surrogate once.
  unicodeRegExp: false,
  // Formats are checked by the pattern beside them (tightenedSchema makes sure there is one).
  validateFormats: false,
  allErrors: false,
});

let compiled: ((json: unknown) => boolean) | undefined;

/**
 * The compiled check alone (tests: what it accepts, zod must accept with the same data). Compiled on
 * first use (about 0.2 s here), not on import: every process that builds the server imports it, and
 * only the verification workers use it (they compile it as they start, bundle-verifier-worker.ts).
 */
export function compiledPayloadCheck(json: unknown): boolean {
  compiled ??= ajv.compile(
    tightenedSchema(z.toJSONSchema(ResultBundlePayloadSchema, { io: 'input' })) as SchemaNode,
  );
  return compiled(json);
}

export const compiledPayloadParser: BundlePayloadParser = (json) =>
  compiledPayloadCheck(json)
    ? { success: true, data: json as ResultBundlePayload }
    : ResultBundlePayloadSchema.safeParse(json);
