// The example host page listens to the element's event, as a docs page might.
document.getElementById('full')?.addEventListener('labelcost-change', (event) => {
  const out = document.getElementById('heard');
  if (out) out.textContent = `total ${/** @type {CustomEvent<import('./types.js').Result>} */ (event).detail.total} ${/** @type {CustomEvent<import('./types.js').Result>} */ (event).detail.currency}`;
});
