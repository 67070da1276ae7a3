import './style.css';
import { startOptionsPage } from '@/lib/options-page/page';

startOptionsPage(document.getElementById('app')!);
