// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { insertIntoNoteField } from '../../lib/page/note-field';

describe('insertIntoNoteField', () => {
  it('fills an empty textarea and tells the EHR it changed', () => {
    document.body.innerHTML = '<textarea id="n"></textarea>';
    const field = document.getElementById('n') as HTMLTextAreaElement;
    let inputs = 0;
    field.addEventListener('input', () => inputs++);
    expect(insertIntoNoteField(field, 'SMS: goal agreed')).toBe(true);
    expect(field.value).toBe('SMS: goal agreed');
    expect(inputs).toBe(1);
  });

  it('appends below what the clinician already wrote', () => {
    document.body.innerHTML = '<textarea id="n">S: cough\n</textarea>';
    const field = document.getElementById('n') as HTMLTextAreaElement;
    insertIntoNoteField(field, 'SMS line');
    expect(field.value).toBe('S: cough\n\nSMS line');
  });

  it('inserts markup-looking text into a contenteditable as text, not HTML', () => {
    document.body.innerHTML = '<div id="n" contenteditable="true"></div>';
    const field = document.getElementById('n')!;
    insertIntoNoteField(field, 'Goal: <img src=x onerror=alert(1)>\nsecond line');
    expect(field.querySelector('img')).toBeNull();
    expect(field.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(field.querySelectorAll('br')).toHaveLength(1);
  });

  it('refuses an element that is not a note field', () => {
    document.body.innerHTML = '<p id="n">text</p>';
    expect(insertIntoNoteField(document.getElementById('n')!, 'x')).toBe(false);
  });
});
