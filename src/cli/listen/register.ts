// `jelou listen --register --public-url URL`: points the integration's webhookUrl at the user's own tunnel and puts
// the original back on exit, Ctrl-C or crash. The original is first written to a restore file, so a listener that
// died hard is undone by `jelou listen --restore`. Only webhookUrl changes (the webhook credential is not read back
// by the API, so it is never touched).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExternalSupportClient } from '../../index.js';
import { CliFailure, UsageError } from '../errors.js';

/** What the restore file holds: no secret. */
export interface RestoreRecord {
  projectId: string;
  baseUrl: string;
  webhookUrl: string;
  publicUrl: string;
  savedAt: string;
}

/** The default restore file, under the working directory. */
export const DEFAULT_RESTORE_FILE = '.jelou/listen-restore.json';

export async function readRestore(file: string): Promise<RestoreRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as RestoreRecord;
    if (typeof record.projectId !== 'string' || typeof record.webhookUrl !== 'string') throw new Error('bad');
    return record;
  } catch {
    throw new UsageError(`${file} is not a restore file written by jelou listen --register`);
  }
}

/** Saves the original webhookUrl, then points the integration at the public URL. */
export async function register(
  client: ExternalSupportClient,
  projectId: string,
  publicUrl: string,
  file: string,
): Promise<RestoreRecord> {
  if (await readRestore(file)) {
    throw new UsageError(
      `${file} exists: a previous \`jelou listen --register\` did not restore; run \`jelou listen --restore\``,
    );
  }
  const integration = await client.getIntegration(projectId);
  const record: RestoreRecord = {
    projectId,
    baseUrl: client.baseUrl,
    webhookUrl: integration.webhookUrl,
    publicUrl,
    savedAt: new Date().toISOString(),
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  await client.updateIntegration(projectId, { webhookUrl: publicUrl });
  return record;
}

/** Puts the saved webhookUrl back, then removes the restore file. */
export async function restore(client: ExternalSupportClient, file: string): Promise<RestoreRecord> {
  const record = await readRestore(file);
  if (!record) throw new UsageError(`nothing to restore: ${file} does not exist`);
  if (record.baseUrl !== client.baseUrl) {
    throw new UsageError(`${file} was written against ${record.baseUrl}, not ${client.baseUrl}: set JELOU_BASE_URL`);
  }
  try {
    await client.updateIntegration(record.projectId, { webhookUrl: record.webhookUrl });
  } catch (error) {
    throw new CliFailure(
      `could not restore webhookUrl of ${record.projectId} (${(error as Error).message}); ${file} is kept: run \`jelou listen --restore\``,
    );
  }
  await rm(file, { force: true });
  return record;
}
