/* app.js: small progressive enhancements of the pages; every page works without it.
 * Forms with data-confirm ask before they are sent (deleting, signing out other devices). */
'use strict';
document.addEventListener('submit', function (ev) {
  var form = ev.target;
  var question = form && form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) ev.preventDefault();
});
