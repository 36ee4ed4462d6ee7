import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { PanelPage } from '@/components/pages/PanelPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelPage />
  </StrictMode>,
);
