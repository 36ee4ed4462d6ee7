import '@/lib/no-eval';
import '@/components/theme.css';
import { DashboardPage } from '@/components/dashboard/DashboardPage';
import { renderPage } from '@/components/PageRoot';

renderPage(<DashboardPage />, { home: '#/contacts' });
