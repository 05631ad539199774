// `topgen generate --watch`: the docs, specs and templates folders and the config are watched; changes are
// gathered for a short while (debounced), then a changed doc page is parsed into its spec and the SDK is
// generated (incrementally: only the APIs whose specs changed are rebuilt; a template change rebuilds all). A
// changed config is read again. Bad input is reported by `onError` and the watch goes on.

import { existsSync, readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, join, resolve } from "node:path";
import { CONFIG_FILE, loadConfig, type Config } from "../config/config.js";
import { buildSpecs, parseDocs, writeSpecs } from "./project.js";

export interface WatchOptions {
  /** Builds the SDK from the config's specs (the CLI's generate, with its output). */
  generate: (config: Config) => Promise<void>;
  onError: (e: unknown) => void;
  log: (line: string) => void;
  debounceMs?: number;
}

export interface Watch {
  close(): void;
}

export function watchProject(initial: Config, options: WatchOptions): Watch {
  let config = initial;
  let watchers: FSWatcher[] = [];
  const changed = new Set<string>();
  /** Spec texts this watch wrote: their own change events are not changes. */
  const ours = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void cycle(), options.debounceMs ?? 150);
  };
  const watchDir = (dir: string, filter: (file: string) => boolean = () => true) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    // Not recursive: Node 20's recursive watch on Linux misses new files; the folders topgen reads are flat.
    const w = watch(dir, (_event, name) => {
      if (name === null) return;
      const file = join(dir, name.toString());
      if (basename(file).startsWith(".") || !filter(file)) return;
      changed.add(file);
      schedule();
    });
    w.on("error", () => {});
    watchers.push(w);
  };
  const arm = () => {
    for (const w of watchers) w.close();
    watchers = [];
    watchDir(config.docs);
    watchDir(config.specs, (f) => f.endsWith(".json"));
    watchDir(config.templates);
    watchDir(config.root, (f) => f === join(config.root, CONFIG_FILE));
  };

  const cycle = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      await running;
      return schedule();
    }
    const files = [...changed];
    changed.clear();
    const task = (async () => {
      try {
        if (files.includes(join(config.root, CONFIG_FILE))) {
          config = loadConfig(config.root);
          arm();
          options.log(`topgen: ${CONFIG_FILE} read again`);
        }
        const pages = files.filter((f) => isUnder(config.docs, f));
        if (pages.some((f) => !existsSync(f))) {
          // A page removed: its spec goes too, as `build` does it.
          remember(buildSpecs(config).written);
        } else {
          const present = pages.filter((f) => statSync(f).isFile());
          if (present.length) {
            const specs = parseDocs(present, config);
            writeSpecs(specs, config.specs);
            for (const [name, text] of specs) ours.set(join(config.specs, name), text);
          }
        }
        // Only the specs this watch just wrote: the SDK was generated from them already.
        const onlyOurs = pages.length === 0 && files.every((f) => isUnder(config.specs, f) && isOurs(f));
        if (!onlyOurs) await options.generate(config);
      } catch (e) {
        options.onError(e);
      }
    })();
    // Set after the task is made: a task that fails before its first await has already finished by then.
    running = task;
    await task;
    running = undefined;
  };

  const remember = (written: string[]) => {
    for (const name of written) {
      const file = join(config.specs, name);
      ours.set(file, readFileSync(file, "utf8"));
    }
  };
  const isOurs = (file: string): boolean => {
    const text = ours.get(file);
    if (text === undefined) return false;
    try {
      return readFileSync(file, "utf8") === text;
    } catch {
      return false;
    }
  };

  arm();
  running = (async () => {
    try {
      await options.generate(config);
    } catch (e) {
      options.onError(e);
    }
  })();
  void running.then(() => {
    running = undefined;
    options.log(
      `topgen: watching ${[config.docs, config.specs, config.templates].map((d) => basename(d)).join(", ")} and ${CONFIG_FILE} (Ctrl-C ends)`,
    );
  });
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

function isUnder(dir: string, file: string): boolean {
  const d = resolve(dir);
  return resolve(file).startsWith(d + "/") || resolve(file).startsWith(d + "\\");
}
