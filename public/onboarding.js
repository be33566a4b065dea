// Progressive enhancement of the onboarding questionnaire (the page works without it):
// answers autosave as the client types. Files chosen in the section's file fields belong to
// its form and go with whichever button is pressed (the server stores or refuses them); the
// script only says they are on their way. Every text shown comes from the page's data
// attributes, rendered from the catalogs.
(() => {
  const form = document.getElementById('answers');
  if (!form) return;
  const status = document.querySelector('[data-autosave-status]');
  const pending = new Map();
  let timer;

  const fieldsOf = (name) =>
    document.querySelectorAll(`[form="answers"][name="${CSS.escape(name)}"]`);
  const currentValue = (name) => {
    const fields = [...fieldsOf(name)];
    if (fields[0]?.type === 'checkbox') return fields.filter((f) => f.checked).map((f) => f.value);
    return fields[0]?.value ?? '';
  };

  async function flush() {
    if (pending.size === 0) return;
    const answers = Object.fromEntries(pending);
    pending.clear();
    try {
      const response = await fetch(form.dataset.autosave, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ answers }),
      });
      if (!response.ok) throw new Error(String(response.status));
      if (status) status.textContent = form.dataset.saved;
    } catch {
      // Keep the answers to send again with the next change or the retry below.
      for (const [name, value] of Object.entries(answers))
        if (!pending.has(name)) pending.set(name, value);
      if (status) status.textContent = form.dataset.failed;
      clearTimeout(timer);
      timer = setTimeout(flush, 5000);
    }
  }

  document.addEventListener('input', (event) => {
    const field = event.target;
    if (!(field instanceof HTMLElement) || field.getAttribute('form') !== 'answers' || !field.name)
      return;
    // A file is not an answer to autosave: it is sent with the form itself.
    if (field.type === 'file') return;
    pending.set(field.name, currentValue(field.name));
    clearTimeout(timer);
    timer = setTimeout(flush, 800);
  });
  // A big file takes a while on a phone: say so, and keep a second tap from sending it twice.
  form.addEventListener('submit', (event) => {
    const files = [...document.querySelectorAll('input[type="file"][form="answers"]')];
    if (!files.some((input) => input.files?.length)) return;
    if (form.dataset.sendingNow) return event.preventDefault();
    form.dataset.sendingNow = 'yes';
    if (status) status.textContent = form.dataset.sending;
  });
  // Back to this page from the next one (the browser's page cache): it may be sent again.
  window.addEventListener('pageshow', () => delete form.dataset.sendingNow);
  // Leaving the page (or submitting it) sends what is still pending.
  window.addEventListener('pagehide', () => {
    if (pending.size === 0) return;
    navigator.sendBeacon?.(
      form.dataset.autosave,
      new Blob([JSON.stringify({ answers: Object.fromEntries(pending) })], {
        type: 'application/json',
      }),
    );
  });
})();
