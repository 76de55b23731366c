// The keys of a locale's texts, read from its Fluent files.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

// A locale's texts are locales/<locale>.ftl plus every locales/<locale>/*.ftl (one file per feature).
export const filesOf = (locale: string): string[] => {
  const dir = join("locales", locale);
  const extra = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".ftl")).map((name) => join(dir, name)) : [];
  return [join("locales", `${locale}.ftl`), ...extra];
};

export const keysOf = (locale: string): Set<string> => {
  const keys = filesOf(locale).flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((line) => /^([a-z][a-z0-9-]*)\s*=/.exec(line)?.[1])
      .filter((key): key is string => !!key),
  );
  const duplicated = keys.filter((key, i) => keys.indexOf(key) !== i);
  if (duplicated.length > 0) throw new Error(`${locale}: keys defined twice: ${duplicated.join(", ")}`);
  return new Set(keys);
};
