import '@/lib/no-eval';
import '@/components/theme.css';
import { PanelPage } from '@/components/panel/PanelPage';
import { renderPage } from '@/components/PageRoot';

renderPage(<PanelPage />);
