// The published types and manifest: a consumer file compiles with `tsc --noEmit --strict` (and its
// marked misuses are errors); the dataset types say what the JSON Schema says (fields, required ones,
// word lists); the Custom Elements Manifest declares what the element really has (attributes, members,
// events) and what the declarations declare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { TOP } from './helpers.mjs';

const DTS = join(TOP, 'www/reported-figures.d.ts');
const read = (p) => readFileSync(join(TOP, p), 'utf8');

test('a consumer compiles against the types with tsc --strict, and its misuses do not', () => {
  const tsc = join(TOP, 'node_modules/.bin/tsc');
  try {
    execFileSync(tsc, ['-p', join(TOP, 'tests/types/tsconfig.json')], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

/** The interfaces and type aliases of the declaration file: name → {fields: {name: {optional, type}}} or a union of words. */
function declarations() {
  const src = ts.createSourceFile(DTS, readFileSync(DTS, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = {};
  const words = (node) => (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t)) ? node.types.map((t) => t.literal.text) : null);
  for (const s of src.statements) {
    if (ts.isInterfaceDeclaration(s)) {
      const fields = {};
      for (const m of s.members) {
        if (ts.isPropertySignature(m)) fields[m.name.getText(src)] = { optional: !!m.questionToken, type: m.type.getText(src) };
      }
      out[s.name.text] = { fields };
    } else if (ts.isTypeAliasDeclaration(s) && words(s.type)) out[s.name.text] = { words: words(s.type) };
  }
  return out;
}

test('the dataset types say what the JSON Schema says', () => {
  const schema = JSON.parse(read('www/dataset.schema.json'));
  const d = declarations();
  const objects = {
    Dataset: schema,
    Article: schema.properties.article,
    Source: schema.properties.sources.items,
    Figure: schema.properties.figures.items,
    Chart: schema.properties.charts.items,
  };
  const tsType = (prop) => {
    const def = prop.$ref ? schema.$defs[prop.$ref.split('/').pop()] : prop;
    if (prop.enum) return 'enum';
    if (def.type === 'array') return def.items.$ref || def.items.type === 'string' ? 'string[]' : 'array';
    return def.type;
  };
  for (const [name, obj] of Object.entries(objects)) {
    const fields = d[name]?.fields;
    assert.ok(fields, `${name} is declared`);
    assert.deepEqual(Object.keys(fields).sort(), Object.keys(obj.properties).sort(), `${name}: the same fields`);
    for (const [field, prop] of Object.entries(obj.properties)) {
      const required = (obj.required || []).includes(field);
      assert.equal(!fields[field].optional, required, `${name}.${field}: required in both or neither`);
      const t = tsType(prop);
      const declared = fields[field].type;
      if (t === 'enum') {
        const alias = d[declared]?.words;
        assert.deepEqual(alias, prop.enum, `${name}.${field}: the same words`);
      } else if (t === 'string' || t === 'number') assert.equal(declared, t, `${name}.${field}`);
      else if (t === 'string[]') assert.equal(declared, 'string[]', `${name}.${field}`);
      else assert.ok(/^[A-Z]\w*(\[\])?$/.test(declared), `${name}.${field}: an object type, got ${declared}`);
    }
  }
});

test('the Custom Elements Manifest declares what the element has', () => {
  const manifest = JSON.parse(read('www/custom-elements.json'));
  const js = read('www/reported-figures.js');
  const [mod] = manifest.modules;
  assert.equal(mod.path, 'reported-figures.js');
  const el = mod.declarations.find((x) => x.customElement);
  assert.equal(el.tagName, 'reported-figures');
  assert.match(js, new RegExp(`customElements\\.define\\('${el.tagName}', ${el.name}\\)`));
  // Attributes: those the element observes, and the height it reads.
  const observed = JSON.parse(js.match(/static observedAttributes = (\[[^\]]*\])/)[1].replace(/'/g, '"'));
  assert.deepEqual(el.attributes.map((a) => a.name).sort(), [...observed, 'height'].sort());
  for (const a of el.attributes) assert.match(js, new RegExp(`getAttribute\\('${a.name}'\\)`), a.name);
  // Members: each is in the element's source and in the declaration file's class, and the class has no others.
  const dts = read('www/reported-figures.d.ts');
  const cls = dts.slice(dts.indexOf('export class ReportedFigures'), dts.indexOf('export function validate'));
  const declared = new Set([...cls.matchAll(/^ {2}(?:static |readonly |get |set )*(\w+)[(:<]/gm)].map((m) => m[1]));
  declared.delete('addEventListener');
  declared.delete('removeEventListener');
  declared.delete('observedAttributes');
  assert.deepEqual(el.members.map((m) => m.name).sort(), [...declared].sort());
  for (const m of el.members) {
    const pattern = m.kind === 'method' ? `(static |async )?${m.name}\\(` : `get ${m.name}\\(\\)`;
    assert.match(js, new RegExp(`^ {2}${pattern}`, 'm'), `${m.name} is in the element`);
  }
  // Events: each is dispatched by the element and typed in the event map.
  const dispatched = [...js.matchAll(/new CustomEvent\('([\w:-]+)'/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(dispatched)].sort(), el.events.map((e) => e.name).sort());
  for (const e of el.events) assert.ok(dts.includes(`'${e.name}': ${e.type.text};`), e.name);
  // Every export of the module is declared.
  const exported = [...js.matchAll(/^export (?:async )?(?:const|function|class) (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(mod.exports.filter((e) => e.kind === 'js').map((e) => e.name).sort(), exported);
  for (const name of exported) assert.match(dts, new RegExp(`export (const|function|class) ${name}\\b`), name);
});
