/* upload.js: a progress bar for the forms that send image files (form[data-upload], the
 * product pages). The same form is sent with XMLHttpRequest so that the upload's progress
 * can be shown in its <progress> (labelled, its end announced); the page the server answers
 * with (the one the successful POST redirects to, or the form again with its errors) then
 * takes the place of this one's main part, and the address follows. Without JavaScript,
 * or without files chosen, the form is sent as usual. */
'use strict';
(function () {
  function start(form, ev) {
    var files = form.querySelector('input[type=file]');
    if (!files || !files.files || files.files.length === 0 || !window.FormData) return;
    var box = form.querySelector('.upload-progress');
    var bar = box && box.querySelector('progress');
    var status = box && box.querySelector('[data-upload-status]');
    if (!bar) return;
    ev.preventDefault();
    box.hidden = false;
    bar.value = 0;
    var buttons = form.querySelectorAll('button[type=submit]');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100);
        bar.setAttribute('aria-valuetext', bar.value + '%');
      }
    });
    xhr.addEventListener('load', function () {
      bar.value = 100;
      if (status) status.textContent = status.getAttribute('data-text-done');
      /* What the server answered: the page the successful POST redirected to (the XHR
       * followed it), or the form again with its errors. Its main part replaces this one's. */
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var main = doc.querySelector('main');
      if (!main) {
        window.location.assign(xhr.responseURL || form.action);
        return;
      }
      document.title = doc.title;
      document.querySelector('main').replaceWith(main);
      if (xhr.status < 400 && xhr.responseURL)
        window.history.replaceState(null, '', xhr.responseURL);
      var focus = main.querySelector('.error-summary, .flash') || main;
      if (!focus.hasAttribute('tabindex')) focus.setAttribute('tabindex', '-1');
      focus.focus();
    });
    xhr.addEventListener('error', function () {
      if (status) status.textContent = status.getAttribute('data-text-failed');
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
      box.hidden = true;
    });
    xhr.send(new FormData(form));
  }
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (ev.defaultPrevented || !form || !form.hasAttribute || !form.hasAttribute('data-upload'))
      return;
    start(form, ev);
  });
})();
