/**
 * The queue's address: `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). Parsed once
 * here into connection options for ioredis and BullMQ, and redacted here: every message, log line,
 * manifest field or report that names a queue goes through `redactQueueUrl`, so no password is ever
 * printed or stored.
 */
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { NnmotifsError } from "../core/errors.js";

/** Environment variable naming a PEM file of the CA that signed the Redis server's certificate. */
export const REDIS_CA_ENV = "NNMOTIFS_REDIS_CA";

export interface QueueConnection {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /**
   * TLS (rediss://): the platform's trusted certificates, or the CA of NNMOTIFS_REDIS_CA (a PEM
   * file: a self-signed or private CA); the server name when the host is a name, not an address.
   */
  readonly tls?: { servername?: string; ca?: string };
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
  const tls = url.protocol === "rediss:" ? tlsOptions(host) : undefined;
  return {
    host,
    port,
    db,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(tls !== undefined ? { tls } : {}),
    display: `${url.protocol}//${username !== undefined ? `${username}${password !== undefined ? ":***" : ""}@` : password !== undefined ? ":***@" : ""}${url.host}/${db}`,
  };
}

/** TLS options of rediss://host: SNI for a host name, the CA of NNMOTIFS_REDIS_CA if set. */
function tlsOptions(host: string): { servername?: string; ca?: string } {
  const file = process.env[REDIS_CA_ENV];
  let ca: string | undefined;
  if (file !== undefined && file !== "") {
    try {
      ca = readFileSync(file, "utf8");
    } catch (error) {
      throw new NnmotifsError(
        `cannot read the CA file of ${REDIS_CA_ENV} "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      );
    }
    if (!ca.includes("-----BEGIN CERTIFICATE-----")) {
      throw new NnmotifsError(
        `the CA file of ${REDIS_CA_ENV} "${file}" holds no PEM certificate. Should be the CA that signed the Redis server's certificate.`,
      );
    }
  }
  return {
    ...(isIP(host) === 0 ? { servername: host } : {}),
    ...(ca !== undefined ? { ca } : {}),
  };
}

/** ioredis options of a connection; `maxRetriesPerRequest: null` is what BullMQ workers require. */
export function redisOptions(c: QueueConnection): {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: { servername?: string; ca?: string };
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
