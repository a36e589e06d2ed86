/**
 * An HTTP proxy that records every request a browser sends through it and forwards only those for one origin
 * (the fixture server), or for the aliases it is given (test EHR sites such as http://ehr.example.test, which the
 * fixture server answers as if it were that site); anything else gets 502 and nothing leaves. Firefox is pointed at it for every scheme
 * and for localhost too (`prefs`), so a request from any part of the browser passes here: a page, a content
 * script, the extension's background page. In Firefox this stands in for the CDP Network recording that
 * privacy.e2e.ts does in Chromium, which has no counterpart there for an extension's background page.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ProxiedRequest {
  method: string;
  /** The absolute URL asked for; host:port for a CONNECT (https, wss). */
  url: string;
}

export interface RecordingProxy {
  requests: ProxiedRequest[];
  /** Firefox preferences that send every request through the proxy. */
  prefs: Record<string, unknown>;
  close(): Promise<void>;
}

/** `aliases`: origins (http only) served by the fixture server, as a DNS entry would send them there. */
export async function startRecordingProxy(forwardOrigin: string, aliases: readonly string[] = []): Promise<RecordingProxy> {
  const upstream = new URL(forwardOrigin);
  const requests: ProxiedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ method: req.method ?? '', url });
    let target: URL | null = null;
    try {
      target = new URL(url);
    } catch {
      /* not an absolute URL: not a proxy request */
    }
    if (!target || (target.origin !== forwardOrigin && !aliases.includes(target.origin))) {
      res.writeHead(502).end();
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('connect', (req: http.IncomingMessage, socket: Duplex) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    prefs: {
      'network.proxy.type': 1, // manual
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      // Firefox never proxies localhost unless told to: the fixture pages and anything local pass here too.
      'network.proxy.allow_hijacking_localhost': true,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
