/**
 * Mutations a redesign of the seller backend would make to a page, applied to a fixture document.
 * The reader must read every mutated variant exactly as the original.
 */

function textNodes(doc: Document): Text[] {
  const out: Text[] = [];
  const walker = doc.createTreeWalker(doc.body, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.parentElement?.tagName !== 'SCRIPT' && n.parentElement?.tagName !== 'STYLE') out.push(n as Text);
  return out;
}

/** New hashed class names everywhere (a new build of the platform's CSS modules). */
export function scrambleClasses(doc: Document): void {
  const map = new Map<string, string>();
  let i = 0;
  for (const el of doc.body.querySelectorAll('[class]')) {
    el.className = el.className
      .split(/\s+/)
      .filter(Boolean)
      .map(
        (c) =>
          map.get(c) ?? (map.set(c, `x${(i++).toString(36)}_${Math.random().toString(36).slice(2, 7)}`), map.get(c)!),
      )
      .join(' ');
  }
}

/** An extra wrapper element around the content of every element (new layout components). */
export function wrapEverything(doc: Document): void {
  for (const el of [...doc.body.querySelectorAll('div, span, li, td, dd, p')]) {
    const wrap = doc.createElement(el.tagName === 'SPAN' ? 'span' : 'div');
    while (el.firstChild) wrap.appendChild(el.firstChild);
    el.appendChild(wrap);
  }
}

/** Full-width colons become half-width and the other way round. */
export function swapColons(doc: Document): void {
  for (const t of textNodes(doc)) t.data = t.data.replace(/[：:]/g, (c) => (c === '：' ? ':' : '：'));
}

/** Extra whitespace and line breaks inside and around every text. */
export function addWhitespace(doc: Document): void {
  // After a label's colon (not inside a time such as 14:51:13).
  for (const t of textNodes(doc)) t.data = `\n   ${t.data.replace(/([\u4e00-\u9fff])([：:])/g, '$1$2 \n ')}\n  `;
}

/** Columns in another order, in the header and in every row alike. */
export function reverseColumns(doc: Document, headSelector: string, rowSelector: string): void {
  for (const el of [doc.querySelector(headSelector), ...doc.querySelectorAll(rowSelector)]) {
    if (!el) continue;
    const kids = [...el.children];
    kids.reverse().forEach((k) => el.appendChild(k));
  }
}

/** The 千牛 div grid rewritten as a <table>: a <thead> and one <tbody> per case. */
export function gridToTable(
  doc: Document,
  headSelector: string,
  rowSelector: string,
  rowTopSelector: string,
  rowBodySelector: string,
): void {
  const head = doc.querySelector(headSelector);
  if (!head) throw new Error('no header to rewrite');
  const table = doc.createElement('table');
  const thead = doc.createElement('thead');
  const htr = doc.createElement('tr');
  for (const cell of [...head.children]) {
    const th = doc.createElement('th');
    th.textContent = cell.textContent;
    htr.appendChild(th);
  }
  thead.appendChild(htr);
  table.appendChild(thead);
  const rows = [...doc.querySelectorAll(rowSelector)];
  for (const row of rows) {
    const tbody = doc.createElement('tbody');
    const top = doc.createElement('tr');
    const topCell = doc.createElement('td');
    topCell.colSpan = head.children.length;
    const rowTop = row.querySelector(rowTopSelector);
    if (rowTop) while (rowTop.firstChild) topCell.appendChild(rowTop.firstChild);
    top.appendChild(topCell);
    const body = doc.createElement('tr');
    for (const cell of [...(row.querySelector(rowBodySelector)?.children ?? [])]) {
      const td = doc.createElement('td');
      while (cell.firstChild) td.appendChild(cell.firstChild);
      body.appendChild(td);
    }
    tbody.append(top, body);
    table.appendChild(tbody);
  }
  head.replaceWith(table);
  rows.forEach((r) => r.remove());
}
