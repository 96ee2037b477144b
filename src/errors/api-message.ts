/** The longest API message quoted in an error message. */
export const MAX_API_MESSAGE_LENGTH = 500;

// One line, at most MAX_API_MESSAGE_LENGTH characters (an HTML error page must not flood a log line); `undefined`
// for anything but non-blank text.
function clip(text: unknown): string | undefined {
  const line = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  if (line === '') return undefined;
  return line.length > MAX_API_MESSAGE_LENGTH ? `${line.slice(0, MAX_API_MESSAGE_LENGTH - 1)}…` : line;
}

/**
 * The API's own explanation in an error body: `error.description`, else `message` (a list is joined with `'; '`),
 * else `statusMessage` unless it is the bare word `error`; for a text body, the text. `undefined` when there is none.
 */
export function apiMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return clip(body);
  const { error, message, statusMessage } = body as Record<string, unknown>;
  const parts = [message].flat().filter((part): part is string => typeof part === 'string');
  return (
    clip((error as { description?: unknown } | null)?.description) ??
    clip(
      parts
        .map((part) => part.trim())
        .filter(Boolean)
        .join('; '),
    ) ??
    (clip(statusMessage)?.toLowerCase() === 'error' ? undefined : clip(statusMessage))
  );
}
