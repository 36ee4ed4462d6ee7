import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { PopupPage } from '@/components/popup/PopupPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupPage />
  </StrictMode>,
);
