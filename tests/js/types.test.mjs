// web/types.js (the JSDoc the package's .d.ts files are generated from)
// says what rates/schema/scenario.schema.json says: the same tasks,
// workforces and item kinds, and each kind of item with the same fields.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const types = readFileSync(path.join(root, 'web/types.js'), 'utf8');
const schema = JSON.parse(readFileSync(path.join(root, 'rates/schema/scenario.schema.json'), 'utf8'));

/**
 * The string literals of a one-line-or-more `@typedef {'a' | 'b'} Name`.
 * @param {string} name
 */
function literals(name) {
  const m = new RegExp(`@typedef \\{([^{}]*?)\\} ${name}\\b`).exec(types);
  assert.ok(m, `no typedef ${name} in web/types.js`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

/** The property names of each `@typedef {Object} Name` block with a literal kind, by kind. */
function itemFields() {
  const fields = new Map();
  for (const block of types.split('/**').slice(1)) {
    if (!/@typedef \{Object\} \w+Item\b/.test(block)) continue;
    const kind = /@property \{'([\w-]+)'\} kind/.exec(block)?.[1];
    assert.ok(kind, `an item typedef without a literal kind:\n${block}`);
    fields.set(kind, [...block.matchAll(/@property \{[^}]*(?:\}[^}]*)*?\} \[?(\w+)\]?/g)].map((x) => x[1]).sort());
  }
  return fields;
}

describe('types', () => {
  test('the tasks and workforces are the schema\'s', () => {
    assert.deepEqual(literals('Task'), schema.$defs.bundled_task.enum);
    assert.deepEqual(literals('Workforce'), schema.$defs.bundled_workforce.enum);
  });

  test('the item kinds are the schema\'s, in its order', () => {
    assert.deepEqual(literals('ItemKind'), schema.properties.items.items.oneOf.map((/** @type {{properties: {kind: {const: string}}}} */ o) => o.properties.kind.const));
  });

  test('each kind of item has the schema\'s fields', () => {
    const fields = itemFields();
    const kinds = schema.properties.items.items.oneOf;
    assert.equal(fields.size, kinds.length);
    for (const kind of kinds) {
      const name = kind.properties.kind.const;
      assert.deepEqual(fields.get(name), Object.keys(kind.properties).sort(), name);
    }
  });

  test('the scenario has the schema\'s fields', () => {
    const block = /** @type {string} */ (types.split('/**').find((b) => /@typedef \{Object\} Scenario\b/.test(b)));
    const names = [...block.matchAll(/@property \{[^}]*\} \[?(\w+)\]?/g)].map((x) => x[1]).sort();
    assert.deepEqual(names, Object.keys(schema.properties).sort());
  });
});
