import './style.css';
import '@/lib/zod-config'; // before any schema is built
import { startOptionsPage } from '@/lib/pages/options/page';

startOptionsPage(document.getElementById('app')!);
