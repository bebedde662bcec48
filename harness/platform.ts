/**
 * The platform's Request, Response and Headers, as they were before msw's interception replaced
 * the globals with proxies that record raw header names (a second parse of every header list).
 * What the harness builds for itself never needs that record: an intercepted node:http client
 * then reads header names lower-cased, as the loopback server sends them.
 */
export const { Request: PlatformRequest, Response: PlatformResponse, Headers: PlatformHeaders } = globalThis;
