// 进驻工作: submit the 村居 picker on change; the notice's print button.
document.addEventListener('change', function (e) {
  if (e.target.matches('select[data-autosubmit]')) { e.target.form.submit(); }
});
document.addEventListener('click', function (e) {
  if (e.target.matches('[data-print]')) { window.print(); }
});
