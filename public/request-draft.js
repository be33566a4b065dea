// Progressive enhancement of the client space's request form (the page works without it):
// the draft saves itself a moment after the contact stops typing, through the form's own
// draft route. Files are never sent from here — a chosen file stays in its field and goes
// with "save draft" or "send" as without JavaScript. Each save posts the draft's version
// (savedAt) and gets the new one back, so a save from another tab that came later is never
// silently overwritten: the server answers 409 and this tab stops saving and says why.
// A save whose response was lost (a dropped connection, a 5xx) may have been written: the
// server answers its retry with the current version (same answers), and a 409 after such a
// failure first re-posts the failed answers to learn whether they were ours before stopping.
// A change not yet saved is posted when the page goes away (pagehide, keepalive).
// Every text shown comes from the form's data attributes, rendered from the catalogs.
(() => {
  const form = document.querySelector('form[data-request-draft]');
  if (!form) return;
  const status = form.querySelector('[data-autosave-status]');
  const note = form.querySelector('[data-autosave-note]');
  if (note) note.hidden = false;
  const WAIT_MS = 1500;
  const RETRY_MS = 5000;
  let timer;
  let saving = null;
  let changedWhileSaving = false;
  let stopped = false;
  // The answers of a save that failed without an answer: perhaps written all the same.
  let lostSave = null;

  const say = (text) => {
    if (status) status.textContent = text;
  };
  const timeNow = () =>
    new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date());
  const version = () => {
    let input = form.querySelector('input[name="savedAt"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'savedAt';
      form.prepend(input);
    }
    return input;
  };
  // The first save of a new request creates its draft: from then on the form writes to it.
  // The form's address: not `form.action`, which its buttons named "action" shadow.
  const target = () => new URL(form.getAttribute('action') ?? '', location.href);
  const becameDraft = (id) => {
    if (/\/api\/space\/requests\/?$/.test(target().pathname)) {
      form.setAttribute('action', `/api/space/requests/${encodeURIComponent(id)}`);
      history.replaceState(null, '', `/space/requests/${encodeURIComponent(id)}/edit`);
      // The draft belongs to the project it was saved in (its page no longer offers a choice).
      const project = form.querySelector('select[name="projectId"]');
      if (project) project.disabled = true;
    }
  };
  const answersOnly = () => {
    const body = new FormData(form);
    for (const input of form.querySelectorAll('input[type="file"]')) body.delete(input.name);
    body.set('action', 'save');
    return body;
  };

  const post = (body, keepalive = false) =>
    fetch(target(), {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body,
      credentials: 'same-origin',
      keepalive,
    });
  const accepted = (body) => {
    version().value = String(body.savedAt);
    becameDraft(body.id);
  };
  // After a lost save, a 409: were the lost answers written (then the stored version is ours)?
  const ownLostSave = async () => {
    if (!lostSave) return false;
    const again = await post(lostSave);
    lostSave = null;
    if (!again.ok) return false;
    accepted(await again.json());
    return true;
  };

  async function save() {
    if (stopped) return;
    if (saving) {
      changedWhileSaving = true;
      return;
    }
    say(form.dataset.saving);
    saving = (async () => {
      try {
        const answers = answersOnly();
        let response;
        try {
          response = await post(answers);
        } catch (error) {
          lostSave = answers;
          throw error;
        }
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          lostSave = null;
          accepted(body);
          // "Saved at" only when nothing typed since waits for its own save.
          if (!changedWhileSaving && !pending) say(form.dataset.saved.replace('{time}', timeNow()));
          return;
        }
        if (response.status >= 500) {
          lostSave = answers;
          throw new Error(String(response.status));
        }
        if (response.status === 409 && (await ownLostSave())) {
          changedWhileSaving = true;
          return;
        }
        // A refusal (saved elsewhere, sent, a text too long, signed out): say it; a conflict
        // or a lost session stops the saving, the rest waits for the next change.
        say(body.error?.message ?? form.dataset.failed);
        if (response.status === 409 || response.status === 401 || response.status === 404)
          stopped = true;
      } catch {
        say(form.dataset.failed);
        clearTimeout(timer);
        timer = setTimeout(save, RETRY_MS);
      }
    })();
    await saving;
    saving = null;
    if (changedWhileSaving) {
      changedWhileSaving = false;
      schedule();
    }
  }

  let pending = false;
  function schedule() {
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      pending = false;
      save();
    }, WAIT_MS);
  }

  const changed = (event) => {
    const field = event.target;
    if (!(field instanceof HTMLElement) || !field.name || field.type === 'file') return;
    schedule();
  };
  // Leaving with a change not yet saved: post it on the way out (the browser keeps it alive).
  addEventListener('pagehide', () => {
    if (stopped || !pending || saving) return;
    clearTimeout(timer);
    pending = false;
    post(answersOnly(), true).catch(() => {});
  });
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // A button pressed while a save is on its way waits for it, then posts the new version.
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    pending = false;
    if (!saving) return;
    event.preventDefault();
    const button = event.submitter;
    saving.then(() => form.requestSubmit(button ?? undefined));
  });
})();
