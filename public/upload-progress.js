// Progressive enhancement of upload forms (form[data-upload]); they work without it. With
// it, the form is sent in the background and its progress shown; a refusal is shown in
// place, the form keeps what was typed. Texts come from the form's data attributes
// (rendered from the catalogs): data-uploading ("… {percent}%") and data-failed.
(() => {
  for (const upload of document.querySelectorAll('form[data-upload]')) {
    upload.addEventListener('submit', (event) => {
      event.preventDefault();
      const status = upload.querySelector('[data-upload-status]');
      const say = (text, isError) => {
        if (!status) return;
        status.textContent = text;
        status.classList.toggle('field-error', isError);
      };
      const request = new XMLHttpRequest();
      request.open('POST', upload.action);
      request.setRequestHeader('Accept', 'application/json');
      request.responseType = 'json';
      request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) {
          say(
            upload.dataset.uploading.replace(
              '{percent}',
              String(Math.round((e.loaded / e.total) * 100)),
            ),
            false,
          );
        }
      });
      request.addEventListener('loadend', () => {
        if (request.status === 200) return window.location.reload();
        const error = request.response?.error;
        const fields = Object.values(error?.fields ?? {});
        say(fields.length ? fields.join(' ') : (error?.message ?? upload.dataset.failed), true);
      });
      request.send(new FormData(upload));
    });
  }
})();
