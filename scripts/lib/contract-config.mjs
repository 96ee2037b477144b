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
  return problems;
}
