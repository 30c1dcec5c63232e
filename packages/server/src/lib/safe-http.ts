import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';

/**
 * Outbound HTTP to addresses that came from outside (a provider's download link, a customer's
 * webhook URL): a URL whose host resolves to a loopback, private, link-local, unique-local,
 * multicast or otherwise reserved address is refused, and so is a redirect to one, unless the
 * configuration allows it. The check runs on the address actually connected to (the socket's DNS
 * lookup), so a name that resolves to a public address when checked and a private one when used
 * (DNS rebinding) is refused too. Bodies are streamed, never buffered.
 */
export interface SafeHttpOptions {
  /** Allow every private/loopback address (`RECORDING_DOWNLOAD_ALLOW_PRIVATE`: local fakes, tests). Default false. */
  allowPrivate?: boolean;
  /** Host names or IP literals allowed even when they resolve to private addresses (exact, case-insensitive). Default none. */
  allowHosts?: readonly string[];
  /** Until the response headers arrive (connect included), in ms. Default 30 000. */
  headersTimeoutMs?: number;
  /** Longest silence on the socket once connected, body included, in ms. Default 60 000. */
  idleTimeoutMs?: number;
  /** Redirects followed (each target checked like the first URL). Default 5; 0 returns the 3xx itself. */
  maxRedirects?: number;
  /** Resolves a host name to its addresses (tests). Default: the system resolver (`dns.lookup`, all). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

/** One request. */
export interface SafeRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
}

/** A response whose body has not been read: consume or destroy `body`. */
export interface SafeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The URL that answered, after redirects. */
  url: string;
  body: Readable;
}

/** The URL (or a redirect) points somewhere we do not fetch. Permanent: retrying cannot help. */
export class UnsafeUrlError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Refused to fetch ${redact(url)}: ${reason}`);
    this.name = 'UnsafeUrlError';
  }
}

/** No response headers, or the connection went silent, within the configured time. Transient. */
export class SafeHttpTimeoutError extends Error {
  constructor(url: string, what: string, ms: number) {
    super(`${what} from ${redact(url)} took longer than ${ms} ms`);
    this.name = 'SafeHttpTimeoutError';
  }
}

/** Addresses nobody outside may make us fetch. */
const BLOCKED = (() => {
  const list = new BlockList();
  const v4: [string, number][] = [
    ['0.0.0.0', 8], // "this" network
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8],
    ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ];
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  const v6: [string, number][] = [
    ['::', 128],
    ['::1', 128],
    ['64:ff9b::', 96], // NAT64: may reach IPv4 private space
    ['100::', 64], // discard
    ['2001:db8::', 32], // documentation
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated)
    ['ff00::', 8], // multicast
  ];
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
})();

/** True for an address that is loopback, private, link-local, unique-local, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse
  const lower = address.toLowerCase();
  // IPv4-mapped (::ffff:a.b.c.d or ::ffff:xxxx:xxxx) and IPv4-compatible forms: check the IPv4 inside.
  const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1] && isIP(mapped[1]) === 4) return BLOCKED.check(mapped[1], 'ipv4');
  const hexMapped = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped?.[1] && hexMapped[2]) {
    const hi = parseInt(hexMapped[1], 16);
    const lo = parseInt(hexMapped[2], 16);
    return BLOCKED.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return BLOCKED.check(address, 'ipv6');
}

/** A URL without its query string and credentials, for messages (signed links carry secrets there). */
function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The fetcher. One per configuration; stateless otherwise. */
export class SafeHttp {
  private readonly allowHosts: Set<string>;
  private readonly resolve: (hostname: string) => Promise<LookupAddress[]>;

  constructor(private readonly options: SafeHttpOptions = {}) {
    this.allowHosts = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
    this.resolve =
      options.resolve ??
      ((hostname) =>
        new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)))));
  }

  /** Whether private addresses are allowed for this URL's host. */
  private privateAllowed(hostname: string): boolean {
    return this.options.allowPrivate === true || this.allowHosts.has(hostname.toLowerCase());
  }

  /** Checks a URL's scheme and (for IP literals) its address; names are checked at connect time. */
  assertAllowed(url: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UnsafeUrlError(url, 'not a valid absolute URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new UnsafeUrlError(url, `scheme ${parsed.protocol} is not http(s)`);
    if (parsed.username || parsed.password) throw new UnsafeUrlError(url, 'URLs with credentials are not fetched');
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isPrivateAddress(host) && !this.privateAllowed(host)) {
      throw new UnsafeUrlError(url, `${host} is a private, loopback or reserved address`);
    }
    return parsed;
  }

  /** Performs the request, following allowed redirects; the body of the final response is left to the caller. */
  async request(url: string, init: SafeRequest = {}): Promise<SafeResponse> {
    const maxRedirects = this.options.maxRedirects ?? 5;
    let current = url;
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    for (let hop = 0; ; hop++) {
      const response = await this.once(current, { ...init, method, body });
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || !location || maxRedirects === 0) return response;
      response.body.resume(); // drain and drop the redirect's own body
      if (hop >= maxRedirects) throw new UnsafeUrlError(url, `more than ${maxRedirects} redirects`);
      current = new URL(location, current).toString();
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  /** GET that fails unless the answer is 2xx; returns the streamed body and its declared length. */
  async get(url: string, init: Omit<SafeRequest, 'method' | 'body'> = {}): Promise<SafeResponse & { contentLength: number | null }> {
    const response = await this.request(url, init);
    if (response.status < 200 || response.status > 299) {
      response.body.resume();
      throw new SafeHttpStatusError(response.url, response.status);
    }
    const length = Number(response.headers['content-length']);
    return { ...response, contentLength: Number.isFinite(length) && length >= 0 ? length : null };
  }

  private once(url: string, init: SafeRequest): Promise<SafeResponse> {
    const parsed = this.assertAllowed(url);
    const allowPrivate = this.privateAllowed(parsed.hostname.replace(/^\[|\]$/g, ''));
    const lookup: LookupFunction = (hostname, options, callback) => {
      this.resolve(hostname).then(
        (addresses) => {
          const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
          if (refused) {
            callback(new UnsafeUrlError(url, `${hostname} resolves to ${refused.address}, a private, loopback or reserved address`), '', 0);
            return;
          }
          if (addresses.length === 0) {
            callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
            return;
          }
          const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
          if (options.all) callback(null, wanted);
          else callback(null, wanted[0]?.address ?? '', wanted[0]?.family ?? 4);
        },
        (err: NodeJS.ErrnoException) => callback(err, '', 0),
      );
    };
    const headersTimeout = this.options.headersTimeoutMs ?? 30_000;
    const idleTimeout = this.options.idleTimeoutMs ?? 60_000;
    const transport = parsed.protocol === 'https:' ? https : http;
    return new Promise<SafeResponse>((resolve, reject) => {
      const req = transport.request(parsed, { method: init.method, headers: init.headers, lookup, signal: init.signal });
      const timer = setTimeout(() => req.destroy(new SafeHttpTimeoutError(url, 'Response headers', headersTimeout)), headersTimeout);
      req.setTimeout(idleTimeout, () => req.destroy(new SafeHttpTimeoutError(url, 'Data', idleTimeout)));
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(unwrap(error));
      });
      req.on('response', (res) => {
        clearTimeout(timer);
        res.on('error', () => {}); // surfaced to whoever reads the body
        // An idle socket once the body streams fails the body stream, not the (settled) request.
        res.socket.setTimeout(idleTimeout, () => res.destroy(new SafeHttpTimeoutError(url, 'Data', idleTimeout)));
        resolve({ status: res.statusCode ?? 0, headers: res.headers, url, body: res });
      });
      req.end(init.body);
    });
  }
}

/** The server answered with a status that is not 2xx. `retryable` for 408, 429 and 5xx. */
export class SafeHttpStatusError extends Error {
  readonly retryable: boolean;
  constructor(
    url: string,
    readonly status: number,
  ) {
    super(`GET ${redact(url)} answered ${status}`);
    this.name = 'SafeHttpStatusError';
    this.retryable = status === 408 || status === 429 || status >= 500;
  }
}

/** Node wraps lookup errors of `autoSelectFamily` connects in an AggregateError; keep ours visible. */
function unwrap(error: Error): Error {
  if (error instanceof UnsafeUrlError) return error;
  const inner = (error as { errors?: unknown[] }).errors?.find((e) => e instanceof UnsafeUrlError);
  return (inner as Error | undefined) ?? error;
}
