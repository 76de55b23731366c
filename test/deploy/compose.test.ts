// Static checks of the deployment files (no Docker engine needed).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { CJK_FAMILIES } from "../../src/bot/qr-sheet.js";

const ServiceSchema = z.object({
  image: z.string().optional(),
  build: z.union([z.string(), z.object({ context: z.string() }).loose()]).optional(),
  command: z.union([z.string(), z.array(z.string())]).optional(),
  env_file: z.union([z.string(), z.array(z.string())]).optional(),
  environment: z.union([z.record(z.string(), z.union([z.string(), z.number()])), z.array(z.string())]).optional(),
  depends_on: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
  volumes: z.array(z.string()).optional(),
  restart: z.string().optional(),
  healthcheck: z.object({ test: z.union([z.string(), z.array(z.string())]) }).loose().optional(),
}).loose();

const ComposeSchema = z.object({
  services: z.record(z.string(), ServiceSchema),
  volumes: z.record(z.string(), z.unknown().nullable()).optional(),
});

const compose = ComposeSchema.parse(parse(readFileSync("docker-compose.yml", "utf8")));
const dockerfile = readFileSync("Dockerfile", "utf8");
const dockerignore = readFileSync(".dockerignore", "utf8").split("\n").map((l) => l.trim());

const asText = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join(" ") : (v ?? ""));
const envOf = (service: z.infer<typeof ServiceSchema>): Record<string, string> => {
  const env = service.environment;
  if (env === undefined) return {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((kv) => [kv.split("=")[0] ?? "", kv.split("=").slice(1).join("=")]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
};
/** Dockerfile instructions with line continuations joined. */
const instructions = dockerfile
  .replace(/\\\r?\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"));

describe("docker-compose.yml", () => {
  const bot = compose.services.bot;
  const redis = compose.services.redis;

  it("has a bot service built from the repo, configured from .env, talking to the redis service", () => {
    expect(bot).toBeDefined();
    const build = bot?.build;
    expect(typeof build === "string" ? build : build?.context).toBe(".");
    expect(asText(bot?.env_file)).toContain(".env");
    expect(envOf(bot ?? {}).REDIS_URL).toBe("redis://redis:6379");
    const dependsOn = bot?.depends_on;
    expect(Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn ?? {})).toContain("redis");
    expect(bot?.restart).toBe("unless-stopped");
  });

  it("runs Redis 7 with AOF persistence on a named volume and a ping healthcheck", () => {
    expect(redis?.image).toMatch(/^redis:7/);
    expect(asText(redis?.command)).toMatch(/--appendonly\s+yes/);
    expect(redis?.volumes).toContain("redis-data:/data");
    expect(Object.keys(compose.volumes ?? {})).toContain("redis-data");
    expect(asText(redis?.healthcheck?.test)).toContain("redis-cli ping");
  });
});

describe("Dockerfile", () => {
  const froms = instructions.filter((l) => /^FROM\s/i.test(l));

  it("is multi-stage on node:22-slim: build with dev deps, runtime with production deps only", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^FROM node:22-slim\b/);
    expect(froms[0]).toMatch(/\sAS\s+build$/i);
    expect(instructions).toContain("RUN npm run build");
    const runtimeStart = instructions.indexOf(froms.at(-1) ?? "");
    const runtime = instructions.slice(runtimeStart);
    expect(runtime.some((l) => /^RUN npm ci .*--omit=dev/.test(l))).toBe(true);
    expect(runtime.some((l) => /^COPY --from=build \/app\/dist /.test(l))).toBe(true);
    expect(runtime.some((l) => /^COPY locales /.test(l))).toBe(true);
  });

  it("runs as the non-root node user in production mode", () => {
    const runtime = instructions.slice(instructions.indexOf(froms.at(-1) ?? ""));
    expect(runtime).toContain("USER node");
    expect(runtime).toContain("ENV NODE_ENV=production");
    // The young generation `npm start` and the bench use too (README, Performance).
    expect(runtime).toContain("ENV NODE_OPTIONS=--max-semi-space-size=64");
    expect(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts.start).toBe("node --max-semi-space-size=64 dist/src/main.js");
    const user = runtime.indexOf("USER node");
    const cmd = runtime.findIndex((l) => l.startsWith("CMD "));
    expect(user).toBeLessThan(cmd);
  });

  it("starts the compiled bot and has a Node-based HEALTHCHECK on /healthz", () => {
    expect(instructions.at(-1)).toBe('CMD ["node", "dist/src/main.js"]');
    const health = instructions.find((l) => l.startsWith("HEALTHCHECK "));
    expect(health).toMatch(/CMD \["node", "-e", ".*\/healthz/);
    expect(health).not.toMatch(/curl|wget/);
  });

  it("installs a CJK font in the runtime image, one the QR sheets ask resvg for (test/bot/qr-sheet.test.ts draws with it alone)", () => {
    const runtime = instructions.slice(instructions.indexOf(froms.at(-1) ?? ""));
    const install = runtime.map((l) => l.replace(/\s+/g, " ")).find((l) => /^RUN apt-get update && apt-get install /.test(l));
    expect(install).toMatch(/apt-get install -y --no-install-recommends fonts-wqy-zenhei\b/);
    expect(install).toMatch(/&& rm -rf \/var\/lib\/apt\/lists\/\*$/);
    expect(runtime.findIndex((l) => l.includes("fonts-wqy-zenhei"))).toBeLessThan(runtime.indexOf("USER node"));
    expect(CJK_FAMILIES).toContain("WenQuanYi Zen Hei");
  });

  it(".dockerignore keeps secrets and local artefacts out of the context", () => {
    for (const entry of [".env", "node_modules", "dist", ".git"]) expect(dockerignore).toContain(entry);
  });
});
