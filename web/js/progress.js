// The progress bar for long operations (imports, construction plans, previews of large areas).
// Its own module so views can use it without importing the page's entry module.
import { t } from './i18n.js';

let running = 0;

/**
 * Shows the bar with `label` while `work()` runs and answers its result. Overlapping operations
 * keep the bar up until the last one ends; the bar is a live region so screen readers hear it.
 */
export async function withProgress(label, work) {
  const bar = document.getElementById('progress');
  bar.querySelector('span').textContent = label || t('progress.working');
  bar.hidden = false;
  running++;
  document.body.dataset.busy = 'true';
  try {
    return await work();
  } finally {
    running--;
    if (running === 0) {
      bar.hidden = true;
      delete document.body.dataset.busy;
    }
  }
}
