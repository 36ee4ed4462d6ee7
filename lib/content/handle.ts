// The small tab that collapses and reopens the panel. It lives in the host page (a shadow root, so
// the page's CSS cannot restyle it) and carries no customer data: only the product's initial.
import type { ContentContext } from './context';

export interface Handle {
  update(state: { collapsed: boolean; top: number; right: number; width: number }): void;
  remove(): void;
}

export function mountHandle(ctx: ContentContext, onToggle: () => void): Handle {
  const host = document.createElement('kundennah-handle');
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'K';
  // The shadow stays clear of the panel: anything drawn over it makes the panel refuse writes
  // (lib/ui/panel/guard.ts).
  const style = document.createElement('style');
  style.textContent = `button{all:initial;position:fixed;z-index:2147483001;cursor:pointer;
    font:700 13px system-ui,sans-serif;color:#fff;background:#0f6e5c;width:22px;height:56px;
    border-radius:6px 0 0 6px;text-align:center;box-shadow:-6px 2px 6px -3px rgb(0 0 0/.3)}
    button:focus-visible{outline:2px solid #f0a500}`;
  root.append(style, button);
  // Only a real click: the page can reach the button and click it from a script.
  button.addEventListener('click', (e) => {
    if (e.isTrusted) onToggle();
  });
  document.documentElement.append(host);
  const remove = () => host.remove();
  ctx.onInvalidated(remove);
  return {
    update({ collapsed, top, right, width }) {
      button.style.top = `${top + 12}px`;
      button.style.right = `${collapsed ? right : right + width + 2}px`;
      button.setAttribute('aria-expanded', String(!collapsed));
      button.setAttribute(
        'aria-label',
        collapsed
          ? 'Kundennah: Seitenleiste öffnen / open panel'
          : 'Kundennah: Seitenleiste einklappen / collapse panel',
      );
      button.title = button.getAttribute('aria-label') ?? '';
      button.textContent = collapsed ? 'K' : '›';
    },
    remove,
  };
}
