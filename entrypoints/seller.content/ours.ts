/**
 * The elements this content script made (the sidebar's host, the row badges), known by reference,
 * not by tag name: a page element that imitates them is page content like any other.
 */
const made = new Set<Element>();

/** Note an element as ours; returns it. */
export function own<T extends Element>(el: T): T {
  made.add(el);
  return el;
}

/** Whether a node is, or lies inside, an element we made. */
export function isOurs(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n instanceof Element && made.has(n)) return true;
  return false;
}

/** Our elements still on the page, for the reader to leave out (those the page dropped are forgotten). */
export function ourElements(): ReadonlySet<Element> {
  for (const el of made) if (!el.isConnected) made.delete(el);
  return made;
}
