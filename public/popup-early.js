// Runs while the popup's HTML is parsed, before its module script loads: starts reading the queue
// snapshot the worker keeps in storage.session, so the first paint does not wait for that read
// (lib/pages/popup/page.tsx picks the promise up; lib/pages/popup/snapshot.ts checks the value).
'use strict';
(function () {
  try {
    var area = (globalThis.browser || globalThis.chrome).storage.session;
    globalThis.__slaPopupSnapshot = area ? area.get('popupSnapshot') : undefined;
  } catch {
    globalThis.__slaPopupSnapshot = undefined;
  }
})();
