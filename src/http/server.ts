// Starts and stops the HTTP server (Hono on Node's http server).
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Logger } from "../logger.js";
import type { ExtraRoutes } from "./app.js";

export type HttpServer = {
  port: number;
  /**
   * Stops accepting connections, ends long-lived responses (extra routes' `close`), waits up to
   * `graceMs` for requests in progress (a webhook update being handled), then drops the rest.
   */
  close(graceMs?: number): Promise<void>;
};

export const startHttpServer = async (
  app: Hono,
  options: { port: number; hostname?: string; logger: Logger; extraRoutes?: ExtraRoutes[] },
): Promise<HttpServer> => {
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? "0.0.0.0" }, () =>
      resolve(created as Server),
    ) as Server;
    created.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, "http server listening");

  let closing: Promise<void> | undefined;
  const close = (graceMs = 5000): Promise<void> => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all((options.extraRoutes ?? []).map((r) => r.close?.().catch(() => undefined)));
      // Keep-alive connections become idle as their last response ends; close them as they do.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([closed, late]);
      clearTimeout(timer);
      clearInterval(sweep);
      server.closeAllConnections();
      await closed;
    })();
    return closing;
  };
  return { port, close };
};
