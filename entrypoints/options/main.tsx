import './style.css';
import '@/lib/zod-config'; // before any schema is built
import { startOptionsPage } from '@/lib/options-page/page';

startOptionsPage(document.getElementById('app')!);
