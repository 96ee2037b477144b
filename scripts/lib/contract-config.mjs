// The contract runner's configuration: JELOU_* variables checked before anything starts or is sent.

/** The live API's default base URL (the rendered docs' `/jelouapi`). */
export const DEFAULT_LIVE_BASE_URL = 'https://gateway.jelou.ai/jelouapi';

function isLoopback(hostname) {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(hostname);
}

function checkBaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return 'JELOU_BASE_URL is not an absolute URL (e.g. https://gateway.jelou.ai/jelouapi)';
  }
  if (url.username || url.password) return 'JELOU_BASE_URL must not carry credentials';
  if (url.search || url.hash || /[?#]/.test(url.href)) return 'JELOU_BASE_URL must not have a query string or fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return 'JELOU_BASE_URL must use https: (http: only for a loopback host such as a local stand-in)';
}

/** Everything wrong with the JELOU_* variables, as lines for one message; empty when the run can start. */
export function configProblems(env) {
  const set = (name) => Boolean(env[name]?.trim());
  const problems = [];
  const target = env.JELOU_CONTRACT_TARGET ?? '';
  if (!['', 'mock', 'live'].includes(target)) {
    problems.push(`JELOU_CONTRACT_TARGET must be "live" or "mock" (or unset), not "${target}"`);
    return problems;
  }
  if (target !== 'live') return problems;
  if (!set('JELOU_PROJECT_ID')) problems.push('JELOU_PROJECT_ID — the Jelou project whose integration is tested');
  if (!set('JELOU_API_KEY')) {
    if (set('JELOU_CLIENT_ID') && !set('JELOU_CLIENT_SECRET')) {
      problems.push('JELOU_CLIENT_SECRET — JELOU_CLIENT_ID is set without it (or set JELOU_API_KEY instead)');
    } else if (set('JELOU_CLIENT_SECRET') && !set('JELOU_CLIENT_ID')) {
      problems.push('JELOU_CLIENT_ID — JELOU_CLIENT_SECRET is set without it (or set JELOU_API_KEY instead)');
    } else if (!set('JELOU_CLIENT_ID')) {
      problems.push('JELOU_API_KEY — the project API key (or both JELOU_CLIENT_ID and JELOU_CLIENT_SECRET)');
    }
  }
  const baseProblem = checkBaseUrl(env.JELOU_BASE_URL?.trim() || DEFAULT_LIVE_BASE_URL);
  if (baseProblem) problems.push(baseProblem);
  if (set('JELOU_MESSAGES_BASE_URL')) {
    const messagesProblem = checkBaseUrl(env.JELOU_MESSAGES_BASE_URL.trim());
    if (messagesProblem) problems.push(messagesProblem.replace(/JELOU_BASE_URL/g, 'JELOU_MESSAGES_BASE_URL'));
  }
  // Each level beyond read-only is asked for explicitly, with what it needs.
  const conversation = env.JELOU_CONTRACT_CONVERSATION ?? '';
  if (conversation !== '' && conversation !== '1') {
    problems.push(`JELOU_CONTRACT_CONVERSATION must be 1 (or unset), not "${conversation}"`);
  } else if (conversation === '1') {
    for (const [name, what] of [
      ['JELOU_BOT_ID', 'the bot of the test conversation'],
      ['JELOU_USER_ID', 'a test user you own: the run starts a conversation with it and sends it one message'],
      ['JELOU_SIGNING_SECRET', "the integration's signing secret, to sign the message"],
    ]) {
      if (!set(name)) problems.push(`${name} — ${what} (needed by JELOU_CONTRACT_CONVERSATION=1)`);
    }
  }
  if (env.JELOU_CONTRACT_DESTRUCTIVE !== undefined && env.JELOU_CONTRACT_DESTRUCTIVE !== '') {
    const repeated = env.JELOU_CONTRACT_DESTRUCTIVE.trim();
    if (repeated !== (env.JELOU_PROJECT_ID ?? '').trim()) {
      problems.push(
        'JELOU_CONTRACT_DESTRUCTIVE must repeat JELOU_PROJECT_ID exactly: the run deletes that integration and ' +
          'regenerates its signing secret (refused, nothing was deleted)',
      );
    }
  }
  return problems;
}

/**
 * What is wrong with the operations named on the command line (`npm run contract -- getIntegration ...`), as lines
 * for one message; empty when the run can start. A selection runs the mock only: a live run's cases depend on each
 * other within a consent level (the destructive run deletes, then creates again), so it always runs whole.
 */
export function selectionProblems(args, env) {
  const problems = args
    .filter((arg) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(arg))
    .map((arg) => `"${arg}" is not an operationId (the arguments name operations, e.g. getIntegration)`);
  if (args.length > 0 && env.JELOU_CONTRACT_TARGET === 'live') {
    problems.push('operations can be selected against the mock only: a live run runs each consent level whole');
  }
  return problems;
}

/**
 * Which operations a live run exercises at the levels the environment asks for, and why the others are skipped:
 * a map of operationId to the reason it is not run (absent: it runs).
 */
export function liveSkipReasons(env) {
  const write = env.JELOU_CONTRACT_WRITE === '1';
  const conversation = env.JELOU_CONTRACT_CONVERSATION === '1';
  const destructive =
    Boolean(env.JELOU_CONTRACT_DESTRUCTIVE?.trim()) &&
    env.JELOU_CONTRACT_DESTRUCTIVE.trim() === (env.JELOU_PROJECT_ID ?? '').trim();
  const reasons = {};
  if (!write)
    reasons.updateIntegration = 'read-only run: set JELOU_CONTRACT_WRITE=1 to test the PATCH (restored after)';
  if (!conversation) {
    const why =
      'not run: set JELOU_CONTRACT_CONVERSATION=1 with JELOU_BOT_ID, JELOU_USER_ID and JELOU_SIGNING_SECRET ' +
      '(it messages that user)';
    reasons.startConversation = why;
    reasons.closeConversation = why;
    reasons.sendMessage = why;
    if (!env.JELOU_CONVERSATION_ID?.trim()) {
      reasons.getConversation = 'not run: set JELOU_CONVERSATION_ID (read-only) or JELOU_CONTRACT_CONVERSATION=1';
    }
  }
  if (!destructive) {
    const why = 'not run: set JELOU_CONTRACT_DESTRUCTIVE=<the project id again> (deletes and regenerates)';
    reasons.createIntegration = why;
    reasons.deleteIntegration = why;
    reasons.regenerateSigningSecret = why;
  }
  return reasons;
}
