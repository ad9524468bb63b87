/**
 * The page's own reply box (留言 / 回复 / 拒绝理由 / 协商说明) and putting text into it the way a
 * person typing would, so React-controlled inputs take it and undo keeps it.
 */

/** Words in a box's placeholder or label that make it a reply to the buyer (not a private memo). */
const REPLY_WORDS = /留言|回复|拒绝理由|拒绝原因|协商|说明|买家可见|发送给买家/;
const NOT_REPLY = /备忘|备注|搜索|查询|订单编号|运单号/;

function labelOf(el: HTMLTextAreaElement | HTMLInputElement | HTMLElement): string {
  const parts = [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('title')];
  const id = el.id;
  if (id) parts.push(el.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? null);
  parts.push(el.closest('label')?.textContent ?? null);
  // The heading of the section the box sits in (e.g. 留言 / 协商).
  let section: Element | null = el.parentElement;
  for (let i = 0; section && i < 3; i++, section = section.parentElement) {
    const heading = section.firstElementChild;
    if (heading && heading !== el && !heading.contains(el)) {
      parts.push(heading.textContent);
      break;
    }
  }
  return parts.filter(Boolean).join(' ');
}

/** Reply boxes on the page, best first: the one with focus (or last focused), then by label. */
export function findReplyBoxes(doc: Document, lastFocused?: Element | null): HTMLElement[] {
  const all = [...doc.querySelectorAll<HTMLElement>('textarea, [contenteditable="true"], [contenteditable=""]')].filter(
    (el) => {
      if ((el as HTMLTextAreaElement).disabled || (el as HTMLTextAreaElement).readOnly) return false;
      const label = labelOf(el);
      return REPLY_WORDS.test(label) && !NOT_REPLY.test(label);
    },
  );
  const focused = lastFocused && all.find((el) => el === lastFocused);
  return focused ? [focused, ...all.filter((el) => el !== focused)] : all;
}

export type InsertResult = { ok: true; how: 'typed' | 'set' } | { ok: false; reason: string };

/**
 * Insert `text` at the cursor of `box`. First as typing (execCommand insertText: fires the input
 * events a framework listens to and keeps undo), then by the native value setter plus an input
 * event; each time it checks the text really is in the box.
 */
export function insertIntoBox(box: HTMLElement, text: string): InsertResult {
  const doc = box.ownerDocument;
  const isField =
    box instanceof doc.defaultView!.HTMLTextAreaElement || box instanceof doc.defaultView!.HTMLInputElement;
  const current = () => (isField ? (box as HTMLTextAreaElement).value : (box.textContent ?? ''));
  const before = current();
  box.focus();
  try {
    if (doc.execCommand('insertText', false, text) && current().includes(text) && current() !== before)
      return { ok: true, how: 'typed' };
  } catch {
    // fall through to the setter
  }
  if (isField) {
    const field = box as HTMLTextAreaElement;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    const next = field.value.slice(0, start) + text + field.value.slice(end);
    const proto = Object.getPrototypeOf(field) as object;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the native setter, called with the field as `this`
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) setter.call(field, next);
    else field.value = next;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    if (field.value.includes(text)) return { ok: true, how: 'set' };
  }
  return { ok: false, reason: '页面的输入框没有接受插入的文字' };
}
