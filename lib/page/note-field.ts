/**
 * Hands the summary back to the EHR: appended to the note field as plain text (never HTML), with the
 * events a framework-driven EHR listens for, so its own model sees the change and saves it.
 */
export function insertIntoNoteField(field: Element, text: string): boolean {
  const doc = field.ownerDocument;
  const fire = () => {
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  };
  if (field instanceof doc.defaultView!.HTMLTextAreaElement || field instanceof doc.defaultView!.HTMLInputElement) {
    const current = field.value;
    field.value = current.trim() ? `${current.replace(/\s+$/, '')}\n\n${text}` : text;
    fire();
    return true;
  }
  if (field instanceof doc.defaultView!.HTMLElement && field.isContentEditable) {
    const block = doc.createElement('div');
    text.split('\n').forEach((line, i) => {
      if (i > 0) block.append(doc.createElement('br'));
      block.append(doc.createTextNode(line));
    });
    field.append(block);
    fire();
    return true;
  }
  return false;
}

/** Copies text to the clipboard; falls back to a hidden textarea + execCommand where the async API is refused. */
export async function copyText(text: string, scratchParent: Node & ParentNode): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const doc = (scratchParent as Node).ownerDocument ?? document;
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    scratchParent.append(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
