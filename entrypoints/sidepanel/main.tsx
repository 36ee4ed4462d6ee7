import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { PanelPage } from '@/components/panel/PanelPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelPage />
  </StrictMode>,
);
