import '@/lib/no-eval';
import '@/components/theme.css';
import { PanelPage } from '@/components/panel/PanelPage';
import { renderPage } from '@/components/PageRoot';
import { startPanelGuard } from '@/lib/ui/panel/guard';

// Before anything renders: the content script posts this frame's key when it has loaded.
const guard = startPanelGuard(document.documentElement);

renderPage(<PanelPage guard={guard} />);
