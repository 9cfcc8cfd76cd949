// Export what is on screen (CSV and JSON of the estimate) and import JSON.

/** The estimate as CSV, the same columns as `labelcost estimate --format csv`. */
export function estimateCsv(result) {
  const cell = (v, text) => {
    let s = v === undefined || v === null ? '' : String(v);
    // A spreadsheet would run a text cell that starts like a formula.
    if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [false, true, true, true, false, true, false, false, false, false];
  const line = (cells) => cells.map((c, i) => cell(c, text[i])).join(',');
  const lines = [line(['item', 'name', 'kind', 'part', 'quantity', 'unit', 'unit_price', 'cost', 'low', 'high'])];
  result.items.forEach((item, i) => {
    lines.push(line([i + 1, item.name, item.kind, '', '', '', '', item.cost, item.low, item.high]));
    for (const p of item.parts) lines.push(line([i + 1, item.name, item.kind, p.name, p.quantity, p.unit, p.unit_price, p.cost, '', '']));
  });
  lines.push(line(['', result.labor_excluded ? 'Total (excl. private labor)' : 'Total', 'total', '', '', '', '', result.total, result.low, result.high]));
  return lines.join('\r\n') + '\r\n';
}

/** The scenario and its estimate, as one JSON document that imports back. */
export function estimateJson(scenario, result) {
  return JSON.stringify({ labelcost_export: 1, exported: new Date().toISOString(), scenario, result }, null, 2) + '\n';
}

/**
 * A scenario from imported JSON text: an export of this page, or a bare
 * scenario. Throws an Error saying what is wrong.
 */
export function importedScenario(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`This file is not JSON: ${error.message}`);
  }
  const scenario = value && typeof value === 'object' && value.labelcost_export ? value.scenario : value;
  if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) throw new Error('This file holds no labelcost scenario.');
  if (scenario.labelcost !== 1) throw new Error(scenario.labelcost > 1 ? 'This scenario was written by a newer labelcost.' : 'This file holds no labelcost scenario (format 1).');
  if (!Array.isArray(scenario.items)) throw new Error('This scenario has no list of items.');
  return scenario;
}

/** Offers text as a file download. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a scenario name: "Computer vision startup" -> "computer-vision-startup". */
export function fileStem(name) {
  const stem = String(name ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'labelcost-estimate';
}
