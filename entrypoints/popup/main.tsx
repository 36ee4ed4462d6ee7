import '@/lib/no-eval';
import '@/components/theme.css';
import { PopupPage } from '@/components/popup/PopupPage';
import { renderPage } from '@/components/PageRoot';

renderPage(<PopupPage />);
