// Alibaba Cloud's RPC request signature, version 1.0 (HMAC-SHA1), as their API documentation specifies:
// 1. percent-encode every parameter name and value (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay as they are;
//    a space is %20, never +), sort by name, and join as name=value with &: the canonicalized query string;
// 2. StringToSign = HTTPMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalized query string);
// 3. Signature = Base64(HMAC-SHA1(key = AccessKeySecret + "&", StringToSign as UTF-8)).
import { createHmac } from 'node:crypto';

export type RpcParams = Readonly<Record<string, string>>;

export function percentEncode(value: string): string {
  // encodeURIComponent leaves ! ' ( ) * alone; RFC 3986 unreserved characters are only A-Z a-z 0-9 - _ . ~
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Parameter names sorted by their code units: for the ASCII names Aliyun uses, the documented byte order. */
export function canonicalizedQuery(params: RpcParams): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name]!)}`)
    .join('&');
}

export function stringToSign(method: 'GET' | 'POST', params: RpcParams): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

/** The Signature parameter's value (before it is itself percent-encoded into the URL). */
export function rpcSignature(accessKeySecret: string, method: 'GET' | 'POST', params: RpcParams): string {
  return createHmac('sha1', `${accessKeySecret}&`)
    .update(stringToSign(method, params), 'utf8')
    .digest('base64');
}

/** The query string of a signed GET request: the Signature first, then the canonicalized parameters. */
export function signedQuery(accessKeySecret: string, params: RpcParams): string {
  return `Signature=${percentEncode(rpcSignature(accessKeySecret, 'GET', params))}&${canonicalizedQuery(params)}`;
}
