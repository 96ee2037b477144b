// The environment of a Node child process a test starts: the test process's own, without NODE_EXTRA_CA_CERTS.
// Node 20 reads and parses every certificate of that file as it starts, whether or not the process ever opens a TLS
// connection: with the system bundle (144 certificates, as this machine sets it) that is ~50 ms of CPU per process,
// more than a bare `node -e 0` takes without it. The children tests start talk plain HTTP to loopback servers, or
// to no one.
const SKIPPED = new Set(['NODE_EXTRA_CA_CERTS']);

/** process.env without what a child that makes no TLS connection never needs. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!SKIPPED.has(k)) env[k] = v;
  return env;
}
