// The embed snippets (web/snippets.js), run directly under Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSnippets } from '../../web/snippets.js';

const scenario = { labelcost: 1, name: 'Q3 <pilot> & "the rest"', items: [{ kind: 'fixed', name: "it's", amount: 5 }] };

// The attributes of the first `tag` in `html`, read as a browser reads them.
function attributes(html, tag) {
  const decode = (v) => v.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  const attribute = /([^\s"'=>]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/y;
  const found = {};
  let i = html.indexOf(`<${tag}`) + tag.length + 1;
  for (;;) {
    while (/\s/.test(html[i])) i++;
    if (html[i] === '>' || i >= html.length) return found;
    attribute.lastIndex = i;
    const m = attribute.exec(html);
    assert.ok(m, `cannot read <${tag}> at ${html.slice(i)}`);
    found[m[1]] = decode(m[2] ?? m[3] ?? m[4] ?? '');
    i = attribute.lastIndex;
  }
}

test('snippets: every attribute holds exactly its value, whatever the scenario\'s name', () => {
  const [element, frame] = embedSnippets({ scenario, siteUrl: 'https://labelcost.example/calc/index.html', fragment: 's=1.abc', title: scenario.name });
  assert.deepEqual(JSON.parse(attributes(element.text, 'labelcost-calculator').scenario), scenario);
  const iframe = attributes(frame.text, 'iframe');
  assert.equal(iframe.title, scenario.name);
  assert.equal(iframe.src, 'https://labelcost.example/calc/index.html?embed=1#s=1.abc');
  assert.ok(!('onload' in iframe));
  // Nothing of the name gets out of its attribute.
  const hostile = '" onload="alert(1)';
  const [, broken] = embedSnippets({ scenario, siteUrl: 'https://labelcost.example/', fragment: 's=1.abc', title: hostile });
  assert.deepEqual(Object.keys(attributes(broken.text, 'iframe')), ['src', 'data-labelcost', 'title', 'width', 'height', 'loading']);
  assert.equal(attributes(broken.text, 'iframe').title, hostile);
});

test('snippets: the scenario\'s JSON stays readable in its attribute', () => {
  const [element] = embedSnippets({ scenario: { labelcost: 1, items: [] }, siteUrl: 'https://labelcost.example/', fragment: 's=1.abc' });
  assert.ok(element.text.includes(`scenario='{"labelcost":1,"items":[]}'`), element.text);
});
