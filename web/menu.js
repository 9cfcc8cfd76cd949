// A menu button: one button that opens a short list of actions. Keyboard:
// Enter, Space or ArrowDown open it on the first action, ArrowUp on the last;
// arrows move, Home and End jump, Escape closes and returns to the button,
// Tab closes and moves on. (WAI-ARIA Authoring Practices, menu button.)
import { h, uid } from './dom.js';

/**
 * @param {string} label  the button's text
 * @param {{text: string, onselect: () => void, dataset?: object, hidden?: boolean, separated?: boolean}[]} actions
 * @returns {HTMLElement}
 */
export function menuButton(label, actions) {
  const id = uid('menu');
  const button = h('button', { type: 'button', class: 'menu-button', id: `${id}-button`, 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id, text: `${label} ▾` });
  const items = actions.filter((a) => !a.hidden).map((a) => h('button', {
    type: 'button', role: 'menuitem', tabindex: '-1', dataset: a.dataset, text: a.text, class: a.separated ? 'separated' : null,
    onclick: () => {
      close(false);
      a.onselect();
    },
  }));
  const list = h('div', { class: 'menu', id, role: 'menu', 'aria-labelledby': `${id}-button`, hidden: true }, items);
  const wrap = h('div', { class: 'menu-wrap' }, button, list);

  const isOpen = () => !list.hidden;
  function open(index = 0) {
    list.hidden = false;
    // Open towards the side that has room inside the calculator.
    list.classList.remove('to-left');
    const bounds = wrap.closest('.lc-app')?.getBoundingClientRect();
    if (bounds && list.getBoundingClientRect().right > bounds.right) list.classList.add('to-left');
    button.setAttribute('aria-expanded', 'true');
    items[(index + items.length) % items.length]?.focus();
  }
  function close(refocus = true) {
    if (!isOpen()) return;
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  }
  button.addEventListener('click', () => (isOpen() ? close() : open()));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open(e.key === 'ArrowDown' ? 0 : -1);
    }
  });
  list.addEventListener('keydown', (e) => {
    const at = items.indexOf(/** @type {HTMLButtonElement} */ (e.target));
    const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (go !== undefined) {
      e.preventDefault();
      items[(go + items.length) % items.length].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      close(false);
    }
  });
  wrap.addEventListener('focusout', (e) => {
    if (!wrap.contains(/** @type {Node} */ (e.relatedTarget))) close(false);
  });
  return wrap;
}
