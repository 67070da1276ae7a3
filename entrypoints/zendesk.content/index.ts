import { helpdeskContentScript } from '@/lib/pages/sidebar/content-script';
import { zendeskPage } from '@/lib/helpdesks/zendesk/page';
export default helpdeskContentScript(zendeskPage);
