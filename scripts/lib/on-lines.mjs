// Reads a child's output stream as whole lines: `handle` gets each run of complete lines (ending in '\n') as it
// arrives, and the unfinished last line when the stream ends, so nothing printed is cut mid-line or lost.

/**
 * @param {NodeJS.ReadableStream} source
 * @param {(text: string) => void} handle
 */
export function onLines(source, handle) {
  let pending = '';
  source.setEncoding('utf8');
  source.on('data', (chunk) => {
    pending += chunk;
    const end = pending.lastIndexOf('\n');
    if (end === -1) return;
    const lines = pending.slice(0, end + 1);
    pending = pending.slice(end + 1);
    handle(lines);
  });
  source.on('end', () => {
    if (pending) handle(pending);
    pending = '';
  });
}
