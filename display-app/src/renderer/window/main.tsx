import { createRoot } from 'react-dom/client';
import '@hall/shared/ui/base.css';
import '../common/screen.css';
import './window.css';
import { WindowScreenApp } from './WindowScreen';
import { windowNoFromPath } from './window-no';

createRoot(document.getElementById('root')!).render(<WindowScreenApp windowNo={windowNoFromPath(window.location.pathname)} />);
