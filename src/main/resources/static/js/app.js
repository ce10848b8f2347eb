// Sends the CSRF token with every htmx request and opens the navigation on small screens.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.querySelector('.nav-toggle');
  var nav = document.getElementById('nav');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});
// Refuses a file larger than its input's data-max-bytes before uploading it, showing the input's data-too-large.
document.addEventListener('htmx:confirm', function (event) {
  var form = event.detail.elt;
  if (!form || !form.querySelectorAll) {
    return;
  }
  var inputs = form.querySelectorAll('input[type=file][data-max-bytes]');
  for (var i = 0; i < inputs.length; i++) {
    var max = Number(inputs[i].getAttribute('data-max-bytes'));
    for (var j = 0; j < inputs[i].files.length; j++) {
      if (inputs[i].files[j].size > max) {
        event.preventDefault();
        var target = document.querySelector(form.getAttribute('hx-target')) || form;
        var message = document.createElement('p');
        message.className = 'notice error';
        message.setAttribute('role', 'alert');
        message.setAttribute('data-testid', 'upload-too-large');
        message.textContent = inputs[i].getAttribute('data-too-large');
        target.replaceChildren(message);
        return;
      }
    }
  }
});
// Shows the explanation a refused request carries (file too large, invalid input) instead of dropping it.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if (status === 413 || status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
