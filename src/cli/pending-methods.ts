// The seven client methods of issue 9 as the CLI calls them, for as long as the client does not have them yet.
// Once `ExternalSupportClient` declares all seven, `CliClient` IS `ExternalSupportClient`: every call in the CLI is
// then checked against the real signatures (a mismatch fails typecheck loudly), and this file can be deleted with
// the `CliClient` imports pointed at `ExternalSupportClient`. Until then a call of a missing method fails at run
// time with a clear message (`requireMethod`), never silently.
import type { ExternalSupportClient, RequestOptions } from '../index.js';
import { CliFailure } from './errors.js';

type MediaMessage<T extends string, Extra> = { type: T; url: string; mimeType: string } & Extra;

/** The `message` argument of `sendMessage`, camelCase (issue 9). */
export type CliAgentMessage =
  | { type: 'text'; body: string }
  | MediaMessage<'image', { caption?: string }>
  | MediaMessage<'video', { caption?: string }>
  | MediaMessage<'audio', object>
  | MediaMessage<'document', { filename?: string }>;

/** What the CLI expects of the seven new methods (results are read loosely: printed, or one field taken). */
export interface IssueNineMethods {
  createIntegration(
    projectId: string,
    body: { webhookUrl: string; authType?: 'bearer' | 'api_key' | 'basic' | 'no_auth'; authorization?: string },
    requestOptions?: RequestOptions,
  ): PromiseLike<{ signingSecret: string }>;
  deleteIntegration(projectId: string, requestOptions?: RequestOptions): PromiseLike<unknown>;
  regenerateSigningSecret(projectId: string, requestOptions?: RequestOptions): PromiseLike<{ signingSecret: string }>;
  startConversation(
    projectId: string,
    body: {
      botId: string;
      userId: string;
      initialMessage?: string;
      metadata?: Record<string, unknown>;
      assignment?: { type: 'queue' | 'operator' | 'team'; target: string };
    },
    requestOptions?: RequestOptions,
  ): PromiseLike<unknown>;
  closeConversation(
    projectId: string,
    body: { botId: string; userId: string; redirectPayload?: { type: 'text'; text: string } },
    requestOptions?: RequestOptions,
  ): PromiseLike<unknown>;
  getConversation(projectId: string, conversationId: string, requestOptions?: RequestOptions): PromiseLike<unknown>;
  sendMessage(
    projectId: string,
    input: { roomId: string; botId: string; userId: string; message: CliAgentMessage },
    requestOptions?: RequestOptions,
  ): PromiseLike<{ id: string } | Record<string, unknown>>;
}

type Missing = Exclude<keyof IssueNineMethods, keyof ExternalSupportClient>;

/** The client the CLI uses: the real one once it has the seven methods, else the real one plus their declarations. */
export type CliClient = [Missing] extends [never] ? ExternalSupportClient : ExternalSupportClient & IssueNineMethods;

/** Throws a clear failure when this build of the SDK lacks a method (before issue 9's methods land). */
export function requireMethod(client: object, name: keyof IssueNineMethods): void {
  if (typeof (client as Record<string, unknown>)[name] !== 'function') {
    throw new CliFailure(`this version of jelou-external-support has no client.${name}() yet`);
  }
}
