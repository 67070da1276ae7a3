import './style.css';
import { startPopupPage } from '@/lib/popup/page';

startPopupPage(document.getElementById('app')!);
