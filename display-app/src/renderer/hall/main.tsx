import { createRoot } from 'react-dom/client';
import '@hall/shared/ui/base.css';
import '../common/screen.css';
import './hall.css';
import { HallScreenApp } from './HallScreen';

createRoot(document.getElementById('root')!).render(<HallScreenApp />);
