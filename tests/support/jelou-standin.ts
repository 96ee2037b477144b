// The stand-in Jelou for tests: a typed re-export of scripts/lib/jelou-standin.cjs (dependency-free CommonJS, so
// plain node scripts and scripts/standin.mjs run the same code). One difference, kept for the tests written before
// the stand-in grew: here an integration exists from the start unless `integration: false` is passed.
import * as standin from '../../scripts/lib/jelou-standin.cjs';
import type { JelouStandin, StandinOptions } from '../../scripts/lib/jelou-standin.cjs';

export type {
  JelouStandin,
  StandinCloseInput,
  StandinConversation,
  StandinDeliverOptions,
  StandinDrop,
  StandinDelivery,
  StandinDeliveryResult,
  StandinIntegration,
  StandinMessage,
  StandinMessageInput,
  StandinOperation,
  StandinOptions,
  StandinReply,
  StandinRequest,
  StandinShape,
  StandinShapes,
  StandinStartInput,
} from '../../scripts/lib/jelou-standin.cjs';

export const { DEFAULT_SHAPES, MESSAGES_PATH, STANDIN_BASE_PATH, STANDIN_PLATFORM_PATH, signJelouBody } = standin;

/** Which requests the stand-in answers with the undocumented shape (the names the first tests used). */
export type StandinMethod = 'GET' | 'PATCH';

/** Starts the stand-in on a free port of 127.0.0.1; seeds an integration unless `integration: false`. */
export function startJelouStandin(options: StandinOptions): Promise<JelouStandin> {
  return standin.startJelouStandin({ ...options, integration: options.integration ?? true });
}
