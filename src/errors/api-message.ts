/** The longest API message quoted in an error message. */
export const MAX_API_MESSAGE_LENGTH = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// One line, at most MAX_API_MESSAGE_LENGTH characters: an HTML error page must not flood a log line.
function clip(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  return line.length > MAX_API_MESSAGE_LENGTH ? `${line.slice(0, MAX_API_MESSAGE_LENGTH - 1)}…` : line;
}

function joinedMessage(message: unknown): string | undefined {
  if (typeof message === 'string') return clip(message);
  if (!Array.isArray(message)) return undefined;
  const parts = message.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? clip(parts.map((part) => part.trim()).join('; ')) : undefined;
}

/**
 * The API's own explanation in an error body: `error.description`, else `message` (a list is joined with `'; '`),
 * else `statusMessage` unless it is the bare word `error`; for a text body, the text. `undefined` when there is none.
 */
export function apiMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return clip(body);
  if (!isRecord(body)) return undefined;
  const { error, message, statusMessage } = body;
  if (isRecord(error) && typeof error['description'] === 'string') {
    const description = clip(error['description']);
    if (description !== undefined) return description;
  }
  const joined = joinedMessage(message);
  if (joined !== undefined) return joined;
  if (typeof statusMessage === 'string' && statusMessage.trim().toLowerCase() !== 'error') return clip(statusMessage);
  return undefined;
}
