import '@/lib/no-eval';
import '@/components/theme.css';
import { DashboardPage } from '@/components/dashboard/DashboardPage';
import { renderPage } from '@/components/PageRoot';
import { preloadFirstScreen } from '@/lib/ui/dashboard/data';

preloadFirstScreen(location.hash);

renderPage(<DashboardPage />, { home: '#/contacts' });
