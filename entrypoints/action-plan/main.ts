import { defineActionPlanElements, type SmsActionPlan } from '../../components/action-plan-view';
import { JobIdSchema } from '../../lib/action-plan/schema';
import { resolveLanguage, translator } from '../../lib/i18n';
import { sendRequest } from '../../lib/messaging';

/**
 * The printable "My action plan" page. Opened by the background on `action-plan.html#<job id>`; the id is
 * read once, dropped from the address (so it is not in history or the print header) and exchanged for the
 * plan through action-plan/get, which deletes the job. Nothing here is stored.
 */
async function main(): Promise<void> {
  defineActionPlanElements();
  const status = document.getElementById('status')!;
  const view = document.querySelector('sms-action-plan') as SmsActionPlan;
  const id = JobIdSchema.safeParse(location.hash.slice(1));
  history.replaceState(null, '', location.pathname);

  const fallback = translator(resolveLanguage('auto', navigator.language));
  status.textContent = fallback('actionPlanLoading');
  try {
    if (!id.success) throw new Error('no plan id');
    const { plan } = await sendRequest({ type: 'action-plan/get', id: id.data });
    const t = translator(plan.lang);
    document.documentElement.lang = plan.lang;
    document.title = t('actionPlanTitle');
    view.t = t;
    view.plan = plan;
    status.textContent = '';
    await view.fitToPage();
    document.body.dataset.ready = 'true';
  } catch {
    status.textContent = fallback('actionPlanGone');
    document.body.dataset.ready = 'gone';
  }
}

void main();
