// The loopback server of the loopback measurement, run in its own process so that only the client's CPU differs
// between contenders: node:http, HTTP/1.1 keep-alive, the same 200 JSON body for every request. Port from the OS;
// sends it to the parent over IPC; exits when the parent disconnects.
import { createServer } from 'node:http';
import { FLAT_TEXT } from './fixtures.mjs';

const body = Buffer.from(FLAT_TEXT);
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
