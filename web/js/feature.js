// The attribute panel: a clicked feature's properties with translated field names.
import { t, num } from './i18n.js';

const HIDDEN = new Set(['_status']);

export function showFeature(layerId, feature, layer, state) {
  const panel = document.getElementById('feature-panel');
  const list = document.getElementById('feature-attributes');
  list.replaceChildren();
  const title = document.createElement('dt');
  title.className = 'feature-layer';
  title.textContent = t(`layer.${layerId}`);
  const id = document.createElement('dd');
  id.textContent = `#${feature.id}`;
  list.append(title, id);
  for (const [key, value] of Object.entries(feature.properties)) {
    if (HIDDEN.has(key) || value === null || value === undefined) continue;
    const dt = document.createElement('dt');
    dt.textContent = t(`field.${key}`);
    const dd = document.createElement('dd');
    dd.dataset.field = key;
    dd.textContent = typeof value === 'number' ? num(value, 2) : translateValue(key, value);
    list.append(dt, dd);
  }
  panel.hidden = false;
  if (layer?.setStyle) {
    state.selected?.layer?.setStyle?.(state.selected.style);
    state.selected = { layer, style: { ...layer.options } };
    layer.setStyle({ weight: 4, color: '#0d47a1' });
  }
}

function translateValue(key, value) {
  const k = `value.${key}.${value}`;
  const text = t(k);
  return text === k ? String(value) : text;
}
