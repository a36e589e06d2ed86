import { html, nothing } from 'lit';
import { CONDITION_IDS, type ConditionId } from '../lib/conditions';
import type { DirectoryEntry } from '../lib/settings/schema';
import { lockedNote, OptionsSection } from './options-styles';

/** What to prompt for: conditions, strategies of the active pack, and the practice's local directory. */
export class SmsOptionsPrompts extends OptionsSection {
  static properties = {
    ...OptionsSection.properties,
    dirError: { state: true },
  };

  dirError = '';


  protected override clearMessages(): void {
    this.dirError = '';
  }

  private conditionName(id: ConditionId): string {
    return this.ctx.pack?.pack.conditionNames[id] ?? id;
  }

  private toggleCondition(id: ConditionId, on: boolean): void {
    void this.ctx.save(({ promptConditions: current }) => ({
      promptConditions: on ? CONDITION_IDS.filter((c) => c === id || current.includes(c)) : current.filter((c) => c !== id),
    }));
  }

  private toggleStrategy(id: string, on: boolean): void {
    void this.ctx.save(({ disabledStrategies: current }) => ({
      disabledStrategies: on ? current.filter((s) => s !== id) : [...current.filter((s) => s !== id), id],
    }));
  }

  private addEntry(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const entry: DirectoryEntry = {
      id: globalThis.crypto.randomUUID(),
      role: value('role').toLowerCase(),
      name: value('name'),
      ...(value('phone') ? { phone: value('phone') } : {}),
      ...(value('note') ? { note: value('note') } : {}),
    };
    if (!entry.role || !entry.name) {
      this.dirError = this.ctx.t('optionsDirectoryMissing');
      form.querySelector<HTMLInputElement>(entry.role ? '#dir-name' : '#dir-role')?.focus();
      return;
    }
    this.dirError = '';
    void this.ctx.save(({ directory }) => ({ directory: [...directory, entry] }), 'optionsDirectoryAdded').then((ok) => {
      if (ok) form.reset();
    });
  }

  private removeEntry(id: string): void {
    void this.ctx.save(({ directory }) => ({ directory: directory.filter((d) => d.id !== id) }), 'optionsDirectoryRemoved');
  }

  private renderConditions() {
    const { t, view } = this.ctx;
    const locked = this.ctx.isLocked('promptConditions');
    return html`<fieldset ?disabled=${locked} aria-describedby=${locked ? 'conditions-locked' : nothing}>
      <legend>${t('optionsConditions')}</legend>
      <div class="checks">
        ${CONDITION_IDS.map(
          (id) => html`<label>
            <input
              type="checkbox"
              name="condition"
              value=${id}
              .checked=${view.settings.promptConditions.includes(id)}
              @change=${(e: Event) => this.toggleCondition(id, (e.target as HTMLInputElement).checked)}
            />
            ${this.conditionName(id)}
          </label>`,
        )}
      </div>
      ${lockedNote(t, locked, 'conditions-locked')}
    </fieldset>`;
  }

  private renderStrategies() {
    const { t, view, pack } = this.ctx;
    const locked = this.ctx.isLocked('disabledStrategies');
    const strategies = pack?.pack.strategies ?? [];
    return html`<fieldset ?disabled=${locked} aria-describedby="strategies-hint${locked ? ' strategies-locked' : ''}">
      <legend>${t('optionsStrategies')}</legend>
      <p id="strategies-hint" class="muted">${t('optionsStrategiesHint', pack?.pack.title ?? '', pack?.version ?? '')}</p>
      <div class="checks">
        ${strategies.map(
          (s) => html`<label>
            <input
              type="checkbox"
              name="strategy"
              value=${s.id}
              .checked=${!view.settings.disabledStrategies.includes(s.id)}
              @change=${(e: Event) => this.toggleStrategy(s.id, (e.target as HTMLInputElement).checked)}
            />
            <span>${s.label} <span class="muted">(${s.type === 'individual' ? pack?.pack.labels.individual : pack?.pack.labels.collaborative})</span></span>
          </label>`,
        )}
      </div>
      ${lockedNote(t, locked, 'strategies-locked')}
    </fieldset>`;
  }

  private renderDirectory() {
    const { t, view, pack } = this.ctx;
    const locked = this.ctx.isLocked('directory');
    const roles = [...new Set((pack?.pack.strategies ?? []).flatMap((s) => (s.contactRole ? [s.contactRole] : [])))].sort();
    const entries = view.settings.directory;
    return html`<h3 id="directory-title">${t('optionsDirectory')}</h3>
      <p class="muted">${t('optionsDirectoryHint')}</p>
      ${entries.length
        ? html`<table aria-labelledby="directory-title">
            <thead>
              <tr>
                <th scope="col">${t('optionsDirectoryRole')}</th>
                <th scope="col">${t('optionsDirectoryName')}</th>
                <th scope="col">${t('optionsDirectoryPhone')}</th>
                <th scope="col">${t('optionsDirectoryNote')}</th>
                <th scope="col"><span class="visually-hidden">${t('optionsDirectoryActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (d) => html`<tr data-entry=${d.id}>
                  <td>${d.role}</td>
                  <td>${d.name}</td>
                  <td>${d.phone ?? ''}</td>
                  <td>${d.note ?? ''}</td>
                  <td>
                    <button type="button" ?disabled=${locked} aria-label=${t('optionsDirectoryRemoveFor', d.name)} @click=${() => this.removeEntry(d.id)}>
                      ${t('optionsDirectoryRemove')}
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">${t('optionsDirectoryEmpty')}</p>`}
      <form @submit=${(e: Event) => this.addEntry(e)} novalidate aria-label=${t('optionsDirectoryAdd')}>
        <fieldset ?disabled=${locked} aria-describedby=${locked ? 'directory-locked' : nothing}>
          <legend>${t('optionsDirectoryAdd')}</legend>
          <div class="row">
            <div class="field">
              <label for="dir-role">${t('optionsDirectoryRole')}</label>
              <input id="dir-role" name="role" type="text" list="dir-roles" required aria-required="true" size="14" />
              <datalist id="dir-roles">${roles.map((r) => html`<option value=${r}></option>`)}</datalist>
            </div>
            <div class="field">
              <label for="dir-name">${t('optionsDirectoryName')}</label>
              <input id="dir-name" name="name" type="text" required aria-required="true" size="22" />
            </div>
            <div class="field">
              <label for="dir-phone">${t('optionsDirectoryPhone')}</label>
              <input id="dir-phone" name="phone" type="tel" size="14" />
            </div>
            <div class="field">
              <label for="dir-note">${t('optionsDirectoryNote')}</label>
              <input id="dir-note" name="note" type="text" size="24" />
            </div>
            <button type="submit" class="primary">${t('optionsDirectoryAddButton')}</button>
          </div>
          ${this.dirError ? html`<p class="error" role="alert">${this.dirError}</p>` : nothing}
          ${lockedNote(t, locked, 'directory-locked')}
        </fieldset>
      </form>`;
  }

  override render() {
    const { t } = this.ctx;
    return html`<section aria-labelledby="prompts-title">
      <h2 id="prompts-title">${t('optionsPromptsTitle')}</h2>
      ${this.renderConditions()} ${this.renderStrategies()} ${this.renderDirectory()}
    </section>`;
  }
}
