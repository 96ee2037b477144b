// The "change the spec and the SDK follows" test (tests/scripts/spec-driven-package.test.ts): the one spec change it
// makes, and the TypeScript consumer that reads it.
import { readFileSync, writeFileSync } from 'node:fs';
// The YAML functions alone: the package's index would load all of Redocly.
import { parseYaml, stringifyYaml } from '@redocly/openapi-core/lib/js-yaml';

/** The optional string property the tests add to the flat integration schema. */
export const PROPERTY = 'newProperty';

interface Spec {
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
}

/** Adds {@link PROPERTY} (an optional string) to `IntegrationFlat` in the spec file given, in place. */
export function addPropertyToFlatIntegration(specFile: string): void {
  const spec = parseYaml(readFileSync(specFile, 'utf8')) as Spec;
  const flat = spec.components.schemas['IntegrationFlat'];
  if (flat === undefined) throw new Error('the spec has no IntegrationFlat schema in openapi/openapi.yaml');
  flat.properties[PROPERTY] = { type: 'string', description: 'A property added by the test.' };
  writeFileSync(specFile, stringifyYaml(spec));
}

/** A consumer that reads {@link PROPERTY} from the `Integration` of the module given, typed as a string. */
export function consumerSource(from: string): string {
  return [
    `import { createExternalSupportClient, type Integration } from '${from}';`,
    "const client = createExternalSupportClient({ auth: { apiKey: 'k' } });",
    'export async function read(): Promise<string | undefined> {',
    "  const integration: Integration = await client.getIntegration('PROJECT_ID');",
    `  const value: string | undefined = integration.${PROPERTY};`,
    '  // @ts-expect-error typed as the spec says: a string, not a number',
    `  const wrong: number | undefined = integration.${PROPERTY};`,
    '  void wrong;',
    '  return value;',
    '}',
  ].join('\n');
}
