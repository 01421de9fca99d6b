// autocannon ships no type declarations: the part of its API the bench uses (options, per-request hooks, the result).
declare module 'autocannon' {
  /** One request of the `requests` sequence; setupRequest/onResponse get the connection's own context object. */
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    setupRequest?(request: Request, context: Record<string, unknown>): Request;
    onResponse?(status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>): void;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: Request[];
    /** Called with each connection's client; its 'response' event gives (status, bytes, latency in ms). */
    setupClient?(client: Client): void;
  }

  export interface Client {
    on(event: 'response', listener: (statusCode: number, bytes: number, responseTime: number) => void): void;
  }

  export interface Result {
    /** Seconds. */
    duration: number;
    /** Milliseconds. */
    latency: { p50: number; p99: number };
    requests: { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
  }

  export default function autocannon(options: Options): Promise<Result>;
}
