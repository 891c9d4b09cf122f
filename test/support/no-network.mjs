// Preload (`node --import ./test/support/no-network.mjs ...`): every way Node opens a connection or resolves
// a name throws, and each attempt is also written to stderr as `NO-NETWORK: <api>` so a caller that swallows
// the error is still caught. test/hostile.test.ts runs leakcheck under it.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

function blocked(api) {
  return function () {
    process.stderr.write(`NO-NETWORK: ${api}\n`);
    throw new Error(`network access blocked (${api})`);
  };
}

const patch = (obj, name, api) => {
  Object.defineProperty(obj, name, { value: blocked(api), writable: true, configurable: true });
};

patch(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');
patch(tls, 'connect', 'tls.connect');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'reverse']) {
  patch(dns, name, `dns.${name}`);
  if (typeof dns.promises[name] === 'function') patch(dns.promises, name, `dns.promises.${name}`);
}
patch(dns.Resolver.prototype, 'resolve', 'dns.Resolver.resolve');
for (const [mod, label] of [[http, 'http'], [https, 'https']]) {
  patch(mod, 'request', `${label}.request`);
  patch(mod, 'get', `${label}.get`);
}
patch(http2, 'connect', 'http2.connect');
patch(dgram, 'createSocket', 'dgram.createSocket');
patch(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') patch(globalThis, 'WebSocket', 'WebSocket');
// `import { lookup } from 'node:dns'` reads the ES module's own bindings: bring them in line with the patches.
syncBuiltinESMExports();
