import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { PanelPage } from '@/components/panel/PanelPage';
import { startPanelGuard } from '@/lib/ui/panel/guard';

// Before anything renders: the content script posts this frame's key when it has loaded.
const guard = startPanelGuard(document.documentElement);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelPage guard={guard} />
  </StrictMode>,
);
