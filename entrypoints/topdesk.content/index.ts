import { helpdeskContentScript } from '@/lib/pages/sidebar/content-script';
import { topdeskPage } from '@/lib/helpdesks/topdesk/page';
export default helpdeskContentScript(topdeskPage);
