// Preloaded into Prism (`node --require`) by scripts/mock.mjs and tests/support/prism-guard.cjs: Prism's example
// generator requires @faker-js/faker at start-up, and faker 6's CommonJS index builds all of its 58 locales then,
// about a CPU-second on every Prism start; yet Prism only calls faker to generate dynamic examples (`--dynamic`, `Prefer: dynamic=true`). Here that
// require answers a stand-in that loads the real faker on first use and hands everything on to it, so a Prism
// that never generates a dynamic example never loads it, and one that does gets the very same faker.
'use strict';
const Module = require('node:module');

const FAKER = '@faker-js/faker';
const load = Module._load;

Module._load = function loadWithLazyFaker(request, parent, isMain) {
  if (request !== FAKER) return load.call(this, request, parent, isMain);
  let real;
  const module = () => (real ??= load.call(this, request, parent, isMain));
  // The faker instance, used through its properties (`faker.lorem.word()`): each one read from the real instance
  // (methods bound to it), written to it, and looked up in it.
  const instance = new Proxy(
    {},
    {
      get(_target, key) {
        const target = module().faker;
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
      set: (_target, key, value) => Reflect.set(module().faker, key, value),
      has: (_target, key) => Reflect.has(module().faker, key),
    },
  );
  // The module's exports: `faker` and `default` are the instance (as in faker's own index), the rest is read on use.
  return new Proxy(
    {},
    {
      get: (_target, key) => (key === 'faker' || key === 'default' ? instance : Reflect.get(module(), key)),
      has: (_target, key) => Reflect.has(module(), key),
    },
  );
};
