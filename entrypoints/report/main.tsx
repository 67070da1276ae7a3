import './style.css';
import { startReportPage } from '@/lib/pages/report/page';

startReportPage(document.getElementById('app')!);
