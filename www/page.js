// The page: loads the wasm module and shows the built-in dataset's figures as a table.
// Text goes into the DOM only through textContent.
import init, { tableRows } from './pkg/reported_figures.js';

const target = document.getElementById('table');

function showTable(rows) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const name of rows[0]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows.slice(1)) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const td = tr.insertCell();
      if (rows[0][i] === 'value') td.className = 'num';
      td.textContent = cell;
    });
  }
  target.replaceChildren(table);
}

function showError(lines) {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = Array.isArray(lines) ? lines.join('\n') : String(lines);
  target.replaceChildren(p);
}

try {
  await init();
  showTable(tableRows());
} catch (e) {
  showError(e);
}
