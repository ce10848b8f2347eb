// 码上巡察: refuses too many or too large photos before uploading them over a phone connection, keeps a second tap
// from sending the form twice, and lets "back" links go back. The server checks everything again.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('report-form');
  if (form) {
    var input = document.getElementById('photos');
    var error = document.getElementById('photos-error');
    var check = function () {
      var max = Number(form.getAttribute('data-max-photos'));
      var maxBytes = Number(form.getAttribute('data-max-bytes'));
      var message = '';
      if (input.files.length > max) {
        message = form.getAttribute('data-too-many');
      }
      for (var i = 0; i < input.files.length && !message; i++) {
        if (input.files[i].size > maxBytes) {
          message = form.getAttribute('data-too-large');
        }
      }
      error.textContent = message;
      return !message;
    };
    input.addEventListener('change', check);
    form.addEventListener('submit', function (event) {
      if (!check()) {
        event.preventDefault();
        input.focus();
        return;
      }
      var button = form.querySelector('button[type=submit]');
      if (form.getAttribute('data-sent')) {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-sent', 'true');
      if (button) {
        button.disabled = true;
      }
    });
  }
  document.querySelectorAll('[data-back]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (window.history.length > 1) {
        event.preventDefault();
        window.history.back();
      }
    });
  });
});
