/**
 * The queue's address: `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). Parsed once
 * here into connection options for ioredis and BullMQ, and redacted here: every message, log line,
 * manifest field or report that names a queue goes through `redactQueueUrl`, so no password is ever
 * printed or stored.
 */
import { NnmotifsError } from "../core/errors.js";

export interface QueueConnection {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /** TLS (rediss://): ioredis takes `tls: {}` for the platform's trusted certificates. */
  readonly tls?: { servername: string };
  /** The address without its password, for messages. */
  readonly display: string;
}

/** The default Redis port. */
const REDIS_PORT = 6379;

/**
 * A URL with its password (and any `password=` query parameter) replaced by `***`; a redis URL's
 * lone user part is a password too (`redis://secret@host`). Works on any text: a message that
 * embeds a URL is redacted too, whatever its scheme.
 */
export function redactQueueUrl(text: string): string {
  return text
    .replace(
      /([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]*):([^@/\s]*)@/gi,
      (_m, scheme: string, user: string) =>
        user === "" ? `${scheme}:***@` : `${scheme}${user}:***@`,
    )
    .replace(/(rediss?:\/\/)([^:@/\s*]+)@/gi, "$1***@")
    .replace(/([?&]password=)[^&\s]*/gi, "$1***");
}

/** Parse `--queue`; bad input is one clear line (exit code 2) that shows no password. */
export function parseQueueUrl(text: string): QueueConnection {
  const shown = redactQueueUrl(text);
  const bad = (why: string): NnmotifsError =>
    new NnmotifsError(
      `invalid --queue "${shown}": ${why}. Should be redis://[user:password@]host:port[/db] or rediss://… (TLS).`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad("not a URL");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw bad("not redis:// or rediss://");
  if (url.hostname === "") throw bad("no host");
  const port = url.port === "" ? REDIS_PORT : Number(url.port);
  const path = url.pathname.replace(/^\//, "");
  if (path !== "" && !/^\d+$/.test(path)) throw bad(`database "${path}" is not a number`);
  const db = path === "" ? 0 : Number(path);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const username = url.username === "" ? undefined : decodeURIComponent(url.username);
  const password =
    url.password !== ""
      ? decodeURIComponent(url.password)
      : (url.searchParams.get("password") ?? undefined);
  const tls = url.protocol === "rediss:";
  return {
    host,
    port,
    db,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(tls ? { tls: { servername: host } } : {}),
    display: `${url.protocol}//${username !== undefined ? `${username}${password !== undefined ? ":***" : ""}@` : password !== undefined ? ":***@" : ""}${url.host}/${db}`,
  };
}

/** ioredis options of a connection; `maxRetriesPerRequest: null` is what BullMQ workers require. */
export function redisOptions(c: QueueConnection): {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: { servername: string };
  maxRetriesPerRequest: null;
} {
  return {
    host: c.host,
    port: c.port,
    db: c.db,
    ...(c.username !== undefined ? { username: c.username } : {}),
    ...(c.password !== undefined ? { password: c.password } : {}),
    ...(c.tls !== undefined ? { tls: c.tls } : {}),
    maxRetriesPerRequest: null,
  };
}

/** The BullMQ queue every nnmotifs job goes through; studies are kept apart by job ids and keys. */
export const QUEUE_NAME = "nnmotifs";
