import './style.css';
import '@/lib/zod-config'; // before any schema is built
import { startPopupPage } from '@/lib/pages/popup/page';

startPopupPage(document.getElementById('app')!);
