// What the store tests that watch contest events share: per test a Redis prefix, a store on it and a
// subscription to its contest events, closed afterwards. Call inside a describe block; the getters
// are valid inside its tests.
import { afterEach, beforeEach } from "vitest";
import { Redis } from "ioredis";
import { createStore, type Store } from "../../src/store/store.js";
import { subscribeContestEvents, type ContestEvent, type ContestEventSubscription } from "../../src/store/events.js";
import { testRedis, type TestRedis } from "../support/redis.js";

export interface ContestEventsWatch {
  readonly r: TestRedis;
  readonly store: Store;
  /** The events received so far and not yet taken. */
  seen: ContestEvent[];
  /** Resolves once `received(seen)` holds, checked now and on every event. */
  until<T>(received: (seen: ContestEvent[]) => T | undefined): Promise<T>;
}

export function watchContestEvents(): ContestEventsWatch {
  let r: TestRedis;
  let store: Store;
  let subscription: ContestEventSubscription;
  let waiters: Array<() => void>;
  const watch = {
    get r() {
      return r;
    },
    get store() {
      return store;
    },
    seen: [] as ContestEvent[],
    until: <T>(received: (seen: ContestEvent[]) => T | undefined) =>
      new Promise<T>((resolve) => {
        const check = () => {
          const got = received(watch.seen);
          if (got !== undefined) resolve(got);
        };
        waiters.push(check);
        check();
      }),
  };

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    watch.seen = [];
    waiters = [];
    subscription = await subscribeContestEvents(new Redis(r.url), r.prefix, (event) => {
      watch.seen.push(event);
      for (const wake of waiters) wake();
    });
  });
  afterEach(async () => {
    await subscription.close();
    await r.cleanup();
  });
  return watch;
}
