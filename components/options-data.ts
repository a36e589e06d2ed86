import { html, nothing } from 'lit';
import type { DataCounts } from '../lib/messages';
import { exportFileNames } from '../lib/transfer/files';
import { RETENTION_CHOICES } from './options-app';
import { feedbackLine, lockedNote, errorText, OptionsSection } from './options-styles';

/** Stored data: how long it is kept, how much there is, export all (the clinician's click) and erase. */
export class SmsOptionsData extends OptionsSection {
  static properties = {
    ...OptionsSection.properties,
    counts: { state: true },
    confirming: { state: true },
  };

  counts: DataCounts | null = null;
  confirming = false;
  override async refresh(): Promise<void> {
    try {
      this.counts = await this.ctx.api.send({ type: 'data/counts' });
    } catch (error) {
      this.feedback = { kind: 'error', text: errorText(error) };
    }
  }

  private async exportAll(): Promise<void> {
    const { t, api } = this.ctx;
    try {
      const data = await api.send({ type: 'data/export' });
      api.download(exportFileNames.data(api.now()), `${JSON.stringify(data, null, 2)}\n`, 'application/json');
      this.feedback = { kind: 'ok', text: t('optionsExportDone') };
    } catch (error) {
      this.feedback = { kind: 'error', text: errorText(error) };
    }
  }

  private async erase(): Promise<void> {
    const { t, api } = this.ctx;
    try {
      await api.send({ type: 'data/erase' });
      this.confirming = false;
      this.feedback = { kind: 'ok', text: t('optionsEraseDone') };
      await this.refresh();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('#erase')?.focus();
    } catch (error) {
      this.feedback = { kind: 'error', text: errorText(error) };
    }
  }

  private async askToErase(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#erase-cancel')?.focus();
  }

  private async cancelErase(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#erase')?.focus();
  }

  override render() {
    const { t, view } = this.ctx;
    const locked = this.ctx.isLocked('retentionDays');
    const days = view.settings.retentionDays;
    const choices: number[] = RETENTION_CHOICES.includes(days as 30) ? [...RETENTION_CHOICES] : [...RETENTION_CHOICES, days].sort((a, b) => a - b);
    const c = this.counts;
    const total = c ? c.consultations + c.goals + c.metrics + c.corrupt : 0;
    return html`<section aria-labelledby="data-title">
      <h2 id="data-title">${t('optionsDataTitle')}</h2>
      <p>${t('optionsDataIntro')}</p>
      <div class="field">
        <label for="retention">${t('optionsRetention')}</label>
        <select
          id="retention"
          name="retention"
          ?disabled=${locked}
          aria-describedby="retention-hint${locked ? ' retention-locked' : ''}"
          @change=${(e: Event) => void this.ctx.save({ retentionDays: Number((e.target as HTMLSelectElement).value) })}
        >
          ${choices.map((d) => html`<option value=${d} ?selected=${d === days}>${t('optionsRetentionDays', d)}</option>`)}
        </select>
        <span id="retention-hint" class="muted">${t('optionsRetentionHint')}</span>
        ${lockedNote(t, locked, 'retention-locked')}
      </div>
      <h3 id="counts-title">${t('optionsStored')}</h3>
      ${c
        ? html`<table aria-labelledby="counts-title" id="counts">
            <tbody>
              <tr><th scope="row">${t('optionsStoredConsultations')}</th><td class="num" data-count="consultations">${c.consultations}</td></tr>
              <tr><th scope="row">${t('optionsStoredGoals')}</th><td class="num" data-count="goals">${c.goals}</td></tr>
              <tr><th scope="row">${t('optionsStoredMetrics')}</th><td class="num" data-count="metrics">${c.metrics}</td></tr>
              ${c.corrupt ? html`<tr><th scope="row">${t('optionsStoredCorrupt')}</th><td class="num" data-count="corrupt">${c.corrupt}</td></tr>` : nothing}
            </tbody>
          </table>`
        : nothing}
      <div class="row">
        <button type="button" id="export-all" @click=${() => void this.exportAll()}>${t('optionsExportAll')}</button>
        ${this.confirming
          ? nothing
          : html`<button type="button" id="erase" class="danger" @click=${() => void this.askToErase()}>${t('optionsErase')}</button>`}
      </div>
      ${this.confirming
        ? html`<div role="alertdialog" aria-labelledby="erase-question" aria-describedby="erase-detail" class="warning">
            <p id="erase-question"><strong>${t('optionsEraseConfirm', total)}</strong></p>
            <p id="erase-detail">${t('optionsEraseDetail')}</p>
            <div class="row">
              <button type="button" id="erase-confirm" class="danger primary" @click=${() => void this.erase()}>${t('optionsEraseYes')}</button>
              <button type="button" id="erase-cancel" @click=${() => void this.cancelErase()}>${t('optionsEraseCancel')}</button>
            </div>
          </div>`
        : nothing}
      ${feedbackLine(this.feedback)}
    </section>`;
  }
}
