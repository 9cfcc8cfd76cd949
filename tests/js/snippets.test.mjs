// The embed snippets (web/snippets.js), run directly under Node.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSnippets, isLocalAddress, PLACEHOLDER_HOST } from '../../web/snippets.js';

const scenario = { labelcost: 1, name: 'Q3 <pilot> & "the rest"', items: [{ kind: 'fixed', name: "it's", amount: 5 }] };

// The attributes of the first `tag` in `html`, read as a browser reads them.
/**
 * @param {string} html
 * @param {string} tag
 * @returns {Record<string, string>}
 */
function attributes(html, tag) {
  const decode = (/** @type {string} */ v) => v.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  const attribute = /([^\s"'=>]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/y;
  /** @type {Record<string, string>} */
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

describe('snippets', () => {
  test('every attribute holds exactly its value, whatever the scenario\'s name', () => {
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

  test('the scenario\'s JSON stays readable in its attribute', () => {
    const [element] = embedSnippets({ scenario: { labelcost: 1, items: [] }, siteUrl: 'https://labelcost.example/', fragment: 's=1.abc' });
    assert.ok(element.text.includes(`scenario='{"labelcost":1,"items":[]}'`), element.text);
  });

  test('they point beside the calculator\'s page', () => {
    const [element, frame] = embedSnippets({ scenario, siteUrl: 'https://someone.github.io/labelcost/index.html', fragment: 's=1.abc' });
    assert.equal(attributes(element.text, 'script').src, 'https://someone.github.io/labelcost/labelcost-embed.js');
    assert.equal(attributes(element.text, 'a').href, 'https://someone.github.io/labelcost/index.html#s=1.abc');
    assert.equal(attributes(frame.text, 'iframe').src, 'https://someone.github.io/labelcost/index.html?embed=1#s=1.abc');
    assert.equal(attributes(frame.text.slice(frame.text.indexOf('</iframe>')), 'script').src, 'https://someone.github.io/labelcost/labelcost-frame.js');
    for (const s of [element, frame]) assert.doesNotMatch(s.hint, /YOUR-HOST|only on this computer/);
  });

  test('from a file they name a placeholder and say where the files go', () => {
    const snippets = embedSnippets({ scenario, siteUrl: 'file:///home/me/Downloads/labelcost.html', fragment: 's=1.abc' });
    const [element, frame] = snippets;
    for (const s of snippets) {
      assert.doesNotMatch(s.text, /file:/);
      assert.match(s.hint, /^Host build\/site's files on your web server, then use this snippet with your address in place of https:\/\/YOUR-HOST\/\. /);
    }
    assert.equal(attributes(element.text, 'script').src, `${PLACEHOLDER_HOST}labelcost-embed.js`);
    assert.equal(attributes(element.text, 'a').href, `${PLACEHOLDER_HOST}index.html#s=1.abc`);
    assert.equal(attributes(frame.text, 'iframe').src, `${PLACEHOLDER_HOST}index.html?embed=1#s=1.abc`);
    // A server on this machine: the snippets work here, and say they work only here.
    const [local] = embedSnippets({ scenario, siteUrl: 'http://127.0.0.1:8000/', fragment: 's=1.abc' });
    assert.equal(attributes(local.text, 'script').src, 'http://127.0.0.1:8000/labelcost-embed.js');
    assert.match(local.hint, /^These addresses open only on this computer/);
  });

  test('isLocalAddress tells addresses that open only on this computer', () => {
    for (const url of ['file:///home/me/labelcost.html', 'file:///C:/Users/me/labelcost.html', 'blob:http://127.0.0.1:8000/0e7f',
      'http://localhost:8000/#s=1.abc', 'https://app.localhost/', 'http://127.0.0.1/', 'http://127.1.2.3:9/x', 'http://[::1]:8000/', 'http://0.0.0.0:8000/']) {
      assert.equal(isLocalAddress(url), true, url);
      assert.equal(isLocalAddress(new URL(url)), true, url);
    }
    for (const url of ['https://someone.github.io/labelcost/#s=1.abc', 'http://192.168.1.20:8000/', 'https://localhost.example/',
      'https://127.0.0.1.example/', 'data:text/html,x', 'mailto:a@b.example', 'not a url', '', undefined]) {
      assert.equal(isLocalAddress(/** @type {string} */ (/** @type {unknown} */ (url))), false, String(url));
    }
  });
});
