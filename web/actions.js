// What the toolbar's actions do: share links, downloads and files opened,
// the Embed and link dialogs, and reset. Each reaches the calculator only
// through its context. This module loads with the first action used, and the
// code for files, links and dialogs when it is needed.

const exporting = () => import('./exporting.js');
const linking = () => import('./link.js');
const snippets = () => import('./snippets.js');

/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').RateCard} RateCard */

/**
 * @param {import('./app.js').Context} ctx
 * @param {{root: HTMLElement, siteUrl: string, lastResult: () => Result|null, reset?: () => void,
 *   importInput: HTMLInputElement}} page
 *   where the calculator is, the page its links open, the estimate on screen, what Reset does
 *   besides, and the file input that Open JSON uses
 */
export function createActions(ctx, { root, siteUrl, lastResult, reset, importInput }) {
  const { state } = ctx;
  const linkFor = async () => new URL(`#${await (await linking()).encodeScenario(ctx.scenario())}`, siteUrl).href;

  /**
   * @param {string} title
   * @param {{label: string, hint?: string, text: string, rows?: number}[]} blocks
   */
  async function showDialog(title, blocks) {
    (await snippets()).openDialog(root, title, blocks, (label) => ctx.say(`${label} copied.`));
  }

  async function copyLink() {
    const [url, { isLocalAddress }] = await Promise.all([linkFor(), snippets()]);
    const local = isLocalAddress(url);
    try {
      await navigator.clipboard.writeText(url);
      ctx.say(local ? 'Link copied. It opens only on this computer, where this file is; publish labelcost to share links.'
        : 'Link copied: it opens this scenario, with these numbers, for anyone.');
    } catch {
      showDialog('Link to this scenario', [{ label: 'Link', text: url, hint: local ? 'This link opens only on this computer.' : '' }]);
    }
  }

  async function shareLink() {
    try {
      await navigator.share({ title: state.name || 'labelcost estimate', url: await linkFor() });
    } catch {
      // dismissed
    }
  }

  async function embed() {
    const [{ embedSnippets }, { encodeScenario }] = await Promise.all([snippets(), linking()]);
    const scenario = ctx.scenario();
    showDialog('Embed this calculator', embedSnippets({ scenario, siteUrl, fragment: await encodeScenario(scenario), title: state.name }));
  }

  // Downloads: the estimate as CSV or JSON, the prices in use as a rate card.
  async function exportCsv() {
    const { estimateCsv, download, fileStem } = await exporting();
    const result = lastResult();
    if (result) download(`${fileStem(state.name)}.csv`, estimateCsv(result), 'text/csv');
  }

  async function exportJson() {
    const { estimateJson, download, fileStem } = await exporting();
    const result = lastResult();
    if (result) download(`${fileStem(state.name)}.json`, estimateJson(/** @type {Scenario} */ (ctx.scenario()), result), 'application/json');
  }

  async function exportCard() {
    const { ownCardText, ownCardId, download, fileStem } = await exporting();
    const card = /** @type {RateCard} */ (ctx.card());
    const own = !!ctx.ownCard();
    download(`${fileStem(own ? card.id : ownCardId(card.id))}.json`, ownCardText(card, !own), 'application/json');
    ctx.say('Downloaded these prices as a rate card: change its prices, then open it here with Open JSON.');
  }

  // A scenario or a rate card from a file, all or nothing: a file the engine
  // refuses changes nothing.
  async function importFile() {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    const [{ importedScenario, importedCard, ownCardId }] = await Promise.all([exporting(), ctx.wordsLoaded()]);
    const text = await file.text();
    const card = importedCard(text);
    if (card) {
      useOwnCard(card, file.name, ownCardId);
      return;
    }
    let next;
    try {
      next = importedScenario(text);
    } catch (error) {
      ctx.say(`${file.name} was not opened. ${/** @type {Error} */ (error).message} The scenario on screen is unchanged.`, { error: true });
      return;
    }
    const problems = ctx.refusal(next);
    if (problems) {
      ctx.say(`${file.name} was not opened. ${problems} The scenario on screen is unchanged.`, { error: true });
      return;
    }
    if (ctx.load(next, { label: `Open ${file.name}` })) ctx.say(`Opened ${file.name}.`, { undo: true });
  }

  // Your own prices: the scenario priced with a card of its own, or not at all.
  /**
   * @param {NonNullable<ReturnType<import('./exporting.js').importedCard>>} card  not yet checked by the engine
   * @param {string} fileName
   * @param {(id: string) => string} ownCardId
   */
  function useOwnCard(card, fileName, ownCardId) {
    let renamed = '';
    if (typeof card.id === 'string' && ctx.cardById(card.id)) {
      renamed = ` Its id "${card.id}" is a bundled card's, so it is used as "${ownCardId(card.id)}".`;
      card.id = ownCardId(card.id);
    }
    if (Array.isArray(card.aliases)) card.aliases = card.aliases.filter((a) => !ctx.cardById(a));
    delete card.default;
    const problems = ctx.refusal({ ...ctx.scenario(), rates: card });
    if (problems) {
      ctx.say(`The prices in ${fileName} were not used. ${problems} The prices on screen are unchanged.`, { error: true });
      return;
    }
    ctx.useOwnCard(/** @type {import('./app.js').PageCard} */ (card)); // the engine has just accepted it
    ctx.say(`Using your prices from ${fileName}: ${card.title}.${renamed}`, { undo: true });
  }

  return {
    copyLink,
    share: shareLink,
    embed,
    exportCsv,
    exportJson,
    exportCard,
    importFile,
    reset: () => {
      reset?.();
      if (ctx.load(ctx.defaultScenario(), { label: 'Reset' })) ctx.say('Reset to the default scenario.', { undo: true });
    },
  };
}
