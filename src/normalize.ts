// One Integration, whichever of the two documented 200 shapes the server sent.
import type { AuthType, IntegrationEnvelope, IntegrationResponse } from './spec-types.js';

/** Which documented shape a 200 body had: the flat object of the OpenAPI samples or the prose's envelope. */
export type ResponseShape = 'flat' | 'envelope';

/** An External Support integration, the same whichever shape the server answered with. */
export interface Integration {
  /** Identifier of the Jelou project (brain) the integration belongs to. */
  brainId: string;
  /** URL that receives Jelou's events. */
  webhookUrl: string;
  /** When the integration was created (ISO 8601, as sent). */
  createdAt: string;
  /** When it was last changed (ISO 8601), when the server sent it. */
  updatedAt?: string;
  /** The integration's own id, when the server sent it (the flat shape does, the envelope does not). */
  id?: string;
  /** How Jelou authenticates to the webhook, when the server sent it. */
  authType?: AuthType | (string & {});
}

/** The envelope's own fields, when the body was an envelope. */
export interface EnvelopeInfo {
  message?: string[];
  statusMessage?: string;
  status?: number;
}

/** What normalization keeps of a body. */
export interface Normalized {
  integration: Integration;
  shape: ResponseShape;
  envelope: EnvelopeInfo | undefined;
}

type Source = Partial<Record<keyof Integration, unknown>>;

function pick(source: Source): Integration {
  const integration: Integration = {
    brainId: source.brainId as string,
    webhookUrl: source.webhookUrl as string,
    createdAt: source.createdAt as string,
  };
  // Optional fields appear only when sent, so `'id' in integration` tells what the server said.
  for (const key of ['updatedAt', 'id', 'authType'] as const) {
    const value = source[key];
    if (typeof value === 'string') integration[key] = value;
  }
  return integration;
}

function isEnvelope(body: IntegrationResponse): body is IntegrationEnvelope {
  return 'data' in body;
}

/** Turns a validated 200 body (either shape) into one Integration, keeping the envelope's fields apart. */
export function normalizeIntegration(body: IntegrationResponse): Normalized {
  if (!isEnvelope(body)) return { integration: pick(body), shape: 'flat', envelope: undefined };
  const envelope: EnvelopeInfo = {};
  if (body.message !== undefined) envelope.message = body.message;
  if (body.statusMessage !== undefined) envelope.statusMessage = body.statusMessage;
  if (body.status !== undefined) envelope.status = body.status;
  return { integration: pick(body.data), shape: 'envelope', envelope };
}
